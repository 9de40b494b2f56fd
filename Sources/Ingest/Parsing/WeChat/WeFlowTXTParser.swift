/// WeChat 4.x export by WeFlow, TXT (export-formats.md §1.8): records
/// `YYYY-MM-DD HH:MM:SS 'sender'`, body, blank line — MemoTrace's shape with the sender in single
/// quotes. Transfers (`[转账] ￥100.00 …`, `[转账收款] …`) become `transfer` units. Like MemoTrace's,
/// a large file is read in pieces and the unit sieve applies.
struct WeFlowTXTParser: MemoTraceTXTRecords {
  let format = DocumentFormat.wechatWeFlowTXT

  /// How many lines detection looks at.
  static let sampleLines = 400

  func detect(_ source: SourceText) -> Bool {
    guard let first = source.lines.first(where: { !$0.isBlank }), Self.quotedName(first) != nil else { return false }
    let headers = source.lines.prefix(Self.sampleLines).compactMap { line in MemoTraceHeader.parse(line).map { ($0, line) } }
    let quoted = headers.filter { header, line in header.rest(in: line).map { Self.isQuoted($0) } ?? false }.count
    return quoted * 5 >= headers.count * 4
  }

  func parse(_ source: SourceText) -> ParseOutcome {
    parseRecords(source, expecting: "a `YYYY-MM-DD HH:MM:SS 'sender'` header") { record, rest, time, conversation in
      let name = rest.map { Self.isQuoted($0) ? String($0.dropFirst().dropLast()) : String($0) }
      let text = record.body.map { source.text(from: $0.lowerBound, through: $0.upperBound) } ?? ""
      var kind = UnitKind.message
      var attributes: [String: String] = [:]
      if text.hasPrefix("[转账]") || text.hasPrefix("[转账收款]") {
        kind = .transfer
        if let fen = AmountText.fen(text) { attributes["amountFen"] = String(fen) }
      }
      return TextUnit(
        kind: kind, line: record.headerLine, endLine: record.body?.upperBound ?? record.headerLine, text: text,
        firstBodyLine: record.body?.lowerBound ?? record.headerLine, speaker: name, time: time,
        conversation: conversation, attributes: attributes)
    }
  }

  /// The sender of a header line whose name is in single quotes, or nil.
  static func quotedName(_ line: Substring) -> Substring? {
    guard let rest = MemoTraceHeader.parse(line)?.rest(in: line), isQuoted(rest) else { return nil }
    return rest.dropFirst().dropLast()
  }

  static func isQuoted(_ text: Substring) -> Bool { text.count >= 2 && text.hasPrefix("'") && text.hasSuffix("'") }
}
