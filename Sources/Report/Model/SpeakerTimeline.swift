import Signals

/// The timed active findings of one speaker, in time order.
public struct SpeakerTimeline: Sendable, Hashable {
  /// The speaker as the export writes it; empty for units without a speaker.
  public var speaker: String
  /// The speaker's role in the case.
  public var role: SpeakerRole
  /// The speaker's findings that carry a time, sorted by time, then path and line; for a report
  /// whose findings were spilled, only those the HTML report shows.
  public var findings: [Finding]
  /// The speaker's timed findings left out of `findings`.
  public var omitted: Int

  /// Creates a timeline.
  public init(speaker: String, role: SpeakerRole, findings: [Finding], omitted: Int = 0) {
    self.speaker = speaker
    self.role = role
    self.findings = findings
    self.omitted = omitted
  }
}
