/// WeChat from an Android `EnMicroMsg.db` by wechat-dump (export-formats.md §1.7): one message
/// per `type|name:YYYY-MM-DD HH:MM:SS[.ffffff]:body` line, lines not starting with `<int>|`
/// continuing the previous message. `me` is the phone's owner.
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

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    for (offset, line) in source.lines.enumerated() {
      let number = offset + 1
      if let header = Self.header(line) {
        let time = header.time.chatTime(options: source.options, raw: header.rawTime)
        if time == nil { outcome.diagnostics.append(source.badTime(line: number, raw: header.rawTime)) }
        var kind = UnitKind.message
        var attributes = ["wechatType": String(header.type)]
        if header.type == Self.systemType { kind = .system }
        if header.type == Self.transferType { kind = .transfer }
        if header.type == Self.redPacketType {
          kind = .transfer
          attributes["redPacket"] = "true"
        }
        outcome.units.append(
          TextUnit(
            kind: kind, line: number, text: String(header.body), speaker: kind == .system ? nil : String(header.name),
            time: time, conversation: source.fileStem, attributes: attributes))
      } else if let index = outcome.units.indices.last {
        let unit = outcome.units[index]
        outcome.units[index].text = unit.text + String(repeating: "\n", count: number - unit.endLine) + line
        outcome.units[index].endLine = number
        if unit.kind == .transfer, unit.attributes["redPacket"] == nil, unit.attributes["amountFen"] == nil,
          let fen = AmountText.fen(line)
        {
          outcome.units[index].attributes["amountFen"] = String(fen)
        }
      } else if !line.isBlank {
        outcome.diagnostics.append(
          source.diagnostic(.warning, "ingest.unparsed-line", line: number, "line \(number) could not be parsed: text before the first `type|name:time:` message"))
      }
    }
    for index in outcome.units.indices {
      while outcome.units[index].text.hasSuffix("\n") {
        outcome.units[index].text.removeLast()
        outcome.units[index].endLine -= 1
      }
    }
    return outcome
  }

  /// One header: type code, name, time, and the body text after the time.
  struct Header {
    let type: Int
    let name: Substring
    let time: LocalDateTime
    let rawTime: String
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
          let raw = String(rest[rest.index(after: colon)..<timeEnd])
          return Header(type: type, name: rest[..<colon], time: time, rawTime: raw, body: cursor.rest)
        }
      }
      search = rest.index(after: colon)
    }
    return nil
  }
}
