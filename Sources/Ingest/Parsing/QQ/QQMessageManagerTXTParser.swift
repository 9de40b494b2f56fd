import Foundation

/// QQ message-manager TXT export (PC QQ ≤ 9.7, TIM; export-formats.md §2.1).
///
/// Conversation blocks are framed by 64-`=` separators with `消息分组:` / `消息对象:` lines; the
/// conversation of a message is the `消息对象` of its block. Pseudo-senders `系统消息(10000)` and
/// similar become `system` units.
struct QQMessageManagerTXTParser: DocumentParser {
  let format = DocumentFormat.qqMessageManagerTXT

  /// The exporter's title line.
  static let fileTitle = "消息记录（此消息记录为文本格式，不支持重新导入）"
  /// The block separator: exactly 64 `=`.
  static let separator = String(repeating: "=", count: 64)
  /// How many lines detection looks at.
  static let sampleLines = 400

  func detect(_ source: SourceText) -> Bool {
    var headers = 0
    var qqSenders = 0
    var localeClocks = 0
    for line in source.lines.prefix(Self.sampleLines) {
      if line == Self.separator || line.hasPrefix(Self.fileTitle) || Self.blockField(line) != nil { return true }
      if let header = QQHeader.parse(line) {
        headers += 1
        if header.accountID != nil { qqSenders += 1 }
        if header.isLocaleClock { localeClocks += 1 }
      }
    }
    return headers > 0 && (qqSenders * 2 >= headers || localeClocks > 0)
  }

  func parse(_ source: SourceText) -> ParseOutcome {
    var blocks: [(group: String?, object: String?)] = [(nil, nil)]
    var blockOfLine: [Int] = []
    blockOfLine.reserveCapacity(source.lines.count)
    for line in source.lines {
      if let (key, value) = Self.blockField(line) {
        if key == "消息分组" { blocks.append((value, nil)) } else { blocks[blocks.count - 1].object = value }
      }
      blockOfLine.append(blocks.count - 1)
    }
    let records = HeaderRecords<QQHeader>(
      source,
      role: { _, line in
        if line == Self.separator || line.hasPrefix(Self.fileTitle) || Self.blockField(line) != nil {
          return .structure
        }
        return QQHeader.parse(line).map { .header($0) } ?? .other
      },
      context: { blockOfLine[$0 - 1] })
    var outcome = ParseOutcome()
    outcome.diagnostics = records.diagnostics(in: source, expecting: "a `date time sender` header or a `消息对象:` block")
    for record in records.records {
      let header = record.header
      let time = header.time.chatTime(options: source.options, raw: header.rawTime)
      if time == nil { outcome.diagnostics.append(source.badTime(line: record.headerLine, raw: header.rawTime)) }
      let isSystem = header.nickname == "系统消息"
      var attributes: [String: String] = [:]
      if let title = header.memberTitle { attributes["memberTitle"] = title }
      if let group = blocks[record.context].group { attributes["qqGroup"] = group }
      outcome.units.append(
        TextUnit(
          kind: isSystem ? .system : .message, line: record.headerLine,
          endLine: record.body?.upperBound ?? record.headerLine,
          text: record.body.map { source.text(from: $0.lowerBound, through: $0.upperBound) } ?? "",
          firstBodyLine: record.body?.lowerBound ?? record.headerLine,
          speaker: isSystem ? nil : header.nickname, speakerID: isSystem ? nil : header.accountID, time: time,
          conversation: blocks[record.context].object ?? source.fileStem, attributes: attributes))
    }
    removeRecentContactDuplicates(&outcome, source: source)
    return outcome
  }

  /// The group QQ adds to "export all" that repeats conversations found in other groups.
  static let recentContactsGroup = "最近联系人"

  /// Drops messages of the `最近联系人` block that repeat a message of another block (same
  /// conversation, time, sender and text), saying how many in a note.
  private func removeRecentContactDuplicates(_ outcome: inout ParseOutcome, source: SourceText) {
    struct Key: Hashable {
      let conversation: String?
      let time: Int64?
      let sender: String?
      let text: String
    }
    func key(_ unit: TextUnit) -> Key {
      Key(conversation: unit.conversation, time: unit.time?.epochSeconds, sender: unit.speakerID ?? unit.speaker, text: unit.text)
    }
    let isRecent = { (unit: TextUnit) in unit.attributes["qqGroup"] == Self.recentContactsGroup }
    guard outcome.units.contains(where: isRecent) else { return }
    let elsewhere = Set(outcome.units.filter { !isRecent($0) }.map(key))
    let duplicates = outcome.units.filter { isRecent($0) && elsewhere.contains(key($0)) }
    guard let first = duplicates.first else { return }
    outcome.units.removeAll { isRecent($0) && elsewhere.contains(key($0)) }
    outcome.diagnostics.append(
      source.diagnostic(
        .note, "ingest.duplicate-block", line: first.line,
        "\(duplicates.count) messages of the 最近联系人 block repeat messages of other blocks and are cited there instead"))
  }

  /// A `消息分组:` or `消息对象:` line (ASCII or full-width colon) as key and value.
  static func blockField(_ line: Substring) -> (String, String)? {
    for key in ["消息分组", "消息对象"] where line.hasPrefix(key) {
      let rest = line.dropFirst(key.count)
      guard let colon = rest.first, colon == ":" || colon == "：" else { continue }
      return (key, String(rest.dropFirst()).trimmingCharacters(in: .whitespaces))
    }
    return nil
  }
}
