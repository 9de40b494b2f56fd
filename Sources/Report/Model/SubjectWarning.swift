/// A subject named for the case (`--subject`, case.yml) whom no speaker of the scanned documents
/// matches, by display name or account id.
///
/// Such a subject silently turns every speaker into a counterpart, so the Art. 11 items that rest
/// on the subject's own words disappear; the report says so, with the names that were found.
public struct SubjectWarning: Sendable, Hashable {
  /// How many of the most frequent speakers a warning lists.
  public static let listedSpeakers = 5

  /// The subject as given.
  public var subject: String
  /// The speakers with the most messages, most first (at most `listedSpeakers`).
  public var speakers: [String]

  /// Creates a warning.
  public init(subject: String, speakers: [String]) {
    self.subject = subject
    self.speakers = speakers
  }

  /// The warning as one sentence, naming the subject and the speakers found.
  public var message: String {
    let found =
      speakers.isEmpty
      ? "no document has a named speaker"
      : "the speakers with the most messages are " + speakers.map { "“\($0)”" }.joined(separator: ", ")
    return "subject “\(subject)” matches no speaker name or account id in the scanned documents, so every "
      + "speaker is treated as a counterpart and rules about the subject's own words find nothing; \(found)"
  }

  /// One warning per subject of `subjects` that `census` does not match, in the order given.
  static func warnings(subjects: [String], census: SpeakerCensus) -> [SubjectWarning] {
    subjects.filter { !census.matches($0) }.map {
      SubjectWarning(subject: $0, speakers: census.mostFrequent(listedSpeakers))
    }
  }
}
