/// WeChat export by MemoTrace/留痕 v1, TXT (export-formats.md §1.2).
///
/// Record = `YYYY-MM-DD HH:MM:SS name` header, body lines, blank line. A header with no body is a
/// system notice whose "name" part is the notice. Names are HTML-escaped and backslash-escaped by
/// the exporter. The conversation is the file name stem (MemoTrace names the file after the chat).
struct MemoTraceTXTParser: MemoTraceTXTRecords, MemoTraceGeneration {
  let flavour = MemoTraceFlavour.v1
  let format = DocumentFormat.wechatMemoTraceTXT

  func parse(_ source: SourceText) -> ParseOutcome {
    parseRecords(source) { record, rest, time, conversation in
      let rest = rest.map(String.init) ?? ""
      guard let body = record.body else {
        return TextUnit(kind: .system, line: record.headerLine, text: rest, time: time, conversation: conversation)
      }
      return TextUnit(
        kind: .message, line: record.headerLine, endLine: body.upperBound,
        text: source.text(from: body.lowerBound, through: body.upperBound), firstBodyLine: body.lowerBound,
        speaker: Self.name(rest), time: time, conversation: conversation,
        attributes: Self.attributes(source, body: body))
    }
  }

  /// The display name in a header: `TextEscapes.memoTraceName`, skipped when there is no `&` or
  /// `\` to undo (almost every name), since it then returns the text unchanged.
  static func name(_ rest: String) -> String {
    rest.utf8.contains(where: { $0 == 0x26 || $0 == 0x5C }) ? TextEscapes.memoTraceName(rest) : rest
  }

  /// Link-card and quote details found in a body.
  static func attributes(_ source: SourceText, body: ClosedRange<Int>) -> [String: String] {
    var attributes: [String: String] = [:]
    for number in body {
      let raw = source.line(number)
      // Every marker starts with `[`, `u` or `引` (E5 BC 95) after the leading spaces.
      guard let lead = raw.utf8.first(where: { $0 != 0x20 }), lead == 0x5B || lead == 0x75 || lead == 0xE5 else {
        continue
      }
      let line = raw.drop(while: { $0 == " " })
      if let title = line.utf8DroppingPrefix("[链接]:title:") {
        attributes["linkTitle"] = String(title)
      } else if let url = line.utf8DroppingPrefix("url:"), attributes["linkTitle"] != nil {
        attributes["linkURL"] = String(url)
      } else if let quote = line.utf8DroppingPrefix("引用:") {
        if let colon = quote.firstIndex(of: ":") {
          attributes["quoteSpeaker"] = TextEscapes.memoTraceName(quote[..<colon])
          attributes["quoteText"] = String(quote[quote.index(after: colon)...])
        } else {
          attributes["quoteText"] = String(quote)
        }
        attributes["quoteLine"] = String(number)
      }
    }
    return attributes
  }
}
