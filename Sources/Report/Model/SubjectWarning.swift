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
  /// Whether `speakers` were counted only in the messages read in full: the messages of some
  /// chat on which no rule could fire were not built, only searched for the subject's name
  /// (which the chat does not hold; see `SubjectPresence`).
  public var speakersFromReadMessages: Bool

  /// Creates a warning.
  public init(subject: String, speakers: [String], speakersFromReadMessages: Bool = false) {
    self.subject = subject
    self.speakers = speakers
    self.speakersFromReadMessages = speakersFromReadMessages
  }

  /// The warning as one sentence, naming the subject and the speakers found.
  public var message: String {
    var found =
      speakers.isEmpty
      ? "no document has a named speaker"
      : "the speakers with the most messages are " + speakers.map { "“\($0)”" }.joined(separator: ", ")
    if speakersFromReadMessages {
      found += " (among the messages read in full; the others, on which no rule could fire, were only searched for "
        + "“\(subject)”, which they do not contain)"
    }
    return "subject “\(subject)” matches no speaker name or account id in the scanned documents, so every "
      + "speaker is treated as someone else (a counterpart, or a third party where no subject speaks) and rules "
      + "about the subject's own words find nothing; \(found)"
  }

  /// One warning per subject of `subjects` that `census` does not match, in the order given.
  static func warnings(subjects: [String], census: SpeakerCensus) -> [SubjectWarning] {
    subjects.filter { !census.matches($0) }.map {
      SubjectWarning(
        subject: $0, speakers: census.mostFrequent(listedSpeakers), speakersFromReadMessages: !census.searchedPaths.isEmpty)
    }
  }
}
