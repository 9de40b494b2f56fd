import ArgumentParser
import Foundation
import Signals

extension MingjianCommand.Lexicon {
  /// `mingjian lexicon test [PATH…]`: run every rule's examples and annotated test files.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run every rule's hit/ok examples and each <pack>.test.txt; exit 1 on failure.",
      discussion: """
        Ends with a line 'N passed, N failed'. PATH is a lexicon folder (default: lexicons).

        Examples:
          mingjian lexicon test
          mingjian lexicon test lexicons --json
        """
    )

    @Argument(help: "Lexicon folders to test.")
    var paths: [String] = ["lexicons"]

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() throws {
      var failed = false
      for path in paths {
        let lexicon = try LexiconOptions.parse(["--lexicons", path]).load()
        let report = LexiconTestRunner(lexicon: lexicon).run()
        print(json ? try JSONText.render(report) : report.render())
        failed = failed || report.failed > 0
      }
      if failed { throw ExitStatus.failed }
    }
  }
}
