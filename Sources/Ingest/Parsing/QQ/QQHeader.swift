/// A QQ message-manager TXT message header: `<date> [上午|下午] <time> [AM|PM] <sender>`
/// (export-formats.md §2.1), with the sender split on its last `(…)` or `<…>` group.
struct QQHeader: Sendable {
  /// The wall-clock fields, on a 24-hour clock.
  let time: LocalDateTime
  /// Date and time exactly as written.
  let rawTime: String
  /// The nickname, without a `【…】` group-title prefix.
  let nickname: String
  /// The QQ number or e-mail address, when the sender carries one.
  let accountID: String?
  /// A `【管理员】`-style group title before the nickname.
  let memberTitle: String?
  /// True when the time used a 12-hour clock (AM/PM, 上午/下午) or an un-padded hour.
  let isLocaleClock: Bool

  /// What a header line holds before its sender is split: enough to split a file into records,
  /// kept for every message (an "export all" file can hold millions), so packed in 16 bytes with
  /// no text of its own. The fields are read from digits, so each fits: a year of at most four,
  /// the others of at most two; offsets in a line of a file read whole fit in 32 bits.
  struct Stamp: Sendable, Hashable {
    private let year: UInt16
    private let month: UInt8
    private let day: UInt8
    private let hour: UInt8
    private let minute: UInt8
    private let second: UInt8
    /// True when the time used a 12-hour clock (AM/PM, 上午/下午) or an un-padded hour.
    let isLocaleClock: Bool
    private let rawTimeBytes: UInt32
    private let senderBytes: UInt32

    init(time: LocalDateTime, rawTimeLength: Int, senderOffset: Int, isLocaleClock: Bool) {
      year = UInt16(truncatingIfNeeded: time.year)
      month = UInt8(truncatingIfNeeded: time.month)
      day = UInt8(truncatingIfNeeded: time.day)
      hour = UInt8(truncatingIfNeeded: time.hour)
      minute = UInt8(truncatingIfNeeded: time.minute)
      second = UInt8(truncatingIfNeeded: time.second)
      self.isLocaleClock = isLocaleClock
      rawTimeBytes = UInt32(truncatingIfNeeded: rawTimeLength)
      senderBytes = UInt32(truncatingIfNeeded: senderOffset)
    }

    /// The wall-clock fields, on a 24-hour clock.
    var time: LocalDateTime {
      LocalDateTime(
        year: Int(year), month: Int(month), day: Int(day), hour: Int(hour), minute: Int(minute), second: Int(second))
    }
    /// The UTF-8 length of the date and time as written (from the start of the line).
    var rawTimeLength: Int { Int(rawTimeBytes) }
    /// The UTF-8 offset in the line where the sender starts.
    var senderOffset: Int { Int(senderBytes) }

    /// The date and time exactly as written, given the header's line.
    func rawTime(in line: Substring) -> String { String(decoding: line.utf8.prefix(rawTimeLength), as: UTF8.self) }
  }

  /// Parses a header line, or returns nil.
  static func parse(_ line: Substring) -> QQHeader? {
    stamp(line).map { QQHeader(line: line, stamp: $0) }
  }

  /// The header of `line`, whose stamp is `stamp`.
  init(line: Substring, stamp: Stamp) {
    time = stamp.time
    rawTime = stamp.rawTime(in: line)
    let sender = line[line.utf8.index(line.startIndex, offsetBy: stamp.senderOffset)...].trimmingTrailingWhitespace
    (memberTitle, nickname, accountID) = Self.splitSender(sender)
    isLocaleClock = stamp.isLocaleClock
  }

  /// Whether the sender of a header line, given as its UTF-8, certainly names no account: its
  /// last scalar, ASCII blanks aside, is printable ASCII other than `)` and `>`, or a CJK
  /// ideograph. Such a scalar ends a character of its own that is no white space, so the sender's
  /// trimmed last character is neither `)` nor `>`, which `splitSender` needs to find an account.
  /// False when it cannot tell from the last bytes.
  static func endsWithoutAccount(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var end = line.count
    while end > 0, line[end - 1] == 0x20 || (0x09...0x0D).contains(line[end - 1]) { end -= 1 }
    guard end > 0 else { return false }
    let last = line[end - 1]
    if last < 0x80 { return (0x21...0x7E).contains(last) && last != 0x29 && last != 0x3E }
    guard end >= 3, line[end - 3] & 0xF0 == 0xE0, line[end - 2] & 0xC0 == 0x80, last & 0xC0 == 0x80 else { return false }
    let value = (UInt32(line[end - 3]) & 0x0F) << 12 | (UInt32(line[end - 2]) & 0x3F) << 6 | (UInt32(last) & 0x3F)
    return (0x4E00...0x9FFF).contains(value)
  }

  /// Reads a header line up to its sender, or returns nil when the line is not a header; a line
  /// is a header exactly when it has a stamp.
  static func stamp(_ line: Substring) -> Stamp? {
    // Every header starts with the year's ASCII digits; most lines are bodies.
    guard let lead = line.utf8.first, lead >= 0x30, lead <= 0x39 else { return nil }
    if let stamp = line.utf8.withContiguousStorageIfAvailable(isoStamp) ?? nil { return stamp }
    return scannedStamp(line)
  }

  /// `stamp(_:)` of `line` given also as its UTF-8 (`bytes`): the commonest header is read from
  /// the bytes, and only a line of another shape is taken as a `Substring` (`line`) and scanned.
  static func stamp(_ bytes: UnsafeBufferPointer<UInt8>, line: @autoclosure () -> Substring) -> Stamp? {
    guard let lead = bytes.first, lead >= 0x30, lead <= 0x39 else { return nil }
    return isoStamp(bytes) ?? scannedStamp(line())
  }

  /// `stamp` read scalar by scalar, for every shape of header.
  static func scannedStamp(_ line: Substring) -> Stamp? {
    var cursor = TextCursor(line)
    let start = cursor.index
    guard let year = cursor.number(digits: 4...4), let dash = cursor.take(oneOf: ["-", "/"]),
      let month = cursor.number(digits: 1...2), cursor.take(String(dash)),
      let day = cursor.number(digits: 1...2), cursor.skipSpaces() > 0
    else { return nil }
    var meridiem: Bool?
    if cursor.take("上午") { meridiem = false } else if cursor.take("下午") { meridiem = true }
    if meridiem != nil { cursor.skipSpaces() }
    let hourStart = cursor.index
    guard let hour = cursor.number(digits: 1...2), cursor.take(":"),
      let minute = cursor.number(digits: 2...2), cursor.take(":"),
      let second = cursor.number(digits: 2...2)
    else { return nil }
    let unpadded = line.unicodeScalars.distance(from: hourStart, to: cursor.index) == 7
    var timeEnd = cursor.index
    if meridiem == nil {
      var probe = cursor
      probe.skipSpaces()
      var marker: Bool?
      if probe.take("AM") { marker = false } else if probe.take("PM") { marker = true }
      if marker != nil, probe.peek?.isWhitespaceScalar == true {
        meridiem = marker
        cursor = probe
        timeEnd = cursor.index
      }
    }
    guard cursor.skipSpaces() > 0 else { return nil }
    guard !cursor.rest.trimmingTrailingWhitespace.isEmpty else { return nil }
    var time = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    if let meridiem, !time.applyTwelveHour(pm: meridiem) { return nil }
    return Stamp(
      time: time, rawTimeLength: line.utf8.distance(from: start, to: timeEnd),
      senderOffset: line.utf8.distance(from: start, to: cursor.index), isLocaleClock: meridiem != nil || unpadded)
  }

  /// The stamp of the commonest header, `YYYY-MM-DD HH:MM:SS sender`, read from the line's bytes:
  /// what `stamp` would read, or nil when the line has another shape (then `stamp` reads it).
  /// The sender must start with a scalar that cannot be white space and not with `AM`/`PM`.
  private static func isoStamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Stamp? {
    guard bytes.count > 21, bytes[19] == 0x20 else { return nil }
    // Only ASCII blanks and scalars led by C2 or E1–E3 can be white space.
    let first = bytes[20]
    if first == 0x20 || (0x09...0x0D).contains(first) || first == 0xC2 || (0xE1...0xE3).contains(first) { return nil }
    if (first == 0x41 || first == 0x50) && bytes[21] == 0x4D { return nil }
    guard let time = LocalDateTime.readISOLike(bytes) else { return nil }
    return Stamp(time: time, rawTimeLength: 19, senderOffset: 20, isLocaleClock: false)
  }

  /// Splits `【title】nick(12345)` / `nick<a@b.c>` into title, nickname and account, on the last
  /// group; a trailing group that is neither a number nor an e-mail stays part of the nickname.
  static func splitSender(_ sender: Substring) -> (title: String?, nickname: String, account: String?) {
    splitSimpleSender(sender) ?? splitSenderByCharacter(sender)
  }

  /// `splitSender` read character by character, for every sender.
  static func splitSenderByCharacter(_ sender: Substring) -> (title: String?, nickname: String, account: String?) {
    var rest = sender
    var title: String?
    if rest.hasPrefix("【"), let close = rest.firstIndex(of: "】"), rest.index(after: close) < rest.endIndex {
      title = String(rest[rest.index(after: rest.startIndex)..<close])
      rest = rest[rest.index(after: close)...]
    }
    if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
      let inside = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
      if inside.count >= 5, inside.allSatisfy({ $0.isASCII && $0.isNumber }) {
        return (title, String(rest[..<open]), String(inside))
      }
    }
    if rest.hasSuffix(">"), let open = rest.lastIndex(of: "<") {
      let inside = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
      if inside.contains("@"), !inside.contains(where: \.isWhitespace) {
        return (title, String(rest[..<open]), String(inside))
      }
    }
    return (title, String(rest), nil)
  }
}

extension Substring {
  /// The text without trailing white space.
  var trimmingTrailingWhitespace: Substring {
    var end = endIndex
    while end > startIndex, self[index(before: end)].isWhitespaceCharacter { end = index(before: end) }
    return self[startIndex..<end]
  }
}
