/// Tells a line that was meant as a chat record header but does not parse (a damaged export, a
/// hand-edited file) from body text, for the exports whose records start at a header after a
/// blank line (MemoTrace, WeFlow and QQ message-manager TXT).
///
/// Every such header opens with a date and a clock: `YYYY-MM-DD HH:MM:SS` in MemoTrace and
/// WeFlow, `YYYY-MM-DD [上午|下午] H:MM:SS` (or with `/`) in QQ. Below, a *digit* is an ASCII digit
/// or a full-width one (`０`–`９`, as an input method in full-width mode types it); a *separator*
/// is `-`, `/` or `.` or one of their full-width forms `－`, `／`, `．`; a *field* is one or two
/// characters holding at least one digit, the other a digit, an ASCII letter or `?`, `*`, `#`,
/// `_` standing for an unreadable digit. A line is an attempt at a header when it opens with
///
/// - a date, one of
///   - four digits (the year), a separator, a field, a separator, a field;
///   - two digits (the year written short), a separator, a field, a separator, a field;
///   - one or two digits, a separator, a field (month and day, the year lost), but only when the
///     clock below has all three of its fields;
/// - then spaces, tabs, ideographic spaces or a `T`, or nothing (the space lost), and optionally
///   `上午` or `下午` and spaces;
/// - then a clock: a field whose first character is a digit, a `:` or `：`, a field, optionally a
///   second `:` or `：` and a field, with at least three digits in all.
///
/// Whatever follows the clock does not matter. So `2023-03-01 10:0X:40 老周`, `2023-03-01 10:06
/// 老周`, `2023/03/01 10:06:40 老周`, `２０２３-03-01 10:06:40 老周`, `23-03-01 10:06:40 老周`,
/// `2023-03-0110:06:40 老周`, `03-01 10:06:40 老周` and `2023-03-05 9:1X:40 阿强(20001001)` are
/// attempts, while `2023年的账`, `23年3月1日开会`, `2023-03-01之前到账`, `2023.5万`, `3-1 到账`,
/// `100块`, `130-0000-0000`, `20230301 10:06:40 到账`, `10:06 到` and `12:30 开会` are not.
/// `12-30 10:00 开会` is not either: a month and day with a clock is how a meeting or a deadline is
/// written in a message, while a header always has its year and its seconds, so a line that lost
/// its year is taken for one only when its clock still has seconds, which everyday writing leaves
/// out. A body line after a blank line that opens with a full date and a clock
/// (`2023-03-01 10:00 前打款`) is taken for an attempt: it then starts a message of unknown speaker
/// with a warning, which is the safe error, where the other would give its words to the previous
/// speaker.
enum HeaderAttempt {
  /// The `TextUnit.attributes` key under which a message whose header could not be read keeps its
  /// header line as written.
  static let attribute = "unreadableHeader"

  /// The UTF-8 length of the date and clock a line opens with when it is an attempt at a header
  /// (see the type's grammar), or nil when it is not.
  static func timestampLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    // Every attempt opens with a digit, ASCII or full-width (EF BC 90–99): most body lines are
    // answered from their first byte.
    guard let lead = bytes.first, isDigit(lead) || lead == 0xEF else { return nil }
    var reader = ByteReader(bytes: bytes)
    guard let hasYear = reader.date() else { return nil }
    reader.dateClockGap()
    if reader.meridiem() { reader.skipBlanks() }
    guard reader.digitLength() != nil else { return nil }
    let hour = reader.field()
    guard hour.count > 0, reader.colon() else { return nil }
    let minute = reader.field()
    guard minute.count > 0 else { return nil }
    var clockDigits = hour.digits + minute.digits
    var hasSeconds = false
    var probe = reader
    if probe.colon() {
      let second = probe.field()
      if second.count > 0 {
        clockDigits += second.digits
        hasSeconds = true
        reader = probe
      }
    }
    return clockDigits >= 3 && (hasYear || hasSeconds) ? reader.offset : nil
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

    /// The UTF-8 length of the full-width form (U+FF01–U+FF5E, bytes EF BC xx) of the ASCII
    /// character `ascii` in 0x21...0x3F when it comes next, else nil.
    func fullWidthLength(of ascii: ClosedRange<UInt8>) -> Int? {
      guard offset + 3 <= bytes.count, bytes[offset] == 0xEF, bytes[offset + 1] == 0xBC else { return nil }
      return ascii.contains(bytes[offset + 2] &- 0x60) ? 3 : nil
    }

    /// The length of the digit (ASCII or full-width) that comes next, without reading it.
    func digitLength() -> Int? {
      if let byte = peek, HeaderAttempt.isDigit(byte) { return 1 }
      return fullWidthLength(of: 0x30...0x39)
    }

    /// Reads up to `maximum` digits; returns how many.
    mutating func digits(upTo maximum: Int) -> Int {
      var count = 0
      while count < maximum, let length = digitLength() {
        offset += length
        count += 1
      }
      return count
    }

    /// Reads a date (see the type's grammar): true when it has its year, false for a month and
    /// day alone, nil when none comes next.
    mutating func date() -> Bool? {
      let lead = digits(upTo: 5)
      guard lead >= 1, lead != 3, lead != 5, dateSeparator(), field().digits > 0 else { return nil }
      var probe = self
      if lead != 1, probe.dateSeparator(), probe.field().digits > 0 {
        self = probe
        return true
      }
      return lead == 4 ? nil : false
    }

    /// Reads a date separator (`-`, `/`, `.`, or a full-width one).
    mutating func dateSeparator() -> Bool {
      if let byte = peek, byte == 0x2D || byte == 0x2F || byte == 0x2E {
        offset += 1
        return true
      }
      guard let length = fullWidthLength(of: 0x2D...0x2F) else { return false }
      offset += length
      return true
    }

    /// Reads one or two characters of a field (digits or digit-like): how many, and how many of
    /// them are digits.
    mutating func field() -> (count: Int, digits: Int) {
      var count = 0
      var digits = 0
      while count < 2 {
        if let length = digitLength() {
          offset += length
          digits += 1
        } else if let byte = peek, HeaderAttempt.isDigitLike(byte) {
          offset += 1
        } else {
          break
        }
        count += 1
      }
      return (count, digits)
    }

    /// Reads what may stand between a date and its clock: blanks, one `T`, or nothing.
    mutating func dateClockGap() {
      if peek == 0x54 {
        offset += 1
      } else {
        skipBlanks()
      }
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
