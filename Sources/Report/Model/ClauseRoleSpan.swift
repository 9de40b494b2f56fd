import Ingest
import Signals

/// The findings of one speaker role that cite a clause: how many, and when they were said.
///
/// 明知 is the subject's, and it must exist when the help is given: what the subject said, what
/// the subject was told and what nobody can be named for are set apart, each with its own span.
public struct ClauseRoleSpan: Sendable, Hashable {
  /// The speaker role of the findings (`subject`, `counterpart`, `thirdParty` or `unknown`).
  public var role: SpeakerRole
  /// Number of active findings of this role citing the clause.
  public var findings: Int
  /// The earliest and the latest message time among them that carry one (nil when none does),
  /// ordered by instant as `ClauseSummary.timeSpan` is.
  public var timeSpan: ClosedRange<ChatTime>?

  /// Creates the span of one role.
  public init(role: SpeakerRole, findings: Int, timeSpan: ClosedRange<ChatTime>? = nil) {
    self.role = role
    self.findings = findings
    self.timeSpan = timeSpan
  }

  /// The roles in the order the report lists them: the subject's own words, what the subject was
  /// told, what third parties said among themselves, then the unattributed.
  public static let roleOrder: [SpeakerRole] = [.subject, .counterpart, .thirdParty, .unknown]
}
