import Foundation
import Ingest

/// Decides whose words a unit holds, relative to the subjects named for a case.
///
/// Without subjects nobody's role is known: every unit is `unknown`, and rules with
/// `speaker: subject` or `speaker: counterpart` then fire on every `unknown` unit, so that a scan
/// without `--subject` still shows everything. With subjects, a unit whose speaker (display name,
/// trimmed, or account id) is a subject is `subject`, any other speaker is `counterpart`, and a
/// unit with no speaker (a paragraph, a plain line) is `unknown` and counts only for
/// `speaker: any` rules. System notices never count for `subject` / `counterpart` rules.
struct SpeakerRoles: Sendable {
  let subjects: Set<String>

  init(subjects: Set<String>) {
    self.subjects = Set(subjects.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
  }

  /// The role of the unit's speaker.
  func role(of unit: TextUnit) -> SpeakerRole {
    guard !subjects.isEmpty, let speaker = unit.speaker else { return .unknown }
    if subjects.contains(speaker) { return .subject }
    let edges = [speaker.unicodeScalars.first, speaker.unicodeScalars.last].compactMap { $0 }
    if edges.contains(where: \.isWhitespaceScalar),
      subjects.contains(speaker.trimmingCharacters(in: .whitespacesAndNewlines))
    {
      return .subject
    }
    if let id = unit.speakerID, subjects.contains(id) { return .subject }
    return .counterpart
  }

  /// Whether a rule with `constraint` counts a unit of this kind and role.
  func admits(_ constraint: SpeakerConstraint, kind: UnitKind, role: SpeakerRole) -> Bool {
    switch constraint {
    case .any: return true
    case .subject, .counterpart:
      guard kind != .system else { return false }
      if subjects.isEmpty { return role == .unknown }
      return role.rawValue == constraint.rawValue
    }
  }
}
