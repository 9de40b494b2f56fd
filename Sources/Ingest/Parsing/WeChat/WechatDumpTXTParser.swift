/// WeChat from an Android `EnMicroMsg.db` by wechat-dump (export-formats.md §1.7): one message
/// per `type|name:YYYY-MM-DD HH:MM:SS[.ffffff]:body` line, lines not starting with `<int>|`
/// continuing the previous message. `me` is the phone's owner. A large file is read in pieces cut
/// before a header, and the unit sieve applies.
struct WechatDumpTXTParser: DocumentParser {
  let format = DocumentFormat.wechatDumpTXT

  /// Android message type codes with a meaning of their own.
  static let systemType = 10000
  static let redPacketType = 436_207_665
  static let transferType = 419_430_449

  func detect(_ source: SourceText) -> Bool {
    let sample = source.lines.prefix(200).filter { !$0.isBlank }
    guard let first = sample.first, Self.header(first) != nil else { return false }
    return sample.filter { Self.header($0) != nil }.count * 2 >= min(sample.count, 4)
  }

  /// A message starts at every header and takes no state from the lines before it.
  func startsPiece(_ line: Substring, after previous: Substring) -> Bool { Self.header(line) != nil }

  var readsInPieces: Bool { true }

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    // First the header lines (checking their times), then each message's last line: the line
    // before the next header, less trailing empty lines.
    var starts: [(line: Int, header: Header)] = []
    for (offset, line) in source.lines.enumerated() {
      let number = offset + 1
      if let header = Self.header(line) {
        starts.append((number, header))
        if header.time.chatTime(options: source.options, raw: "") == nil {
          outcome.diagnostics.append(source.badTime(line: number, raw: String(header.rawTime)))
        }
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
    // A message's text is the rest of its header line and the lines after it.
    let elidable = source.elidable(count: starts.count) { starts[$0].line...ends[$0] }
    outcome.units.reserveCapacity(starts.count)
    for (index, start) in starts.enumerated() {
      if let elidable, elidable[index] {
        outcome.units.appendElided(line: start.line, endLine: ends[index], conversation: source.fileStem)
      } else {
        outcome.units.append(unit(start.header, lines: start.line...ends[index], source: source))
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
