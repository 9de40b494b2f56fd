import Foundation
import Ingest

/// Decides whose words a unit holds, relative to the subjects named for a case.
///
/// Without subjects nobody's role is known: every unit is `unknown`. With subjects, a unit whose
/// speaker (display name, trimmed, or account id — also when the export keeps only the id) is a
/// subject is `subject`, any other speaker is `counterpart`, and a unit whose speaker is not
/// known (a paragraph, a plain line, a chat message whose header could not be read) is `unknown`.
/// Rules with `speaker: subject` or `speaker: counterpart` fire on `unknown` units too, marked
/// `unknown`: whose words they are is left to the reader, and a scan with `--subject` never hides
/// what a scan without it shows. System notices never count for `subject` / `counterpart` rules.
struct SpeakerRoles: Sendable {
  let subjects: Set<String>

  init(subjects: Set<String>) {
    self.subjects = Set(subjects.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
  }

  /// The role of the unit's speaker.
  func role(of unit: TextUnit) -> SpeakerRole {
    guard !subjects.isEmpty else { return .unknown }
    guard let speaker = unit.speaker else {
      guard let id = unit.speakerID else { return .unknown }
      return subjects.contains(id) ? .subject : .counterpart
    }
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
      return role == .unknown || role.rawValue == constraint.rawValue
    }
  }
}
