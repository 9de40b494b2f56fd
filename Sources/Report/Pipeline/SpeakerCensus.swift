import Foundation
import Ingest

/// The speakers of the scanned documents and how many messages each has, counted piece by piece
/// as the documents are read (never holding their units), so that a subject who matches no
/// speaker can be reported with the names that were found.
///
/// A chat read through a `UnitSieve` leaves unread messages as elided runs, which keep no
/// speaker; such a document is listed in `sievedPaths`, and its speakers are complete only once
/// it has been counted again without the sieve.
struct SpeakerCensus: Sendable {
  /// Messages per speaker display name, trimmed of surrounding white space.
  private(set) var messages: [String: Int] = [:]
  /// The speakers' account ids (QQ number, e-mail, wxid).
  private(set) var accountIDs: Set<String> = []
  /// The documents holding units whose speakers were not read (elided runs).
  private(set) var sievedPaths: Set<String> = []
  /// The sieved documents that were only searched for the unmatched subjects' names, which they
  /// do not hold, instead of being counted again: their speakers are those of the messages read.
  private(set) var searchedPaths: Set<String> = []

  /// Counts the speakers of `piece`'s units. A chat has few speakers, so names are first
  /// tallied in a short list compared byte for byte, and hashed once per piece; a name beyond
  /// the list is counted at once. Each unit's fields are read where it lies, not copied.
  mutating func add(_ piece: EvidenceDocument) {
    var tallied: [(name: String, messages: Int)] = []
    var lastID: String?
    for index in piece.units.indices {
      if piece.units[index].kind == .elided {
        sievedPaths.insert(piece.path)
        continue
      }
      if let id = piece.units[index].speakerID, !id.isEmpty, lastID.map({ !$0.utf8.elementsEqual(id.utf8) }) ?? true {
        accountIDs.insert(id)
        lastID = id
      }
      guard let speaker = piece.units[index].speaker else { continue }
      if let known = tallied.firstIndex(where: { $0.name.utf8.elementsEqual(speaker.utf8) }) {
        tallied[known].messages += 1
      } else if tallied.count < Self.talliedNames {
        tallied.append((speaker, 1))
      } else {
        count(speaker, 1)
      }
    }
    messages.reserveCapacity(messages.count + tallied.count)
    for (name, messages) in tallied { count(name, messages) }
  }

  /// How many distinct names of a piece are tallied before they are hashed.
  private static let talliedNames = 16

  /// Adds the counts of `other`.
  mutating func merge(_ other: SpeakerCensus) {
    messages.merge(other.messages, uniquingKeysWith: +)
    accountIDs.formUnion(other.accountIDs)
    sievedPaths.formUnion(other.sievedPaths)
    searchedPaths.formUnion(other.searchedPaths)
  }

  /// Replaces what was counted of the documents at `paths` by `recount`, their count without
  /// the sieve: their speakers are added and they are no longer listed as sieved. `searched`
  /// are sieved documents found not to hold the unmatched subjects (`SubjectPresence`): they
  /// are no longer listed as sieved either, but as searched.
  mutating func complete(_ paths: Set<String>, with recount: SpeakerCensus, searched: Set<String> = []) {
    messages.merge(recount.messages, uniquingKeysWith: +)
    accountIDs.formUnion(recount.accountIDs)
    sievedPaths.subtract(paths)
    sievedPaths.subtract(searched)
    searchedPaths.formUnion(searched)
  }

  /// Whether `subject` names a speaker as `--subject` matching does: the display name (both
  /// trimmed) or the account id.
  func matches(_ subject: String) -> Bool {
    let trimmed = subject.trimmingCharacters(in: .whitespacesAndNewlines)
    return messages[trimmed] != nil || accountIDs.contains(trimmed)
  }

  /// The `limit` speakers with the most messages, most first, ties by name.
  func mostFrequent(_ limit: Int) -> [String] {
    messages.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit).map(\.key)
  }

  /// Adds `run` messages to `speaker`, trimmed of surrounding white space.
  private mutating func count(_ speaker: String, _ run: Int) {
    let scalars = speaker.unicodeScalars
    let padded = scalars.first?.properties.isWhitespace == true || scalars.last?.properties.isWhitespace == true
    let name = padded ? speaker.trimmingCharacters(in: .whitespacesAndNewlines) : speaker
    guard !name.isEmpty else { return }
    messages[name, default: 0] += run
  }
}
