import Ingest

/// How strongly the active findings support one clause.
public struct ClauseSummary: Sendable, Hashable {
  /// The clause id, e.g. `interp2019.art11.4`.
  public var id: String
  /// Number of active findings citing the clause.
  public var findings: Int
  /// Noisy-OR of the weights of distinct rules per document, rounded to 2 decimals (see
  /// `ClauseScore`). A ranking aid in [0, 1], not a probability of guilt.
  public var score: Double
  /// Id of the first citing finding in report order, for "jump to first" links.
  public var firstFindingID: String
  /// The earliest and the latest message time among the citing findings that carry one (nil
  /// when none does): when the signals for the clause were said, to set beside when the help was
  /// given — knowledge must exist at that time.
  public var timeSpan: ClosedRange<ChatTime>?
  /// The same count and span per speaker role, in `ClauseRoleSpan.roleOrder`, only the roles
  /// with findings: whose words the signals were, and when each said them.
  public var byRole: [ClauseRoleSpan]

  /// Creates a summary.
  public init(
    id: String, findings: Int, score: Double, firstFindingID: String, timeSpan: ClosedRange<ChatTime>? = nil,
    byRole: [ClauseRoleSpan] = []
  ) {
    self.id = id
    self.findings = findings
    self.score = score
    self.firstFindingID = firstFindingID
    self.timeSpan = timeSpan
    self.byRole = byRole
  }
}

/// The clause score: a noisy-OR over the distinct rules that support a clause.
///
/// Within one document each rule counts once per clause, however often it fires; the same rule in
/// another document counts again. `score = 1 − Π(1 − wᵢ)` stays in [0, 1] and rises with every
/// independent piece of support. Suppressed findings contribute nothing.
public enum ClauseScore {
  /// One sentence explaining the score, printed beside it in the report.
  public static let explanation =
    "score = 1 − Π(1 − w) over the distinct rules citing the clause in each document; "
    + "a ranking aid between 0 and 1, not a probability of guilt."

  /// The noisy-OR of `weights`, each clamped to [0, 1] (non-finite weights count as 0), rounded
  /// to 2 decimals so that output stays stable.
  public static func noisyOR<S: Sequence>(_ weights: S) -> Double where S.Element == Double {
    var miss = 1.0
    for weight in weights {
      let clamped = weight.isFinite ? min(max(weight, 0), 1) : 0
      miss *= 1 - clamped
    }
    return rounded(1 - miss)
  }

  /// `value` rounded to 2 decimals.
  static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
