import ArgumentParser
import Foundation
import Report

extension MingjianCommand {
  /// `mingjian eval CORPUS`: measure the lexicons against the labelled corpus.
  struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Scan every labelled case of a corpus and print precision, recall and F1.",
      discussion: """
        A case is a folder X with X.gold.tsv beside it (and optionally X.subjects, one name per \
        line). Prints TP/FP/FN, precision, recall and F1 per Art. 11 item and neutral factor and \
        overall, the number of clean cases (no Art. 11 label) that drew an Art. 11 finding, and \
        every missed or unexpected label.

        Examples:
          mingjian eval corpus
          mingjian eval corpus --json
        """
    )

    @Argument(help: "The corpus folder.")
    var corpus: String = "corpus"

    @OptionGroup var lexiconOptions: LexiconOptions

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() throws {
      guard LexiconFolder.isFolder(corpus) else {
        printError("mingjian: corpus folder not found or not a folder: \(corpus)")
        throw ExitStatus.fatal
      }
      let lexicon = try lexiconOptions.load()
      InterruptCleanup.install()
      let evaluation: CorpusEvaluation
      do {
        evaluation = try CorpusEvaluator(lexicon: lexicon).evaluate(corpus: URL(fileURLWithPath: corpus))
      } catch {
        printError("mingjian: \(error)")
        throw ExitStatus.fatal
      }
      print(json ? try JSONText.render(evaluation) : evaluation.render())
    }
  }
}
