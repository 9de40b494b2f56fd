import Foundation
import Ingest
import Signals

/// Scans every labelled case of a corpus with one lexicon set and scores it against its gold.
public struct CorpusEvaluator: Sendable {
  /// The rules under evaluation.
  public var lexicon: LexiconSet
  /// How evidence is read.
  public var ingestOptions: IngestOptions

  /// Creates an evaluator.
  public init(lexicon: LexiconSet, ingestOptions: IngestOptions = IngestOptions()) {
    self.lexicon = lexicon
    self.ingestOptions = ingestOptions
  }

  /// Discovers the cases below `corpus` and evaluates them all.
  public func evaluate(corpus: URL) throws -> CorpusEvaluation {
    try evaluate(cases: EvaluationCase.discover(in: corpus))
  }

  /// Evaluates the given cases, in order.
  public func evaluate(cases: [EvaluationCase]) throws -> CorpusEvaluation {
    var scores: [CaseScore] = []
    let clauses = Set(lexicon.clauses.entries.map(\.id))
    for evaluationCase in cases {
      try GoldCheck(evaluationCase: evaluationCase, clauses: clauses).validate()
      let pipeline = ScanPipeline(
        lexicon: lexicon, subjects: evaluationCase.subjects, ingestOptions: ingestOptions)
      let report = try pipeline.run(folder: evaluationCase.folder)
      scores.append(CaseScore(case: evaluationCase, report: report))
    }
    return CorpusEvaluation(cases: scores)
  }
}
