/// A WhatsApp "Export chat" line header (export-formats.md §4): date, time, optional 12-hour
/// marker, then `name: text` or a system notice.
///
/// Accepted shapes: bracketed iOS `[date, time] rest` and Android `date, time - rest` (also
/// `date time: rest`), with `-`, `/` or `.` date separators, `:` or `.` time separators,
/// AM/PM, a.m./p.m. and 上午/下午 (also 午前/午後, 오전/오후) markers, U+200E marks and narrow spaces.
struct WhatsAppHeader: Sendable {
  /// The three date numbers as written, in order.
  let dateFields: (Int, Int, Int)
  /// How many digits the first date field had (4 means year first).
  let firstFieldDigits: Int
  /// The date separator.
  let separator: Unicode.Scalar
  var hour: Int
  let minute: Int
  let second: Int
  /// True for a PM marker, false for AM, nil for a 24-hour clock.
  let pm: Bool?
  /// Date and time exactly as written.
  let rawTime: String
  /// Everything after the header: `name: text`, or a system notice.
  let rest: Substring
  /// Where `rawTime` lies in the line.
  let rawTimeBounds: Range<String.Index>

  /// The date and time fields (every field has at most 4 digits, the clock's at most 2).
  var clock: WhatsAppClock {
    WhatsAppClock(
      dateFields: (Int16(dateFields.0), Int16(dateFields.1), Int16(dateFields.2)), hour: Int8(hour),
      minute: Int8(minute), second: Int8(second), pm: pm)
  }

  /// Whether `scalar` is one of the invisible characters stripped from line starts (byte-order
  /// mark, direction marks, zero-width space, joiners, word joiner).
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xFEFF, 0x200B...0x200F, 0x2060: true
    default: false
    }
  }
  /// Words before the time standing for AM (false) or PM (true).
  static let prefixMarkers: [(String, Bool)] = [("上午", false), ("下午", true), ("午前", false), ("午後", true), ("오전", false), ("오후", true)]

  /// Parses a line, or returns nil.
  static func parse(_ line: Substring) -> WhatsAppHeader? {
    let cleaned = line.unicodeScalars.drop { isInvisible($0) }
    var cursor = TextCursor(Substring(cleaned))
    let bracketed = cursor.take("[")
    let start = cursor.index
    guard let first = cursor.number(digits: 1...4) else { return nil }
    let firstDigits = Substring(cleaned).unicodeScalars.distance(from: start, to: cursor.index)
    guard let separator = cursor.take(oneOf: ["-", "/", "."]) else { return nil }
    cursor.skipSpaces()
    guard let second = cursor.number(digits: 1...4), cursor.take(String(separator)) else { return nil }
    cursor.skipSpaces()
    guard let third = cursor.number(digits: 1...4) else { return nil }
    _ = cursor.take(".")
    _ = cursor.take(",")
    guard cursor.skipSpaces() > 0 else { return nil }
    var pm: Bool?
    if cursor.take("klo") { cursor.skipSpaces() }
    for (word, isPM) in prefixMarkers where cursor.take(word) {
      pm = isPM
      cursor.skipSpaces()
      break
    }
    guard let hour = cursor.number(digits: 1...2), let timeSeparator = cursor.take(oneOf: [":", "."]),
      let minute = cursor.number(digits: 2...2)
    else { return nil }
    var seconds = 0
    var probe = cursor
    if probe.take(String(timeSeparator)), let value = probe.number(digits: 2...2) {
      seconds = value
      cursor = probe
    }
    var timeEnd = cursor.index
    if pm == nil {
      var marker = cursor
      marker.skipSpaces()
      if let isPM = Self.suffixMarker(&marker) {
        pm = isPM
        cursor = marker
        timeEnd = cursor.index
      }
    }
    if bracketed {
      guard cursor.take("]"), cursor.skipSpaces() > 0 else { return nil }
    } else {
      let spaced = cursor.skipSpaces() > 0
      if spaced && cursor.take("-") {
        guard cursor.skipSpaces() > 0 else { return nil }
      } else if !spaced && cursor.take(":") {
        guard cursor.skipSpaces() > 0 else { return nil }
      } else {
        return nil
      }
    }
    let raw = String(Substring(Substring(cleaned).unicodeScalars[start..<timeEnd]))
    return WhatsAppHeader(
      dateFields: (first, second, third), firstFieldDigits: firstDigits, separator: separator, hour: hour,
      minute: minute, second: seconds, pm: pm, rawTime: raw, rest: cursor.rest, rawTimeBounds: start..<timeEnd)
  }

  /// Reads `AM`/`PM`, `am`/`pm`, `a.m.`/`p.m.` or `a. m.`/`p. m.` followed by a space or `]`.
  private static func suffixMarker(_ cursor: inout TextCursor) -> Bool? {
    var probe = cursor
    guard let letter = probe.take(oneOf: ["a", "A", "p", "P"]) else { return nil }
    _ = probe.take(".")
    probe.skipSpaces()
    guard probe.take(oneOf: ["m", "M"]) != nil else { return nil }
    _ = probe.take(".")
    guard let next = probe.peek, next.isWhitespaceScalar || next == "]" else { return nil }
    cursor = probe
    return letter == "p" || letter == "P"
  }
}

/// The order of the day, month and year fields in one file's dates.
enum WhatsAppDateOrder: Sendable, Equatable {
  case yearMonthDay, dayMonthYear, monthDayYear

  /// The wall-clock time of `clock` read in this order.
  func localTime(_ clock: WhatsAppClock) -> LocalDateTime? {
    let fields = (Int(clock.dateFields.0), Int(clock.dateFields.1), Int(clock.dateFields.2))
    var (year, month, day): (Int, Int, Int)
    switch self {
    case .yearMonthDay: (year, month, day) = fields
    case .dayMonthYear: (day, month, year) = fields
    case .monthDayYear: (month, day, year) = fields
    }
    if year < 100 { year += 2000 }
    var time = LocalDateTime(
      year: year, month: month, day: day, hour: Int(clock.hour), minute: Int(clock.minute), second: Int(clock.second))
    if let pm = clock.pm, !time.applyTwelveHour(pm: pm) { return nil }
    return time
  }
}

/// What the headers of a file tell about its date order, gathered header by header (see
/// `order`), as Pustur's `daysBeforeMonths`.
struct WhatsAppDateEvidence: Sendable {
  private var yearFirst = false
  private var dayFirst = false
  private var monthFirst = false
  private var twelveHour = false
  private var dotted = false

  /// Adds one header of the file.
  mutating func add(_ header: WhatsAppHeader) {
    yearFirst = yearFirst || header.firstFieldDigits == 4
    dayFirst = dayFirst || header.dateFields.0 > 12
    monthFirst = monthFirst || header.dateFields.1 > 12
    twelveHour = twelveHour || header.pm != nil
    dotted = dotted || header.separator == "."
  }

  /// The order of the file's dates: a 4-digit first field is a year; a first field above 12
  /// means day first, a second above 12 month first; otherwise month first for a 12-hour clock
  /// without dotted dates, else day first, and `assumed` is true.
  var order: (WhatsAppDateOrder, assumed: Bool) {
    if yearFirst { return (.yearMonthDay, false) }
    if dayFirst { return (.dayMonthYear, false) }
    if monthFirst { return (.monthDayYear, false) }
    return (twelveHour && !dotted ? .monthDayYear : .dayMonthYear, true)
  }
}

/// The date and time fields of a header as numbers, small enough to keep for every message of a
/// large file: the three date fields as written, the clock, and the 12-hour marker.
struct WhatsAppClock: Sendable {
  /// The three date numbers as written (at most 4 digits each), in order.
  let dateFields: (Int16, Int16, Int16)
  /// The hour as written (before a 12-hour marker is applied), minute and second.
  let hour: Int8
  let minute: Int8
  let second: Int8
  /// True for a PM marker, false for AM, nil for a 24-hour clock.
  let pm: Bool?
}
