import ArgumentParser
import Foundation

/// The `mingjian` root command: wiring only; every decision lives in Ingest, Signals and Report.
@main
struct MingjianCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mingjian",
    abstract: "明鉴 — screen evidence for signals of 明知 under Criminal Law Art. 287-2 (帮信罪).",
    discussion: """
      Reads chat exports and other evidence, flags signals with editable Chinese lexicons, maps \
      them to the clauses they support (above all the seven items of Art. 11 of 法释〔2019〕15号) \
      beside exculpatory neutral-help factors, and writes a cited report.

      Not legal advice: the report supports a human judgement and never decides guilt. Every \
      finding needs human review.

      Examples:
        mingjian scan corpus/demo -o report --subject 小李
        mingjian lexicon test lexicons
        mingjian eval corpus
        mingjian clauses
      """,
    version: "0.1.0",
    subcommands: [Scan.self, Eval.self, Lexicon.self, Clauses.self, Formats.self]
  )

  /// Parses and runs the command; usage errors exit 2 (not argument-parser's 64), as the
  /// exit-code contract promises: 0 done, 1 tests failed, 2 usage or fatal error. A usage error
  /// found while parsing is printed with the usage of the subcommand it belongs to; one found
  /// while running (where that subcommand is no longer known to the parser) with its message
  /// only, never with the root command's usage.
  static func main() {
    var command: ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      if exitCode(for: error) == .validationFailure {
        printError(fullMessage(for: error))
        Foundation.exit(ExitStatus.fatal.rawValue)
      }
      exit(withError: error)
    }
    do {
      try command.run()
    } catch let error as ValidationError {
      printError("Error: \(error.message)")
      Foundation.exit(ExitStatus.fatal.rawValue)
    } catch {
      exit(withError: error)
    }
  }
}
