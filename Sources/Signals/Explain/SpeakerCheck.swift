import Ingest

/// Whether a rule's `speaker` constraint counts the unit explained, and why (for
/// `lexicon explain FILE:LINE`): the same decision a scan makes with the same subjects.
public struct SpeakerCheck: Sendable, Hashable, Codable {
  /// The rule's constraint.
  public var constraint: SpeakerConstraint
  /// The unit's speaker as the export names it (display name, else account id), or nil.
  public var speaker: String?
  /// The role a scan with these subjects gives the unit.
  public var role: SpeakerRole
  /// Whether the rule counts the unit: false means a scan never fires the rule on it.
  public var holds: Bool
  /// Why, in one sentence.
  public var reason: String

  /// The check of `constraint` on `unit` for a scan naming `subjects` (`--subject`).
  public init(constraint: SpeakerConstraint, unit: TextUnit, subjects: Set<String>) {
    let roles = SpeakerRoles(subjects: subjects)
    let role = roles.role(of: unit)
    let speaker = unit.speaker ?? unit.speakerID
    self.constraint = constraint
    self.speaker = speaker
    self.role = role
    holds = roles.admits(constraint, kind: unit.kind, role: role)
    reason = Self.reason(
      constraint: constraint, kind: unit.kind, speaker: speaker, role: role, subjects: roles.subjects, holds: holds)
  }

  /// One line for the rendered explanation.
  public var line: String {
    "speaker: \(constraint.rawValue) — \(holds ? "holds" : "does not hold"): \(reason)"
  }

  private static func reason(
    constraint: SpeakerConstraint, kind: UnitKind, speaker: String?, role: SpeakerRole, subjects: Set<String>,
    holds: Bool
  ) -> String {
    let named = speaker.map { "“\($0)”" } ?? "the unit"
    let list = subjects.sorted().joined(separator: ", ")
    if constraint == .any { return "the rule counts every unit, whoever speaks" }
    if kind == .system { return "a system notice is nobody's words; subject and counterpart rules never count it" }
    switch role {
    case .unknown where subjects.isEmpty:
      return "no --subject given, so whose words these are is unknown; the rule counts the unit, marked speaker unknown"
    case .unknown:
      return "the unit has no speaker (\(kind.rawValue)); the rule counts it, marked speaker unknown"
    case .subject:
      let verdict = holds ? "" : ", not a counterpart"
      return "\(named) is a subject (--subject \(list))\(verdict)"
    case .counterpart, .thirdParty:
      let verdict = holds ? "" : ", not a subject"
      return "\(named) is not among the subjects (--subject \(list)): a counterpart\(verdict)"
    }
  }
}
