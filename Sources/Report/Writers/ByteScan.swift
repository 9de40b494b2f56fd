/// Tests of UTF-8 text for the bytes the findings files treat apart, eight bytes at a time: a
/// byte at a time, the JSON string check and the CSV quoting check cost the writers more than
/// copying the text.
///
/// A word holds a byte equal to `b` when `word ^ (b * 0x01…01)` holds a zero byte, and a zero
/// byte (or one below `n`, for `n` up to 0x80) shows in `(word - n * 0x01…01) & ~word & 0x80…80`,
/// which is zero when there is none. The bytes past the last whole word are tested one by one.
enum ByteScan {
  /// Whether `text` holds a byte a JSON string escapes: a control character (below 0x20), a
  /// double quote or a backslash.
  static func needsJSONEscape(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    any(in: text, words: { holds($0, below: 0x20) || holds($0, 0x22) || holds($0, 0x5C) }) {
      $0 < 0x20 || $0 == 0x22 || $0 == 0x5C
    }
  }

  /// Whether `text` holds a double quote.
  static func holdsQuote(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    any(in: text, words: { holds($0, 0x22) }) { $0 == 0x22 }
  }

  /// Whether `text` holds a byte that makes a CSV field quoted: a comma, a line feed or a
  /// carriage return (a double quote aside).
  static func needsCSVQuotes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    any(in: text, words: { holds($0, 0x2C) || holds($0, 0x0A) || holds($0, 0x0D) }) {
      $0 == 0x2C || $0 == 0x0A || $0 == 0x0D
    }
  }

  /// Whether a word of `text` passes `words` or a byte past the last whole word passes `byte`.
  @inline(__always)
  private static func any(
    in text: UnsafeBufferPointer<UInt8>, words: (UInt64) -> Bool, byte: (UInt8) -> Bool
  ) -> Bool {
    guard let base = text.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= text.count {
      if words(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
      offset += 8
    }
    while offset < text.count {
      if byte(text[offset]) { return true }
      offset += 1
    }
    return false
  }

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// Whether `word` holds a byte equal to `value`.
  @inline(__always)
  private static func holds(_ word: UInt64, _ value: UInt8) -> Bool {
    holds(word ^ (ones &* UInt64(value)), below: 1)
  }

  /// Whether `word` holds a byte below `limit` (at most 0x80).
  @inline(__always)
  private static func holds(_ word: UInt64, below limit: UInt8) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highBits != 0
  }
}
