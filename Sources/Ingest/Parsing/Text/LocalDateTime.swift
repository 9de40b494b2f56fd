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
  /// Read without a branch per digit, as every chat header passes through here: a digit's value
  /// `v` is its byte less `0` (wrapping), and `v | (v + 6)` has a bit of its high half set exactly
  /// when `v` is above 9 — `v` itself from 16 up (a byte below `0` wraps to 208 or more), `v + 6`
  /// from 10 to 15 — so one test of all fourteen such values OR-ed decides.
  static func readISOLike(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDateTime? {
    guard bytes.count >= 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x20, bytes[13] == 0x3A, bytes[16] == 0x3A
    else { return nil }
    var outOfRange: UInt8 = 0
    @inline(__always) func digit(_ offset: Int) -> Int {
      let value = bytes[offset] &- 0x30
      outOfRange |= value | (value &+ 6)
      return Int(value)
    }
    @inline(__always) func two(_ offset: Int) -> Int { digit(offset) * 10 + digit(offset + 1) }
    let year = two(0) * 100 + two(2)
    let month = two(5)
    let day = two(8)
    let hour = two(11)
    let minute = two(14)
    let second = two(17)
    guard outOfRange & 0xF0 == 0 else { return nil }
    return LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
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
