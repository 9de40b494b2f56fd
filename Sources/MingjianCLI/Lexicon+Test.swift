import ArgumentParser
import Foundation
import Signals

extension MingjianCommand.Lexicon {
  /// `mingjian lexicon test [FOLDER…] [--lexicons DIR]`: run every rule's examples and annotated
  /// test files.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run every rule's hit/ok examples and each <pack>.test.txt; exit 1 on failure.",
      discussion: """
        Ends with a line 'N passed, N failed' per folder tested. The folders are the FOLDER \
        arguments and --lexicons; without either, the packs are found as for the other commands: \
        ./lexicons, else the lexicons folder of the checkout mingjian was built in.

        Examples:
          mingjian lexicon test
          mingjian lexicon test --lexicons my-packs --json
          mingjian lexicon test lexicons my-packs
        """
    )

    @Argument(help: "Lexicon folders to test (the same as --lexicons; several may be given).")
    var paths: [String] = []

    @OptionGroup var lexiconOptions: LexiconOptions

    @Flag(help: "Print the results as JSON.")
    var json = false

    /// Each folder to test with how it was named: the FOLDER arguments, then `--lexicons`, else
    /// the standard folder.
    private var folders: [(path: String, source: LexiconFolderError.Source)] {
      let named = paths.map { ($0, LexiconFolderError.Source.argument) } + (lexiconOptions.lexicons.map { [($0, .option)] } ?? [])
      return named.isEmpty ? [(lexiconOptions.folder, lexiconOptions.source)] : named
    }

    func run() throws {
      var failed = false
      for (path, source) in folders {
        let lexicon = try LexiconOptions.load(path, source: source)
        let report = LexiconTestRunner(lexicon: lexicon).run()
        print(json ? try JSONText.render(report) : report.render())
        failed = failed || report.failed > 0
      }
      if failed { throw ExitStatus.failed }
    }
  }
}
