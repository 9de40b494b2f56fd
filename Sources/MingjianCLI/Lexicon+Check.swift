import ArgumentParser
import Signals

extension MingjianCommand.Lexicon {
  /// `mingjian lexicon check`: load and lint the packs.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load and lint the lexicon packs; exit 1 if any problem is found.",
      discussion: """
        Lints: duplicate ids, unknown clause ids, short terms, regex hazards (\\b, unbounded .*, \
        empty matches), terms that normalisation makes unmatchable, and more \
        (--list-checks). Each problem names file:line:column.

        Examples:
          mingjian lexicon check
          mingjian lexicon check --lexicons my-packs --strict
        """
    )

    @OptionGroup var lexiconOptions: LexiconOptions

    @Flag(help: "Print every check with its id and severity, then exit.")
    var listChecks = false

    @Flag(help: "Treat warnings as failures.")
    var strict = false

    func run() throws {
      if listChecks {
        for check in LexiconLinter.checks {
          let id = check.id.padding(toLength: 28, withPad: " ", startingAt: 0)
          print("\(id) \(check.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(check.summary)")
        }
        return
      }
      let lexicon = try lexiconOptions.load()
      let problems = lexicon.diagnostics + LexiconLinter.lint(lexicon)
      for problem in problems { print(problem) }
      let failing = problems.filter { $0.severity == .error || (strict && $0.severity == .warning) }
      print("\(lexicon.rules.count) rules in \(lexicon.packs.count) packs: \(failing.count) failing, \(problems.count - failing.count) other notes")
      if !failing.isEmpty { throw ExitStatus.failed }
    }
  }
}
