/// WeChat export by MemoTrace v1 (`<备注名>_utf8.csv`) or 2.x, CSV (export-formats.md §1.2, §1.3).
///
/// One unit per CSV record; `line`/`endLine` are the record's first and last physical lines and
/// `firstBodyLine` the line the content field starts on. v1 stores raw XML for non-text types:
/// transfers, quotes and link cards are read from it (`attributes["extracted"] == "xml"`), media
/// become bracketed placeholders such as `[图片]`.
struct MemoTraceCSVParser: BatchingParser {
  /// Which exporter generation wrote the file.
  enum Generation: Sendable { case v1, v2 }

  let generation: Generation
  var format: DocumentFormat { generation == .v1 ? .wechatMemoTraceCSV : .wechatMemoTraceV2CSV }

  /// The verbatim header rows.
  static let v1Header = [
    "localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status", "StrContent", "StrTime", "Remark",
    "NickName", "Sender",
  ]
  static let v2Header = ["消息ID", "类型", "发送人", "时间", "内容", "备注", "昵称", "更多信息"]

  /// Placeholders for v1 media types (WeChat `Type`).
  static let mediaPlaceholders: [Int: String] = [
    3: "[图片]", 34: "[语音]", 42: "[名片]", 43: "[视频]", 47: "[表情包]", 48: "[位置]", 50: "[音视频通话]",
  ]
  /// v1 transfer `paysubtype` meanings (export-formats.md §1.1).
  static let payStates: [String: String] = [
    "1": "发起转账", "3": "已收款", "4": "已退还", "5": "非实时转账收款", "7": "发起非实时转账", "8": "已被接收", "9": "已被退还",
    "10": "已过期",
  ]
  /// v2 type names that are system notices.
  static let v2SystemTypes: Set<String> = ["系统消息", "拍一拍", "撤回消息", "系统通知"]

  func detect(_ source: SourceText) -> Bool {
    CSVRecords.headerRow(source) == (generation == .v1 ? Self.v1Header : Self.v2Header)
  }

  /// Reads the records one at a time, never the whole table.
  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var conversation = source.fileStem
    if conversation.hasSuffix("_utf8") { conversation.removeLast(5) }
    let width = generation == .v1 ? Self.v1Header.count : Self.v2Header.count
    var isHeader = true
    let unterminated = CSVRecords.read(source) { record in
      guard !isHeader else {
        isHeader = false
        return
      }
      guard record.fields.count == width else {
        diagnostics.append(
          source.diagnostic(
            .warning, "ingest.unparsed-line", line: record.firstLine,
            "line \(record.firstLine): CSV record has \(record.fields.count) fields, expected \(width); skipped"))
        return
      }
      let (unit, rawTime) =
        generation == .v1
        ? v1Unit(record, conversation: conversation, source: source)
        : v2Unit(record, conversation: conversation, source: source)
      if unit.time == nil { diagnostics.append(source.badTime(line: record.firstLine, raw: rawTime)) }
      batches.append(unit)
    }
    if let line = unterminated {
      diagnostics.append(
        source.diagnostic(
          .warning, "ingest.unparsed-line", line: line,
          "line \(line): a quoted CSV field is never closed; the file may be truncated"))
    }
    return diagnostics
  }

  /// The unit of a v1 record, and the record's raw time text.
  private func v1Unit(_ record: CSVRecords.Record, conversation: String, source: SourceText) -> (TextUnit, String) {
    let field = { (name: String) -> CSVRecords.Field in
      record.fields[Self.v1Header.firstIndex(of: name) ?? 0]
    }
    let type = Int(field("Type").value) ?? 0
    let subType = Int(field("SubType").value) ?? 0
    let content = field("StrContent")
    let isSender = field("IsSender").value == "1"
    let rawTime = field("StrTime").value
    let time = Int64(field("CreateTime").value).map {
      ChatTime(epochSeconds: $0, utcOffsetSeconds: source.options.utcOffsetSeconds, raw: rawTime)
    }
    let speaker = [field("Remark").value, field("NickName").value].first { !$0.isEmpty }
      ?? (isSender ? "我" : conversation)
    var attributes = ["isSender": isSender ? "1" : "0", "wechatType": "\(type),\(subType)"]
    if !field("Sender").value.isEmpty { attributes["senderID"] = field("Sender").value }
    var kind = UnitKind.message
    var text = content.value
    switch (type, subType) {
    case (1, _): break
    case (10000, _): kind = .system
    case (49, 2000):
      kind = .transfer
      let state = XMLSnippet.text(of: "paysubtype", in: content.value).flatMap { Self.payStates[$0] } ?? "转账"
      attributes["transferState"] = state
      if let fee = XMLSnippet.text(of: "feedesc", in: content.value), let fen = AmountText.fen(fee) {
        attributes["amountFen"] = String(fen)
      }
      let memo = XMLSnippet.text(of: "pay_memo", in: content.value) ?? ""
      if !memo.isEmpty { attributes["memo"] = memo }
      text = memo.isEmpty ? state : memo
      attributes["extracted"] = "xml"
    case (49, 2001):
      kind = .transfer
      attributes["redPacket"] = "true"
      text = XMLSnippet.text(of: "sendertitle", in: content.value) ?? "[红包]"
      attributes["extracted"] = "xml"
    case (49, 57):
      text = XMLSnippet.text(of: "title", in: content.value) ?? ""
      if let quoted = XMLSnippet.text(of: "content", in: content.value) { attributes["quoteText"] = quoted }
      if let who = XMLSnippet.text(of: "displayname", in: content.value) { attributes["quoteSpeaker"] = who }
      attributes["extracted"] = "xml"
    case (49, _):
      text = XMLSnippet.text(of: "title", in: content.value) ?? "[卡片]"
      if let url = XMLSnippet.text(of: "url", in: content.value) { attributes["linkURL"] = url }
      attributes["extracted"] = "xml"
    default:
      text = Self.mediaPlaceholders[type] ?? "[消息类型 \(type)]"
      attributes["extracted"] = "placeholder"
    }
    let unit = TextUnit(
      kind: kind, line: record.firstLine, endLine: record.lastLine, text: text, firstBodyLine: content.line,
      speaker: kind == .system ? nil : speaker, speakerID: kind == .system ? nil : attributes["senderID"],
      time: time, conversation: conversation, attributes: attributes)
    return (unit, rawTime)
  }

  /// The unit of a v2 record, and the record's raw time text.
  private func v2Unit(_ record: CSVRecords.Record, conversation: String, source: SourceText) -> (TextUnit, String) {
    let field = { (name: String) -> CSVRecords.Field in
      record.fields[Self.v2Header.firstIndex(of: name) ?? 0]
    }
    let typeName = field("类型").value
    let content = field("内容")
    let rawTime = field("时间").value
    var cursor = TextCursor(Substring(rawTime))
    let time = LocalDateTime.readISOLike(&cursor)?.chatTime(options: source.options, raw: rawTime)
    let speaker = [field("备注").value, field("昵称").value, field("发送人").value].first { !$0.isEmpty }
    var (kind, attributes) = MemoTraceV2TXTParser.classify(
      content.value.split(separator: "\n", omittingEmptySubsequences: false), firstLine: content.line)
    if Self.v2SystemTypes.contains(typeName) { kind = .system }
    attributes["wechatType"] = typeName
    let senderID = field("发送人").value
    let unit = TextUnit(
      kind: kind, line: record.firstLine, endLine: record.lastLine, text: content.value, firstBodyLine: content.line,
      speaker: kind == .system ? nil : speaker, speakerID: kind == .system || senderID.isEmpty ? nil : senderID,
      time: time, conversation: conversation, attributes: attributes)
    return (unit, rawTime)
  }
}
