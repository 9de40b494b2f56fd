import Foundation
import Ingest

#if canImport(Glibc)
  import Glibc
#endif

/// Whether a subject can be the speaker of a chat's unread messages, told from the file's bytes
/// without parsing it again.
///
/// A chat read through a `UnitSieve` keeps no speaker for the messages it left unread. A
/// speaker's name or account id is a stretch of the file's text (trimmed at most), so a subject
/// whose UTF-8 bytes occur nowhere in a UTF-8 file speaks in none of its messages, read or not.
/// Only when that cannot be told (the subject occurs, the file is in another encoding or inside
/// an archive, a subject's bytes change under Unicode normalisation) must the chat be counted
/// again without the sieve.
enum SubjectPresence {
  /// The encodings (`EvidenceDocument.encoding`) whose text is the file's bytes as they are.
  static let byteIdenticalEncodings: Set<String> = ["utf-8", "utf-8-bom"]

  /// Whether any of `subjects` may name a speaker of `document`, read from `entry`: false only
  /// when `entry` is a file of its own (not an archive member, not a link elsewhere) holding
  /// `document.bytes` bytes of UTF-8 text in which none of the subjects (trimmed) occurs.
  static func mayName(_ subjects: [String], in entry: EvidenceEntry, document: EvidenceDocument) -> Bool {
    let names = subjects.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    guard !names.isEmpty, names.allSatisfy(hasStableBytes),
      let encoding = document.encoding, byteIdenticalEncodings.contains(encoding),
      entry.problem == nil, entry.url.path.hasSuffix("/" + entry.relativePath),
      let data = try? Data(contentsOf: entry.url, options: .alwaysMapped), data.count == document.bytes
    else { return true }
    return data.withUnsafeBytes { file in names.contains { occurs(Array($0.utf8), in: file) } }
  }

  /// Whether `needle` (not empty) occurs in `haystack`: `memchr` to each place its last byte
  /// (a UTF-8 continuation byte for a Chinese name, rarer than a lead byte) could end it, then
  /// `memcmp`.
  static func occurs(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
    guard let base = haystack.baseAddress, let last = needle.last, needle.count <= haystack.count else { return false }
    var position = needle.count - 1
    while position < haystack.count {
      guard let found = memchr(base + position, Int32(last), haystack.count - position) else { return false }
      let end = base.distance(to: UnsafeRawPointer(found))
      let start = end - (needle.count - 1)
      if needle.withUnsafeBytes({ memcmp(base + start, $0.baseAddress ?? base, needle.count) }) == 0 { return true }
      position = end + 1
    }
    return false
  }

  /// Whether `name` is not empty and has the same bytes composed and decomposed, so that a
  /// speaker name equal to it (Swift compares strings by canonical equivalence) is written with
  /// its very bytes.
  static func hasStableBytes(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.elementsEqual(name.precomposedStringWithCanonicalMapping.utf8)
      && name.utf8.elementsEqual(name.decomposedStringWithCanonicalMapping.utf8)
  }
}
