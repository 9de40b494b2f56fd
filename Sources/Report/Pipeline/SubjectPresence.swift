import Foundation
import Ingest

#if canImport(Glibc)
  import Glibc
#endif

/// Whether a subject can be the speaker of a chat's unread messages, told from the file's bytes
/// without parsing it again.
///
/// A chat read through a `UnitSieve` keeps no speaker for the messages it left unread. A
/// speaker's name or account id is a stretch of the file's text (trimmed at most), written as it
/// is or escaped as the export escapes it (`&amp;`, `\"`, `\u5f20`: see `EscapedSpellings`), so a
/// subject none of whose spellings occurs in a UTF-8 file speaks in none of its messages, read
/// or not. Only when that cannot be told (a spelling occurs, the file is in another encoding or
/// inside an archive, a subject's bytes change under Unicode normalisation) must the chat be
/// counted again without the sieve.
enum SubjectPresence {
  /// The encodings (`EvidenceDocument.encoding`) whose text is the file's bytes as they are.
  static let byteIdenticalEncodings: Set<String> = ["utf-8", "utf-8-bom"]

  /// Whether any of `subjects` may name a speaker of `document`, read from `entry`: false only
  /// when `entry` is a file of its own (not an archive member, not a link elsewhere) holding
  /// `document.bytes` bytes of UTF-8 text in which no spelling of any subject (trimmed) occurs.
  /// A spelling with `&` or `\\` is looked for only when the file holds that byte at all.
  static func mayName(_ subjects: [String], in entry: EvidenceEntry, document: EvidenceDocument) -> Bool {
    let names = subjects.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    guard !names.isEmpty, names.allSatisfy(hasStableBytes),
      let encoding = document.encoding, byteIdenticalEncodings.contains(encoding),
      entry.problem == nil, entry.url.path.hasSuffix("/" + entry.relativePath),
      let data = try? Data(contentsOf: entry.url, options: .alwaysMapped), data.count == document.bytes
    else { return true }
    return data.withUnsafeBytes { file in
      var escapes = EscapeBytes(file)
      return names.contains { name in
        EscapedSpellings.of(name).contains { escapes.mayHold($0) && occurs($0, in: file) }
      }
    }
  }

  /// Which escape-introducing bytes (`&`, `\\`) a file holds, each looked for once, when a
  /// spelling first needs it.
  struct EscapeBytes {
    private let file: UnsafeRawBufferPointer
    private var found: [UInt8: Bool] = [:]

    init(_ file: UnsafeRawBufferPointer) { self.file = file }

    /// False when `spelling` holds an escape byte the file does not: it cannot occur.
    mutating func mayHold(_ spelling: [UInt8]) -> Bool {
      for byte: UInt8 in [0x26, 0x5C] where spelling.contains(byte) {
        if let known = found[byte] {
          if !known { return false }
          continue
        }
        let present = occurs([byte], in: file)
        found[byte] = present
        if !present { return false }
      }
      return true
    }
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
