#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A text encoding the reader recognises, with the id written in `EvidenceDocument.encoding`.
enum TextEncoding: String, Sendable, Hashable {
  case utf8 = "utf-8"
  case utf8BOM = "utf-8-bom"
  case utf16LE = "utf-16le"
  case utf16BE = "utf-16be"
  case gb18030 = "gb18030"
}

/// The outcome of sniffing and decoding a file's bytes as text.
enum DecodedText: Sendable, Hashable {
  /// Decoded; the byte-order mark, if any, is not part of `text`.
  case text(String, TextEncoding)
  /// Binary data: NUL bytes outside UTF-16, an XOR-encoded picture, or bytes that only GB18030
  /// would decode, into control and private-use characters.
  case binary
  /// No supported encoding decodes the bytes.
  case undecodable
}

/// Encoding sniffing in the order of export-formats.md §0.1: BOMs, UTF-16 by zero-byte pattern,
/// valid UTF-8, then GB18030.
enum TextDecoding {
  /// How many leading bytes the UTF-16 zero-byte test looks at.
  static let sniffLength = 65_536

  /// Sniffs and decodes `bytes`.
  static func decode(_ bytes: [UInt8]) -> DecodedText {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else { return .undecodable }
      return .text(text, .utf8BOM)
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      guard let text = utf16(bytes.dropFirst(2), littleEndian: true) else { return .undecodable }
      return .text(text, .utf16LE)
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      guard let text = utf16(bytes.dropFirst(2), littleEndian: false) else { return .undecodable }
      return .text(text, .utf16BE)
    }
    if let littleEndian = utf16WithoutBOM(bytes) {
      if let text = utf16(bytes[...], littleEndian: littleEndian), !text.utf8.contains(0) {
        return .text(text, littleEndian ? .utf16LE : .utf16BE)
      }
    }
    if bytes.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }) {
      return .binary
    }
    if let text = String(validating: bytes, as: UTF8.self) { return .text(text, .utf8) }
    if BinarySignature.xorImage(bytes) != nil { return .binary }
    if let text = GB18030.decode(bytes) { return isPlausibleText(text) ? .text(text, .gb18030) : .binary }
    return .undecodable
  }

  /// False when more than 5% of the scalars are control characters (other than tab, line feed,
  /// form feed and carriage return) or private-use characters: GB18030 decodes almost any byte
  /// sequence, so binary data that is not UTF-8 must not pass as Chinese text.
  static func isPlausibleText(_ text: String) -> Bool {
    var total = 0
    var odd = 0
    for scalar in text.unicodeScalars {
      total += 1
      let value = scalar.value
      if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0C && value != 0x0D) || value == 0x7F
        || (0xE000...0xF8FF).contains(value) || value == 0xFFFD
      {
        odd += 1
      }
    }
    return odd * 20 <= total
  }

  /// Guesses UTF-16 without a BOM from where the zero bytes fall: ASCII characters (digits,
  /// spaces, line breaks of a chat log) have a zero high byte. Returns true for little-endian,
  /// false for big-endian, nil when the pattern is not UTF-16.
  static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
    guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
    let sample = bytes.prefix(sniffLength)
    var evenZeros = 0
    var oddZeros = 0
    for (offset, byte) in sample.enumerated() where byte == 0 {
      if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let pairs = sample.count / 2
    let threshold = max(1, pairs / 20)
    if oddZeros >= threshold && evenZeros * 10 <= oddZeros { return true }
    if evenZeros >= threshold && oddZeros * 10 <= evenZeros { return false }
    return nil
  }

  /// Strict UTF-16 decoding (unpaired surrogates fail).
  static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
    guard bytes.count % 2 == 0 else { return nil }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(littleEndian ? first | second << 8 : first << 8 | second)
      index += 2
    }
    return String(validating: units, as: UTF16.self)
  }
}
