/// WeChat from an Android `EnMicroMsg.db` by wechat-dump (export-formats.md §1.7): one message
/// per `type|name:YYYY-MM-DD HH:MM:SS[.ffffff]:body` line, lines not starting with `<int>|`
/// continuing the previous message. `me` is the phone's owner. A large file is read in pieces cut
/// before a header, and the unit sieve applies.
///
/// A line that is not a header but an attempt at one starts a message of unknown speaker and time
/// with a warning rather than continuing the previous one. It is one when a `:` in it is followed
/// by a date and clock (`HeaderAttempt`) and
/// - it opens with `<int>|`, the type code and bar intact (no body line opens with them); or
/// - that date and clock are closed by a `:` (after an optional `.` and digits, a fraction of a
///   second), the header's own frame around its time, and the line opens with an ASCII digit or
///   holds a `|` or `｜` among its first four characters: a type code or bar damaged, lost or
///   replaced (`1X|老周:…`, `|老周:…`, `1｜老周:…`, `1!老周:…`, `1老周:…`).
///
/// So continuation lines that open with a date and clock (`2023-03-01 10:06:40 到账`), a clock,
/// or a number, or hold a time without the header's frame (`1笔到账:2023-03-01 10:06:40`), stay
/// in their message. No piece is cut before an attempt: the piece holding it reads it as a whole
/// read does.
struct WechatDumpTXTParser: DocumentParser {
  let format = DocumentFormat.wechatDumpTXT

  /// Android message type codes with a meaning of their own.
  static let systemType = 10000
  static let redPacketType = 436_207_665
  static let transferType = 419_430_449

  /// How many lines detection looks at.
  static let sampleLines = 200

  /// True when the first non-blank line of the first `sampleLines` is a header and at least half
  /// of the non-blank ones (of at most four) are. Lines are read in place: only a line that opens
  /// with a type code and its bar (`mayBeHeader`) is taken as a `Substring` and read as a header,
  /// and the walk stops at a first line that is not one or at the second header, which settle it.
  func detect(_ source: SourceText) -> Bool {
    var nonBlank = 0
    var headers = 0
    source.lines.forEachUTF8(prefix: Self.sampleLines) { position, line in
      guard !SourceLines.isBlank(line, line: source.lines[position]) else { return true }
      nonBlank += 1
      if Self.mayBeHeader(line), Self.header(source.lines[position]) != nil { headers += 1 }
      return headers == 1
    }
    return headers > 0 && headers * 2 >= min(nonBlank, 4)
  }

  /// Whether a line's UTF-8 may hold a header: the bytes before its first `|` are an optional
  /// sign and ASCII digits, as `Int` reads a type code. False for every line `header` reads.
  static func mayBeHeader(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = line.first == 0x2B || line.first == 0x2D ? 1 : 0
    let digits = index
    while index < line.count, line[index] >= 0x30, line[index] <= 0x39 { index += 1 }
    return index > digits && index < line.count && line[index] == 0x7C
  }

  /// A message starts at every header and takes no state from the lines before it.
  func startsPiece(_ line: Substring, after previous: Substring) -> Bool { Self.header(line) != nil }

  var readsInPieces: Bool { true }

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    // First the header lines (checking their times), then each message's last line: the line
    // before the next header, less trailing empty lines.
    var starts: [(line: Int, header: Header?)] = []
    for (offset, line) in source.lines.enumerated() {
      let number = offset + 1
      if let header = Self.header(line) {
        starts.append((number, header))
        if !header.time.isValid {
          outcome.diagnostics.append(source.badTime(line: number, raw: String(header.rawTime)))
        }
      } else if Self.unreadableHeader(line) != nil {
        starts.append((number, nil))
      } else if starts.isEmpty, !line.isBlank {
        outcome.diagnostics.append(
          source.diagnostic(.warning, "ingest.unparsed-line", line: number, "line \(source.fileLine(number)) could not be parsed: text before the first `type|name:time:` message"))
      }
    }
    let ends = starts.indices.map { index in
      var last = index + 1 < starts.count ? starts[index + 1].line - 1 : source.lines.count
      while last > starts[index].line, source.line(last).isEmpty { last -= 1 }
      return last
    }
    // The warnings for unreadable headers go among the others in line order, as in any piece.
    let unreadable = starts.indices.filter { starts[$0].header == nil }.map {
      source.unreadableHeaderWarning(line: starts[$0].line, endLine: ends[$0])
    }
    outcome.diagnostics.mergeInLineOrder(unreadable)
    // A message's text is the rest of its header line and the lines after it.
    let elidable = source.elidable(count: starts.count) { starts[$0].line...ends[$0] }
    outcome.units.reserveCapacity(starts.count)
    for (index, start) in starts.enumerated() {
      if let elidable, elidable[index] {
        outcome.units.appendElided(line: start.line, endLine: ends[index], conversation: source.fileStem)
      } else if let header = start.header {
        outcome.units.append(unit(header, lines: start.line...ends[index], source: source))
      } else {
        outcome.units.append(unreadableUnit(lines: start.line...ends[index], source: source))
      }
    }
    return outcome
  }

  /// The unit of the message with `header` on lines `lines`.
  private func unit(_ header: Header, lines: ClosedRange<Int>, source: SourceText) -> TextUnit {
    var kind = UnitKind.message
    var attributes = ["wechatType": String(header.type)]
    if header.type == Self.systemType { kind = .system }
    if header.type == Self.transferType { kind = .transfer }
    if header.type == Self.redPacketType {
      kind = .transfer
      attributes["redPacket"] = "true"
    }
    var text = String(header.body)
    for number in lines.dropFirst() {
      let line = source.line(number)
      text += "\n"
      text += line
      if kind == .transfer, attributes["redPacket"] == nil, attributes["amountFen"] == nil, let fen = AmountText.fen(line) {
        attributes["amountFen"] = String(fen)
      }
    }
    return TextUnit(
      kind: kind, line: lines.lowerBound, endLine: lines.upperBound, text: text,
      speaker: kind == .system ? nil : String(header.name), time: header.time.chatTime(options: source.options, raw: String(header.rawTime)),
      conversation: source.fileStem, attributes: attributes)
  }

  /// The message on lines `lines` whose header line could not be read: no speaker, no time, its
  /// text what follows the date and clock (and a `:`) on the header line and the lines after it.
  private func unreadableUnit(lines: ClosedRange<Int>, source: SourceText) -> TextUnit {
    let headerLine = source.line(lines.lowerBound)
    var attributes = [HeaderAttempt.attribute: String(headerLine)]
    var text = ""
    if let (type, body) = Self.unreadableHeader(headerLine) {
      if let type { attributes["wechatType"] = String(type) }
      text = String(body)
    }
    for number in lines.dropFirst() {
      text += "\n"
      text += source.line(number)
    }
    return TextUnit(
      kind: .message, line: lines.lowerBound, endLine: lines.upperBound, text: text, conversation: source.fileStem,
      attributes: attributes)
  }

  /// For a line that is an attempt at a header but not one (see the type's comment): its type
  /// code where it can be read, and the text after its date and clock, less a fraction of a
  /// second and one `:`.
  static func unreadableHeader(_ line: Substring) -> (type: Int?, body: Substring)? {
    guard let lead = line.utf8.first else { return nil }
    let opensWithDigit = lead >= 0x30 && lead <= 0x39
    guard opensWithDigit || line.prefix(4).contains(where: { $0 == "|" || $0 == "｜" }), header(line) == nil else {
      return nil
    }
    let bar = line.firstIndex(of: "|")
    let type = bar.flatMap { Int(line[..<$0]) }
    let framed = type == nil || !opensWithDigit
    let rest = bar.map { framed ? line : line[line.index(after: $0)...] } ?? line
    var search = rest.startIndex
    while let colon = rest[search...].firstIndex(of: ":") {
      let after = rest[rest.index(after: colon)...]
      if let length = HeaderAttempt.timestampLength(after) {
        var body = after.utf8.dropFirst(length)
        if body.first == UInt8(ascii: ".") { body = body.dropFirst().drop { $0 >= 0x30 && $0 <= 0x39 } }
        if body.first == UInt8(ascii: ":") { return (type, Substring(body.dropFirst())) }
        if !framed { return (type, Substring(body)) }
      }
      search = rest.index(after: colon)
    }
    return nil
  }

  /// One header: type code, name, time, and the body text after the time.
  struct Header {
    let type: Int
    let name: Substring
    let time: LocalDateTime
    let rawTime: Substring
    let body: Substring
  }

  /// Parses `type|name:time:body`, finding the first `:YYYY-MM-DD HH:MM:SS` after the bar (names
  /// may contain colons).
  static func header(_ line: Substring) -> Header? {
    guard let bar = line.firstIndex(of: "|") else { return nil }
    let code = line[..<bar]
    guard let type = Int(code) else { return nil }
    let rest = line[line.index(after: bar)...]
    var search = rest.startIndex
    while let colon = rest[search...].firstIndex(of: ":") {
      var cursor = TextCursor(rest[rest.index(after: colon)...])
      if let time = LocalDateTime.readISOLike(&cursor) {
        if cursor.take(".") { _ = cursor.number(digits: 6...6) }
        let timeEnd = cursor.index
        if cursor.take(":") {
          let raw = rest[rest.index(after: colon)..<timeEnd]
          return Header(type: type, name: rest[..<colon], time: time, rawTime: raw, body: cursor.rest)
        }
      }
      search = rest.index(after: colon)
    }
    return nil
  }
}
