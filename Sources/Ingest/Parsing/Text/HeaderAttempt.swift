/// Tells a line that was meant as a chat record header but does not parse (a damaged export, a
/// hand-edited file) from body text, for the exports whose records start at a header after a
/// blank line (MemoTrace, WeFlow and QQ message-manager TXT).
///
/// Every such header opens with a date and a clock: `YYYY-MM-DD HH:MM:SS` in MemoTrace and
/// WeFlow, `YYYY-MM-DD [上午|下午] H:MM:SS` (or with `/`) in QQ. A line is an attempt at one when
/// it opens with
///
/// - a date: four ASCII digits, a `-`, `/` or `.`, one or two characters, another `-`, `/` or
///   `.`, one or two characters, each of these two fields holding an ASCII digit (the other
///   character may be a letter or `?`, `*`, `#`, `_` standing for an unreadable digit);
/// - then spaces, tabs, ideographic spaces or a `T`, and optionally `上午` or `下午` and spaces;
/// - then a clock: one or two characters (the first an ASCII digit), a `:` or `：`, one or two
///   characters, optionally a second `:` or `：` and one or two characters, with at least three
///   ASCII digits in all.
///
/// Whatever follows the clock does not matter. So `2023-03-01 10:0X:40 老周`, `2023-03-01 10:06
/// 老周`, `2023/03/01 10:06:40 老周` and `2023-03-05 9:1X:40 阿强(20001001)` are attempts, while
/// `2023年的账`, `2023-03-01之前到账`, `2023.5万`, `100块` and `12:30 开会` are not. A body line
/// after a blank line that opens with a date and a clock (`2023-03-01 10:00 前打款`) is taken for an
/// attempt too: it then starts a message of unknown speaker with a warning, which is the safe
/// error, where the other would give its words to the previous speaker.
enum HeaderAttempt {
  /// The `TextUnit.attributes` key under which a message whose header could not be read keeps its
  /// header line as written.
  static let attribute = "unreadableHeader"

  /// The UTF-8 length of the date and clock a line opens with when it is an attempt at a header
  /// (see the type's grammar), or nil when it is not.
  static func timestampLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var reader = ByteReader(bytes: bytes)
    guard reader.digits(exactly: 4), reader.dateSeparator() != nil, reader.field().digits > 0,
      reader.dateSeparator() != nil, reader.field().digits > 0, reader.dateClockGap()
    else { return nil }
    if reader.meridiem() { reader.skipBlanks() }
    guard let lead = reader.peek, isDigit(lead) else { return nil }
    let hour = reader.field()
    guard hour.count > 0, reader.colon() else { return nil }
    let minute = reader.field()
    guard minute.count > 0 else { return nil }
    var clockDigits = hour.digits + minute.digits
    var probe = reader
    if probe.colon() {
      let second = probe.field()
      if second.count > 0 {
        clockDigits += second.digits
        reader = probe
      }
    }
    return clockDigits >= 3 ? reader.offset : nil
  }

  /// `timestampLength` of a line given as text.
  static func timestampLength(_ line: Substring) -> Int? {
    if let length = line.utf8.withContiguousStorageIfAvailable({ timestampLength($0) }) { return length }
    return Array(line.utf8).withUnsafeBufferPointer { timestampLength($0) }
  }

  /// Whether `byte` is an ASCII digit.
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// A character that may stand in a damaged date or clock for a digit: an ASCII digit or letter,
  /// or `?`, `*`, `#`, `_`.
  static func isDigitLike(_ byte: UInt8) -> Bool {
    isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == 0x3F || byte == 0x2A || byte == 0x23
      || byte == 0x5F
  }

  /// A cursor over the bytes of one line.
  private struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Whether `sequence` comes next; reads it if so.
    mutating func take(_ sequence: [UInt8]) -> Bool {
      guard offset + sequence.count <= bytes.count else { return false }
      for (index, byte) in sequence.enumerated() where bytes[offset + index] != byte { return false }
      offset += sequence.count
      return true
    }

    /// Reads exactly `count` ASCII digits, or reads nothing and returns false.
    mutating func digits(exactly count: Int) -> Bool {
      guard offset + count <= bytes.count, bytes[offset..<(offset + count)].allSatisfy(HeaderAttempt.isDigit) else {
        return false
      }
      offset += count
      return true
    }

    /// Reads a date separator (`-`, `/`, `.`).
    mutating func dateSeparator() -> UInt8? {
      guard let byte = peek, byte == 0x2D || byte == 0x2F || byte == 0x2E else { return nil }
      offset += 1
      return byte
    }

    /// Reads one or two digit-like characters: how many, and how many of them are digits.
    mutating func field() -> (count: Int, digits: Int) {
      var count = 0
      var digits = 0
      while count < 2, let byte = peek, HeaderAttempt.isDigitLike(byte) {
        if HeaderAttempt.isDigit(byte) { digits += 1 }
        count += 1
        offset += 1
      }
      return (count, digits)
    }

    /// Reads what may stand between a date and its clock: blanks, or one `T`.
    mutating func dateClockGap() -> Bool {
      if peek == 0x54 {
        offset += 1
        return true
      }
      return skipBlanks() > 0
    }

    /// Reads spaces, tabs and ideographic spaces; returns how many.
    @discardableResult
    mutating func skipBlanks() -> Int {
      var count = 0
      while true {
        if let byte = peek, byte == 0x20 || byte == 0x09 {
          offset += 1
        } else if !take([0xE3, 0x80, 0x80]) {
          return count
        }
        count += 1
      }
    }

    /// Reads `上午` or `下午`.
    mutating func meridiem() -> Bool { take(Array("上午".utf8)) || take(Array("下午".utf8)) }

    /// Reads `:` or `：`.
    mutating func colon() -> Bool {
      if peek == 0x3A {
        offset += 1
        return true
      }
      return take([0xEF, 0xBC, 0x9A])
    }
  }
}
