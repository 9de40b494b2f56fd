/// A corpus or gold file that cannot be used for evaluation.
public enum EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A gold or subjects file could not be read.
  case unreadable(path: String, reason: String)
  /// A gold row is not `finding|trap<TAB>path<TAB>line<TAB>clause<TAB>note`.
  case malformedGold(file: String, line: Int)
  /// The corpus folder holds no `<case>.gold.tsv` beside a `<case>/` folder.
  case noCases(corpus: String)
  /// A gold row is well formed but cannot be graded as written: its line is no number, its
  /// kind is unknown, it names a file the case lacks or a clause no pack catalogues, or its line
  /// is not the first line of a unit.
  case invalidGoldRow(file: String, line: Int, problem: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
    case .malformedGold(let file, let line):
      "\(file):\(line): gold row must be finding|trap<TAB>path<TAB>line<TAB>clause<TAB>note"
    case .noCases(let corpus):
      "\(corpus): no evaluation cases found (expected <case>/ folders with <case>.gold.tsv beside them)"
    case .invalidGoldRow(let file, let line, let problem): "\(file):\(line): \(problem)"
    }
  }
}
