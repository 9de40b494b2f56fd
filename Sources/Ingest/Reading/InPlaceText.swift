import Crypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A UTF-8 text file decoded in the memory it is read into: the file is read straight into the
/// storage of a `String`, which the standard library adopts as it is when it is valid UTF-8, so
/// a large export read whole is held once rather than as bytes and as text side by side.
///
/// The outcome is the one `TextDecoding.decode` would give: text sniffed as anything else
/// (binary signatures, UTF-16 byte-order marks, NUL bytes) comes back as bytes for the ordinary
/// path, and text that is not valid UTF-8 (GB18030, damaged files) is reported as repaired, to be
/// read again the ordinary way, since the standard library has by then replaced its bad bytes:
/// only the bytes tell GB18030 from UTF-8 damaged in a few places, and where the damage is
/// (`TextDecoding.sniff`, `UTF8Damage`).
enum InPlaceText {
  /// What reading gave.
  enum Outcome {
    /// Valid UTF-8, without its byte-order mark, with the file's SHA-256.
    case text(String, TextEncoding, sha256: String)
    /// Not text to decode in place after all (a NUL byte after the head): the bytes read.
    case bytes([UInt8])
    /// Not valid UTF-8: the standard library repaired it, so it must be read again as bytes.
    case repaired
  }

  /// Whether the file's first bytes allow UTF-8 text: no known binary signature, no UTF-16
  /// byte-order mark, no NUL byte (UTF-16 without a mark is told by its NUL bytes), and valid
  /// UTF-8 but for a character cut at their end. A GB18030 file fails at its first Chinese
  /// character, so it is read as bytes at once: read into a string, its bytes would have been
  /// replaced by U+FFFD, three bytes for each, before it was read again.
  ///
  /// Only the first `checkedLength` bytes are checked to be UTF-8: the read that follows checks
  /// the whole file anyway (and reports it `repaired` when it is not), so checking all of a head
  /// that is the whole of a small chat validated it twice.
  static func mayBeUTF8(head: [UInt8]) -> Bool {
    guard BinarySignature.detect(head) == nil, !head.starts(with: [0xFF, 0xFE]), !head.starts(with: [0xFE, 0xFF])
    else { return false }
    return !containsNUL(head[...]) && isUTF8ButForItsEnd(head.prefix(checkedLength))
  }

  /// How many of a file's first bytes `mayBeUTF8(head:)` checks to be UTF-8: enough to meet the
  /// first Chinese characters of a GB18030 export, which then is read as bytes at once; one whose
  /// first non-UTF-8 byte comes later is told by its read, and read again.
  static let checkedLength = 1_024

  /// Whether `bytes` are valid UTF-8, leaving aside a character cut at their end.
  private static func isUTF8ButForItsEnd(_ bytes: ArraySlice<UInt8>) -> Bool {
    let start = bytes.startIndex
    var end = bytes.endIndex
    var lead = end
    while lead > start, end - lead < 3, bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
    if lead > start {
      let first = bytes[lead - 1]
      let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
      if end - (lead - 1) < length { end = lead - 1 }
    }
    return bytes[..<end].withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
  }

  /// Reads a file of `capacity` bytes whose first bytes are `head` (already found to allow UTF-8
  /// by `mayBeUTF8(head:)`; empty when nothing was read yet): `fillRest` fills the buffer from
  /// the offset given and returns how many bytes it then holds (one more than the buffer when
  /// the file grew, which the caller reports).
  static func read(
    head: [UInt8], capacity: Int, fillRest: (UnsafeMutableBufferPointer<UInt8>, Int) -> Int
  ) -> Outcome {
    var sha256 = ""
    var bytes: [UInt8]?
    var markLength = 0
    var kept = 0
    let text = String(unsafeUninitializedCapacity: capacity) { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      let headCount = min(head.count, buffer.count)
      head.withUnsafeBufferPointer { source in
        if let from = source.baseAddress { base.update(from: from, count: headCount) }
      }
      let count = min(fillRest(buffer, headCount), buffer.count)
      let content = UnsafeBufferPointer(rebasing: buffer[..<count])
      // The head was sniffed by the caller when it gave one; else the first bytes are sniffed here.
      let sniffed = head.isEmpty ? 0 : headCount
      guard sniffed > 0 || mayBeUTF8(head: Array(content.prefix(TextDecoding.sniffLength))), !containsNUL(content[sniffed...]) else {
        bytes = Array(content)
        return 0
      }
      sha256 = SHA256.hash(data: UnsafeRawBufferPointer(content)).lowercaseHex
      if content.starts(with: [0xEF, 0xBB, 0xBF]) {
        markLength = 3
        memmove(base, base + 3, count - 3)
      }
      kept = count - markLength
      return kept
    }
    if let bytes { return .bytes(bytes) }
    guard text.utf8.count == kept, !containsReplacementCharacter(text) else { return .repaired }
    return .text(text, markLength > 0 ? .utf8BOM : .utf8, sha256: sha256)
  }

  /// Whether a NUL byte occurs.
  private static func containsNUL(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard let base = bytes.base.baseAddress, !bytes.isEmpty else { return false }
    return memchr(base + bytes.startIndex, 0, bytes.count) != nil
  }

  private static func containsNUL(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { containsNUL($0[...]) }
  }

  /// Whether U+FFFD occurs: a repair may keep the byte count (a three-byte replacement for a
  /// cut three-byte sequence), so a text holding one, repaired or not, is read again.
  private static func containsReplacementCharacter(_ text: String) -> Bool {
    text.utf8Contains("\u{FFFD}")
  }
}
