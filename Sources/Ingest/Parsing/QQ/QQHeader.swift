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

  /// Parses a header line, or returns nil.
  static func parse(_ line: Substring) -> QQHeader? {
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
      if marker != nil, probe.peek?.properties.isWhitespace == true {
        meridiem = marker
        cursor = probe
        timeEnd = cursor.index
      }
    }
    guard cursor.skipSpaces() > 0 else { return nil }
    let sender = cursor.rest.trimmingTrailingWhitespace
    guard !sender.isEmpty else { return nil }
    var time = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    if let meridiem, !time.applyTwelveHour(pm: meridiem) { return nil }
    let rawTime = String(Substring(line.unicodeScalars[start..<timeEnd]))
    let (title, nickname, account) = splitSender(sender)
    return QQHeader(
      time: time, rawTime: rawTime, nickname: nickname, accountID: account, memberTitle: title,
      isLocaleClock: meridiem != nil || unpadded)
  }

  /// Splits `【title】nick(12345)` / `nick<a@b.c>` into title, nickname and account, on the last
  /// group; a trailing group that is neither a number nor an e-mail stays part of the nickname.
  static func splitSender(_ sender: Substring) -> (title: String?, nickname: String, account: String?) {
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
    while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
    return self[startIndex..<end]
  }
}
