/// Wall-clock date and time fields as a chat export writes them, before a zone is assumed.
struct LocalDateTime: Sendable, Hashable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int

  /// The time in the assumed zone, or nil when a field is out of range.
  func chatTime(options: IngestOptions, raw: String) -> ChatTime? {
    ChatTime(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second,
      utcOffsetSeconds: options.utcOffsetSeconds, raw: raw)
  }

  /// Whether the fields name a time `chatTime` reads (it returns nil exactly when they do not),
  /// told without computing the time: what a parser checks of a message it leaves unread.
  var isValid: Bool {
    ChatTime.fieldsAreValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
  }

  /// Applies a 12-hour clock marker: `pm` adds 12 to hours 1–11, `am` turns 12 into 0.
  /// Returns false when the hour is not a valid 12-hour value.
  mutating func applyTwelveHour(pm: Bool) -> Bool {
    guard (1...12).contains(hour) else { return false }
    if pm { hour = hour == 12 ? 12 : hour + 12 } else { hour = hour == 12 ? 0 : hour }
    return true
  }

  /// Reads strict `YYYY-MM-DD HH:MM:SS` (zero-padded, 24-hour, ASCII digits) from the first 19
  /// bytes of `bytes`; nil when they are not in that shape (fields are not range-checked).
  ///
  /// Every chat header passes through here, so the 19 bytes are read as three overlapping
  /// little-endian words (bytes 0–7, 8–15 and 11–18) and tested eight at a time:
  /// - the separators are compared in place;
  /// - a digit's byte has a high half of 3 both as it is and after adding 6 (which carries `:` to
  ///   `?`, 3A–3F to 40–45, out of that half); the adds never carry from one byte into the next
  ///   where every digit passes the first test;
  /// - each two digits become one byte: the low halves times ten plus the next byte's low half,
  ///   at most 9 × 10 + 15, so no byte carries into the next either.
  static func readISOLike(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDateTime? {
    guard bytes.count >= 19, let base = bytes.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    let date = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    let middle = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    let clock = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 11, as: UInt64.self))
    // `-` at 4 and 7; ` ` at 10 and `:` at 13 (bytes 2 and 5 of `middle`); `:` at 16 (byte 5 of `clock`).
    guard date & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000,
      middle & 0x0000_FF00_00FF_0000 == 0x0000_3A00_0020_0000,
      clock & 0x0000_FF00_0000_0000 == 0x0000_3A00_0000_0000
    else { return nil }
    @inline(__always) func digitsValid(_ word: UInt64, _ digits: UInt64) -> Bool {
      let high = 0xF0F0_F0F0_F0F0_F0F0 & digits
      let threes = 0x3030_3030_3030_3030 & digits
      return word & high == threes && (word &+ 0x0606_0606_0606_0606) & high == threes
    }
    // Digits: date bytes 0–3, 5, 6; middle bytes 0, 1, 3, 4, 6, 7; clock bytes 6, 7 (17 and 18).
    guard digitsValid(date, 0x00FF_FF00_FFFF_FFFF), digitsValid(middle, 0xFFFF_00FF_FF00_FFFF),
      digitsValid(clock, 0xFFFF_0000_0000_0000)
    else { return nil }
    @inline(__always) func pairs(_ word: UInt64) -> UInt64 {
      let values = word & 0x0F0F_0F0F_0F0F_0F0F
      return values &* 10 &+ (values >> 8)
    }
    @inline(__always) func field(_ word: UInt64, _ byte: UInt64) -> Int { Int((word >> (8 * byte)) & 0xFF) }
    let datePairs = pairs(date)
    let middlePairs = pairs(middle)
    return LocalDateTime(
      year: field(datePairs, 0) * 100 + field(datePairs, 2), month: field(datePairs, 5), day: field(middlePairs, 0),
      hour: field(middlePairs, 3), minute: field(middlePairs, 6), second: field(pairs(clock), 6))
  }

  /// Reads strict `YYYY-MM-DD HH:MM:SS` (zero-padded, 24-hour) as MemoTrace writes it.
  static func readISOLike(_ cursor: inout TextCursor) -> LocalDateTime? {
    var probe = cursor
    guard let year = probe.number(digits: 4...4), probe.take("-"),
      let month = probe.number(digits: 2...2), probe.take("-"),
      let day = probe.number(digits: 2...2), probe.take(" "),
      let hour = probe.number(digits: 2...2), probe.take(":"),
      let minute = probe.number(digits: 2...2), probe.take(":"),
      let second = probe.number(digits: 2...2)
    else { return nil }
    cursor = probe
    return LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
  }
}

/// A diagnostic for a header whose date or time fields are out of range.
extension SourceText {
  func badTime(line: Int, raw: String) -> Diagnostic {
    diagnostic(
      .warning, "ingest.bad-time", line: line,
      "line \(fileLine(line)): the time \"\(raw)\" is not a valid date and time (or is before 1970); the message is kept without a time")
  }
}
