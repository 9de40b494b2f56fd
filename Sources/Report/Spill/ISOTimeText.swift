import Ingest

/// `ChatTime.iso8601`, written straight into the bytes of one string: the ingest module builds
/// it through an array and a string per number, which cost the spill more than any other field
/// of a finding. The arithmetic is `ChatTime`'s (local days and seconds, then Howard Hinnant's
/// civil-from-days), the digits are `ChatTime`'s (a minus sign, then zeros up to the width);
/// the text is always `time.iso8601`.
enum ISOTimeText {
  /// The text of `time`, equal to `time.iso8601`.
  static func text(of time: ChatTime) -> String {
    let local = time.epochSeconds + Int64(time.utcOffsetSeconds)
    var days = local / 86_400
    var seconds = local % 86_400
    if seconds < 0 {
      seconds += 86_400
      days -= 1
    }
    let (year, month, day) = civil(fromDays: Int(days))
    let offset = abs(time.utcOffsetSeconds)
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
      put(UInt8(ascii: time.utcOffsetSeconds >= 0 ? "+" : "-"))
      put(offset / 3600, width: 2)
      put(UInt8(ascii: ":"))
      put(offset % 3600 / 60, width: 2)
      return count
    }
  }

  /// Year, month and day of the day `days` after 1970-01-01 in the proleptic Gregorian calendar,
  /// as `ChatTime` reckons them.
  private static func civil(fromDays days: Int) -> (Int, Int, Int) {
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
