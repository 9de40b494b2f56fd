/// True positives, false positives and false negatives for one clause (or overall), with the
/// derived precision, recall and F1.
public struct ClauseCounts: Sendable, Hashable, Codable {
  /// Labels found and expected.
  public var truePositives = 0
  /// Labels found but not expected.
  public var falsePositives = 0
  /// Labels expected but not found.
  public var falseNegatives = 0

  /// Creates zero counts.
  public init() {}

  /// TP / (TP + FP); 1 when nothing was found (no false alarm was raised).
  public var precision: Double {
    let found = truePositives + falsePositives
    return found == 0 ? 1 : Double(truePositives) / Double(found)
  }

  /// TP / (TP + FN); 1 when nothing was expected.
  public var recall: Double {
    let expected = truePositives + falseNegatives
    return expected == 0 ? 1 : Double(truePositives) / Double(expected)
  }

  /// The harmonic mean of precision and recall.
  public var f1: Double {
    let p = precision
    let r = recall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }

  /// Adds another set of counts.
  public static func + (a: ClauseCounts, b: ClauseCounts) -> ClauseCounts {
    var sum = a
    sum.truePositives += b.truePositives
    sum.falsePositives += b.falsePositives
    sum.falseNegatives += b.falseNegatives
    return sum
  }
}
