import Ingest
import Signals

/// Which conversations of one document no subject takes part in, found piece by piece as the
/// document is read, so that what others said there is shown as `thirdParty` rather than as
/// what the subject was told (`counterpart`).
///
/// A conversation is named by its units' `conversation` (a unit with none belongs to the
/// document's unnamed one; two chats of one name count as one, which can only keep words
/// `counterpart`). It is a third parties' conversation only when it is certain that no message of
/// a subject appears in it:
/// - no unit of it is a subject's (a message, a transfer or a service action);
/// - at least two people speak in it: a chat in which one other person writes and the subject
///   never answers is most likely the subject's own one-to-one chat (evidence is mostly taken from
///   the subject's phone), whose words reached the subject;
/// - every message and transfer of it has a known speaker (a damaged header might be the
///   subject's), and it holds only chat units (an e-mail's paragraphs have a recipient the units
///   do not name);
/// - every message of it was read, or the file holds no spelling of any subject
///   (`SubjectPresence`), or, read again without the sieve, no message of it is a subject's: a
///   message a `UnitSieve` left unread keeps no speaker, and so a sieved scan decides as a scan
///   that builds every message;
/// - the document's format does not split one chat across files (Telegram HTML writes at most
///   1,000 messages per `messages*.html`: the subject may speak in another file).
/// When any of this is unsure the words stay `counterpart`.
struct ConversationVoices {
  /// Formats one chat of which may continue in another file.
  static let splitFormats: Set<DocumentFormat> = [.telegramHTML]

  /// Conversations in which a subject's unit appears.
  private var subjectSpeaks: Set<String> = []
  /// Conversations some message of which may be a subject's without saying so.
  private var unsure: Set<String> = []
  /// Conversations with messages left unread.
  private var unread: Set<String> = []
  /// Conversations holding a `counterpart` signal: the only ones worth deciding.
  private var told: Set<String> = []
  /// Per conversation, up to two of the people (not subjects) who speak in it.
  private var voices: [String: Set<String>] = [:]

  /// The name `unit`'s conversation is known by here.
  static func key(of unit: TextUnit) -> String { unit.conversation ?? "" }

  /// Notes what the units of `piece` say of their conversations, their roles as `scan` gives
  /// them. Consecutive units mostly share a conversation, so each run of one is noted once, and
  /// a speaker's role is looked up again only when the speaker changes.
  mutating func add(_ piece: EvidenceDocument, scan: DocumentScan) {
    guard scan.namesSubjects else { return }
    var run = Run()
    var last: (speaker: String?, id: String?, subject: Bool)?
    for unit in piece.units {
      if run.key.map({ !$0.utf8.elementsEqual((unit.conversation ?? "").utf8) }) ?? true {
        note(run)
        run = Run(key: Self.key(of: unit))
      }
      switch unit.kind {
      case .elided: run.unread = true
      case .paragraph, .row, .line: run.unsure = true
      case .message, .transfer, .system:
        // With subjects named, a unit's role is `unknown` exactly when it names no speaker.
        guard unit.speaker != nil || unit.speakerID != nil else {
          if unit.kind != .system { run.unsure = true }
          continue
        }
        if run.subjectSpeaks { continue }
        if let last, Self.same(last.speaker, unit.speaker), Self.same(last.id, unit.speakerID) {
          run.subjectSpeaks = last.subject
        } else {
          let subject = scan.role(of: unit) == .subject
          last = (unit.speaker, unit.speakerID, subject)
          run.subjectSpeaks = subject
          if !subject, run.voices.count < 2 { run.voices.insert("\(unit.speaker ?? "")\u{0}\(unit.speakerID ?? "")") }
        }
      }
    }
    note(run)
  }

  /// Whether two optional names are the same bytes.
  private static func same(_ one: String?, _ other: String?) -> Bool {
    switch (one, other) {
    case (nil, nil): true
    case (let one?, let other?): one.utf8.elementsEqual(other.utf8)
    default: false
    }
  }

  /// Notes the conversations of `signals`' `counterpart` units, `units` those of their piece.
  mutating func noteTold(_ signals: [Signal], in units: [TextUnit]) {
    for signal in signals where signal.speakerRole == .counterpart {
      if let unit = FindingAssembler.unit(at: signal.unitIndex, in: units) { told.insert(Self.key(of: unit)) }
    }
  }

  /// The conversations whose `counterpart` words are third parties', once the whole document
  /// (`document`, read from `entry` of `evidence`) has been added; `subjects` as named for the
  /// case. When a candidate has unread messages and the file may name a subject, the document is
  /// read again without the sieve (parsed only, not scanned) to see who speaks in them.
  func thirdParty(
    subjects: [String], entry: EvidenceEntry, document: EvidenceDocument, evidence: EvidenceFolder,
    streaming: StreamingPolicy, scan: DocumentScan
  ) -> Set<String> {
    guard !Self.splitFormats.contains(document.format) else { return [] }
    let unread = withUnreadMessages
    guard !unread.isEmpty,
      !unread.allSatisfy(hasTwoVoices) || SubjectPresence.mayName(subjects, in: entry, document: document)
    else {
      return certain.union(unread)
    }
    var unsieved = evidence
    unsieved.unitSieve = nil
    var whole = ConversationVoices()
    _ = unsieved.read(entry, streaming: streaming) { whole.add($0, scan: scan) }
    return certain.union(
      unread.subtracting(whole.subjectSpeaks).subtracting(whole.unsure).subtracting(whole.unread).filter(whole.hasTwoVoices))
  }

  /// The conversations with `counterpart` words in which no subject's message appears, at least
  /// two people speak, and every message was read with a known speaker and is a chat unit: third
  /// parties' for certain.
  var certain: Set<String> { candidates.subtracting(unread).filter(hasTwoVoices) }

  /// Whether at least two people who are not subjects speak in conversation `key`, as read.
  private func hasTwoVoices(_ key: String) -> Bool { voices[key]?.count ?? 0 >= 2 }

  /// The conversations that would be third parties' if their unread messages hold no subject's
  /// (and, where the messages read show only one person, another person's).
  var withUnreadMessages: Set<String> { candidates.intersection(unread) }

  /// The conversations with `counterpart` words in which no unit read is a subject's and no
  /// unit read leaves it unsure.
  private var candidates: Set<String> { told.subtracting(subjectSpeaks).subtracting(unsure) }

  /// Gives `signals` (of a piece whose units are `units`) on a `counterpart` unit of one of
  /// `thirdParty` the role `thirdParty`.
  static func relabel(_ signals: inout [Signal], in units: [TextUnit], thirdParty: Set<String>) {
    guard !thirdParty.isEmpty else { return }
    for index in signals.indices where signals[index].speakerRole == .counterpart {
      guard let unit = FindingAssembler.unit(at: signals[index].unitIndex, in: units) else { continue }
      if thirdParty.contains(key(of: unit)) { signals[index].speakerRole = .thirdParty }
    }
  }

  /// What one run of units of a conversation said of it.
  private struct Run {
    var key: String?
    var subjectSpeaks = false
    var unsure = false
    var unread = false
    var voices: Set<String> = []
  }

  private mutating func note(_ run: Run) {
    guard let key = run.key else { return }
    if run.subjectSpeaks { subjectSpeaks.insert(key) }
    if run.unsure { unsure.insert(key) }
    if run.unread { unread.insert(key) }
    if !run.voices.isEmpty, voices[key]?.count ?? 0 < 2 { voices[key, default: []].formUnion(run.voices) }
  }
}
