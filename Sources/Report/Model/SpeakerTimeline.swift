import Signals

/// The timed active findings of one speaker, in time order.
public struct SpeakerTimeline: Sendable, Hashable {
  /// The speaker as the export writes it; empty for units without a speaker.
  public var speaker: String
  /// The speaker's role in the case.
  public var role: SpeakerRole
  /// The speaker's findings that carry a time, sorted by time, then path and line.
  public var findings: [Finding]

  /// Creates a timeline.
  public init(speaker: String, role: SpeakerRole, findings: [Finding]) {
    self.speaker = speaker
    self.role = role
    self.findings = findings
  }
}
