import Foundation

/// Accuracy of the shipped lexicons over a labelled corpus: precision, recall and F1 per Art. 11
/// item and overall, and the false-alarm rate on clean cases.
public struct CorpusEvaluation: Sendable, Codable {
  /// One score per case, in case-name order.
  public var cases: [CaseScore]

  /// Creates an evaluation from case scores.
  public init(cases: [CaseScore]) { self.cases = cases }

  /// Counts per graded clause, summed over all cases.
  public var perClause: [String: ClauseCounts] {
    cases.reduce(into: [:]) { total, score in
      for (clause, counts) in score.perClause { total[clause, default: .init()] = total[clause, default: .init()] + counts }
    }
  }

  /// Counts over every graded clause.
  public var overall: ClauseCounts { perClause.values.reduce(ClauseCounts(), +) }

  /// Counts over the Art. 11 items only.
  public var article11: ClauseCounts {
    perClause.filter { $0.key.hasPrefix("interp2019.art11.") }.values.reduce(ClauseCounts(), +)
  }

  /// Clean cases with at least one Art. 11 finding, over all clean cases.
  public var cleanFalseAlarmRate: (alarmed: Int, clean: Int) {
    let clean = cases.filter(\.isClean)
    return (clean.filter { $0.article11Findings > 0 }.count, clean.count)
  }

  /// A plain-text table for the terminal.
  public func render() -> String {
    var lines: [String] = []
    let header = "clause".padding(toLength: 28, withPad: " ", startingAt: 0)
    lines.append("\(header)    TP    FP    FN  precision  recall     F1")
    for (clause, counts) in perClause.sorted(by: { $0.key < $1.key }) {
      lines.append(row(clause, counts))
    }
    lines.append(row("Art. 11 items", article11))
    lines.append(row("overall", overall))
    let (alarmed, clean) = cleanFalseAlarmRate
    let cleanFindings = cases.filter(\.isClean).reduce(0) { $0 + $1.article11Findings }
    lines.append(
      "clean cases with an Art. 11 finding: \(alarmed) of \(clean) (\(cleanFindings) findings)")
    for score in cases where !score.missed.isEmpty || !score.unexpected.isEmpty || !score.trapsHit.isEmpty {
      lines.append("\(score.name):")
      for label in score.missed { lines.append("  missed      \(label)") }
      for label in score.unexpected { lines.append("  unexpected  \(label)") }
      for trap in score.trapsHit { lines.append("  trap hit    \(trap)") }
    }
    return lines.joined(separator: "\n")
  }

  private func row(_ name: String, _ c: ClauseCounts) -> String {
    let label = name.padding(toLength: 28, withPad: " ", startingAt: 0)
    return label
      + String(format: "%6d%6d%6d%11.3f%8.3f%7.3f", c.truePositives, c.falsePositives,
        c.falseNegatives, c.precision, c.recall, c.f1)
  }
}
