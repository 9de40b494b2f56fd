/// WeChat export by MemoTrace 2.x (wxManager), TXT (export-formats.md §1.3).
///
/// Differs from v1: system records have a time-only header with the notice on the following
/// lines; placeholders use full-width 【】; transfers (`【发起转账】:￥5000.00` + `备注: …`) and red
/// packets (`【红包】: …`) are written, and become `transfer` units; quotes are `引用：name: text`.
struct MemoTraceV2TXTParser: MemoTraceTXTRecords, MemoTraceGeneration {
  let flavour = MemoTraceFlavour.v2
  let format = DocumentFormat.wechatMemoTraceV2TXT

  /// Transfer states MemoTrace 2 writes inside 【】 (`display_content()`).
  static let transferStates: Set<String> = [
    "发起转账", "已收款", "已退还", "非实时转账收款", "发起非实时转账", "已被接收", "已被退还", "已过期", "未知", "转账",
  ]

  func parse(_ source: SourceText) -> ParseOutcome {
    parseRecords(source) { record, rest, time, conversation in
      let text = record.body.map { source.text(from: $0.lowerBound, through: $0.upperBound) } ?? ""
      let endLine = record.body?.upperBound ?? record.headerLine
      let firstBodyLine = record.body?.lowerBound ?? record.headerLine
      guard let name = rest else {
        return TextUnit(
          kind: .system, line: record.headerLine, endLine: endLine, text: text, firstBodyLine: firstBodyLine,
          time: time, conversation: conversation)
      }
      var kind = UnitKind.message
      var attributes: [String: String] = [:]
      if let body = record.body {
        (kind, attributes) = Self.classify(Array(source.lines[(body.lowerBound - 1)...(body.upperBound - 1)]), firstLine: body.lowerBound)
      }
      return TextUnit(
        kind: kind, line: record.headerLine, endLine: endLine, text: text, firstBodyLine: firstBodyLine,
        speaker: String(name), time: time, conversation: conversation, attributes: attributes)
    }
  }

  /// Recognises transfer, red-packet and quote bodies; `lines` are the body lines, the first on
  /// file line `firstLine`.
  static func classify(_ lines: [Substring], firstLine: Int) -> (UnitKind, [String: String]) {
    guard let first = lines.first else { return (.message, [:]) }
    if first.utf8HasPrefix("【"), let close = first.firstIndex(of: "】") {
      let tag = String(first[first.index(after: first.startIndex)..<close])
      let after = first[first.index(after: close)...].drop(while: { $0 == ":" || $0 == "：" || $0 == " " })
      if transferStates.contains(tag) {
        var attributes = ["transferState": tag]
        if let fen = AmountText.fen(after) { attributes["amountFen"] = String(fen) }
        for line in lines.dropFirst() where line.hasPrefix("备注:") || line.hasPrefix("备注：") {
          attributes["memo"] = String(line.dropFirst(3).drop(while: { $0 == " " }))
        }
        return (.transfer, attributes)
      }
      if tag == "红包" {
        return (.transfer, ["redPacket": "true", "redPacketTitle": String(after)])
      }
    }
    var attributes: [String: String] = [:]
    for (offset, line) in lines.enumerated() {
      guard let quote = line.utf8DroppingPrefix("引用：") else { continue }
      if let colon = quote.utf8Range(of: ": ") {
        attributes["quoteSpeaker"] = String(quote[..<colon.lowerBound])
        attributes["quoteText"] = String(quote[colon.upperBound...])
      } else {
        attributes["quoteText"] = String(quote)
      }
      attributes["quoteLine"] = String(firstLine + offset)
    }
    return (.message, attributes)
  }
}
