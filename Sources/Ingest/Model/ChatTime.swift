import Foundation

/// A message time as the export states it, with the zone that was assumed to read it.
///
/// Most chat exports write naive local time; the parser records the raw text and interprets it in
/// an assumed zone (default Asia/Shanghai, UTC+8). Formats with epoch seconds are unambiguous.
public struct ChatTime: Sendable, Hashable, Codable, Comparable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var epochSeconds: Int64
  /// The offset from UTC, in seconds, that the time is shown in (e.g. 28800 for +08:00).
  public var utcOffsetSeconds: Int
  /// The time exactly as written in the file (for display and audit).
  public var raw: String

  /// Creates a time from epoch seconds and the offset to show it in.
  public init(epochSeconds: Int64, utcOffsetSeconds: Int = 8 * 3600, raw: String) {
    self.epochSeconds = epochSeconds
    self.utcOffsetSeconds = utcOffsetSeconds
    self.raw = raw
  }

  /// Creates a time from naive local wall-clock fields interpreted at `utcOffsetSeconds`.
  /// Returns nil when the fields are out of range (month 13, hour 25, 2023-02-29, April 31, …):
  /// a day past its month's end would otherwise be read as a day of the next month.
  public init?(
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
    utcOffsetSeconds: Int = 8 * 3600, raw: String
  ) {
    guard ChatTime.fieldsAreValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    else { return nil }
    let days = ChatTime.daysFromCivil(year: year, month: month, day: day)
    let local = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    self.init(epochSeconds: local - Int64(utcOffsetSeconds), utcOffsetSeconds: utcOffsetSeconds, raw: raw)
  }

  /// ISO 8601 with offset, e.g. `2023-03-02T20:16:30+08:00`. Written digit by digit straight
  /// into the string's bytes: it is written for every finding, where `String(format:)`, and then
  /// an array and a string per number, cost more than the rest of the finding. A year before 0
  /// or after 9999 and an offset of 100 hours or more are written with the digits they need.
  public var iso8601: String {
    let local = epochSeconds + Int64(utcOffsetSeconds)
    var days = local / 86_400
    var seconds = local % 86_400
    if seconds < 0 {
      seconds += 86_400
      days -= 1
    }
    let (year, month, day) = ChatTime.civilFromDays(Int(days))
    let offset = abs(utcOffsetSeconds)
    return String(unsafeUninitializedCapacity: 64) { buffer in
      var count = 0
      func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
      }
      func put(_ value: Int, width: Int) {
        if value < 0 { put(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt = 1
        while magnitude / scale >= 10 {
          scale *= 10
          digits += 1
        }
        for _ in digits..<max(digits, width) { put(UInt8(ascii: "0")) }
        while scale > 0 {
          put(UInt8(ascii: "0") + UInt8(magnitude / scale))
          magnitude %= scale
          scale /= 10
        }
      }
      put(year, width: 4)
      put(UInt8(ascii: "-"))
      put(month, width: 2)
      put(UInt8(ascii: "-"))
      put(day, width: 2)
      put(UInt8(ascii: "T"))
      put(Int(seconds / 3600), width: 2)
      put(UInt8(ascii: ":"))
      put(Int(seconds % 3600 / 60), width: 2)
      put(UInt8(ascii: ":"))
      put(Int(seconds % 60), width: 2)
      put(UInt8(ascii: utcOffsetSeconds >= 0 ? "+" : "-"))
      put(offset / 3600, width: 2)
      put(UInt8(ascii: ":"))
      put(offset % 3600 / 60, width: 2)
      return count
    }
  }

  public static func < (lhs: ChatTime, rhs: ChatTime) -> Bool { lhs.epochSeconds < rhs.epochSeconds }

  /// Whether wall-clock fields name a real time from 1970 to 2999: what the field initializer
  /// checks before it computes anything (a leap second `:60` is accepted).
  static func fieldsAreValid(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Bool {
    (1...12).contains(month) && year >= 1970 && year < 3000 && (1...ChatTime.days(inMonth: month, of: year)).contains(day)
      && (0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
  }

  /// How many days month `month` (1–12) of `year` has in the Gregorian calendar.
  static func days(inMonth month: Int, of year: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The inverse of `daysFromCivil`.
  static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
