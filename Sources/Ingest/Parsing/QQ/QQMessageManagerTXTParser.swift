import Foundation

/// QQ message-manager TXT export (PC QQ ≤ 9.7, TIM; export-formats.md §2.1).
///
/// Conversation blocks are framed by 64-`=` separators with `消息分组:` / `消息对象:` lines; the
/// conversation of a message is the `消息对象` of its block. Pseudo-senders `系统消息(10000)` and
/// similar become `system` units. An "export all" file can hold every chat of an account, so
/// records are split reading bytes in place, keep only their header's stamp, and take the unit
/// sieve: a message no rule can use becomes an `elided` unit without its sender being split or its
/// text copied. Units are handed over in batches as they are made. A large file is read in pieces
/// cut before a record or a block separator, carrying the blocks, the repeats and the sieve from
/// one piece to the next (`QQPieceCarry`).
struct QQMessageManagerTXTParser: BatchingParser {
  let format = DocumentFormat.qqMessageManagerTXT

  /// The exporter's title line.
  static let fileTitle = "消息记录（此消息记录为文本格式，不支持重新导入）"
  /// The block separator: exactly 64 `=`.
  static let separator = String(repeating: "=", count: 64)
  /// How many lines detection looks at.
  static let sampleLines = 400
  /// What a line outside any message should have been.
  static let expecting = "a `date time sender` header or a `消息对象:` block"

  /// The note on the `count` messages of the `最近联系人` block dropped as repeats.
  static func repeatsMessage(count: Int) -> String {
    count == 1
      ? "1 message of the \(QQBlocks.recentContactsGroup) block repeats a message of another block and is cited there instead"
      : "\(count) messages of the \(QQBlocks.recentContactsGroup) block repeat messages of other blocks and are cited there instead"
  }

  /// A piece may start at a block separator or at a header after a blank line, where a record
  /// starts whatever came before; the block it lies in is carried (`QQPieceCarry`).
  func startsPiece(_ line: Substring, after previous: Substring) -> Bool {
    line == Self.separator || (previous.isBlank && QQHeader.stamp(line) != nil)
  }

  var readsInPieces: Bool { true }

  func pieceCarry(path: String, options: IngestOptions, sieve: UnitSieve?) -> (any PieceCarry)? {
    QQPieceCarry(path: path, sieve: sieve)
  }

  /// Whether the text is such an export: a separator, the title or a block field in the first
  /// `sampleLines` lines, or headers there of which half name a QQ account or one has a locale
  /// clock. Every text file a scan reads is asked, so the lines are read in place as bytes, only
  /// a line led by a digit is read as a header (from its bytes for the commonest shape), and its
  /// sender is split only when it may end in an account.
  func detect(_ source: SourceText) -> Bool {
    var framed = false
    var headers = 0
    var qqSenders = 0
    var localeClocks = 0
    source.lines.forEachUTF8(prefix: Self.sampleLines) { position, line in
      guard let lead = line.first else { return true }
      if lead == 0x3D, line.elementsEqual(Self.separatorBytes) { framed = true }
      if lead == Self.titleBytes[0], line.starts(with: Self.titleBytes) || Self.isBlockField(line) { framed = true }
      if framed { return false }
      guard lead >= 0x30, lead <= 0x39, let stamp = QQHeader.stamp(line, line: source.lines[position]) else { return true }
      headers += 1
      if stamp.isLocaleClock { localeClocks += 1 }
      // The sender is split (which builds its strings) only when it may end in an account.
      if !QQHeader.endsWithoutAccount(line), QQHeader(line: source.lines[position], stamp: stamp).accountID != nil {
        qqSenders += 1
      }
      return true
    }
    return framed || (headers > 0 && (qqSenders * 2 >= headers || localeClocks > 0))
  }

  /// `separator`, `fileTitle` and the block field keys as UTF-8 (the title and both keys start
  /// with 消, E6 B6 88).
  private static let separatorBytes = Array(separator.utf8)
  private static let titleBytes = Array(fileTitle.utf8)
  private static let blockFieldKeys = ["消息分组", "消息对象"].map { Array($0.utf8) }

  /// `blockField(_:) != nil` of a line given as its UTF-8: a key, then `:` or `：`.
  private static func isBlockField(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    blockFieldKeys.contains { key in
      guard line.starts(with: key) else { return false }
      let rest = UnsafeBufferPointer(rebasing: line[key.count...])
      return rest.first == 0x3A || rest.starts(with: [0xEF, 0xBC, 0x9A])
    }
  }

  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    let file = QQBlocks.split(source)
    let records = file.records.records
    var diagnostics = file.records.diagnostics(in: source, expecting: Self.expecting)
    for record in records {
      guard let stamp = record.header, !stamp.time.isValid else { continue }
      diagnostics.append(source.badTime(line: record.headerLine, raw: stamp.rawTime(in: source.line(record.headerLine))))
    }
    let (kept, repeated) = RecentContactDuplicates.split(records, blocks: file.blocks, source: source)
    diagnostics = DroppedRepeatWarnings.reword(diagnostics, dropped: repeated.map { records[$0] }, source: source)
    // A record's text is its body; a record without one has none, so its header line stands in.
    let elidable = source.elidable(count: kept.count) { position in
      let record = records[kept[position]]
      return record.body ?? record.headerLine...record.headerLine
    }
    for (position, index) in kept.enumerated() {
      let record = records[index]
      let block = file.blocks[record.context]
      let conversation = block.object ?? source.fileStem
      if let elidable, elidable[position] {
        batches.append(
          .elided(line: record.headerLine, endLine: record.body?.upperBound ?? record.headerLine, conversation: conversation))
      } else {
        batches.append(Self.unit(record, group: block.group, conversation: conversation, source: source))
      }
    }
    if let first = repeated.first {
      diagnostics.append(
        source.diagnostic(
          .note, "ingest.duplicate-block", line: records[first].headerLine, Self.repeatsMessage(count: repeated.count)))
    }
    return diagnostics
  }

  /// The unit of `record`, a message of `conversation` in the block group `group`; a record whose
  /// header could not be read is a message of unknown speaker and time (`unreadableHeaderUnit`).
  static func unit(
    _ record: HeaderRecords<QQHeader.Stamp>.Record, group: String?, conversation: String, source: SourceText
  ) -> TextUnit {
    guard let stamp = record.header else {
      return record.unreadableHeaderUnit(in: source, conversation: conversation, attributes: group.map { ["qqGroup": $0] } ?? [:])
    }
    let header = QQHeader(line: source.line(record.headerLine), stamp: stamp)
    let isSystem = header.nickname == "系统消息"
    var attributes: [String: String] = [:]
    if let title = header.memberTitle { attributes["memberTitle"] = title }
    if let group { attributes["qqGroup"] = group }
    return TextUnit(
      kind: isSystem ? .system : .message, line: record.headerLine,
      endLine: record.body?.upperBound ?? record.headerLine,
      text: record.body.map { source.text(from: $0.lowerBound, through: $0.upperBound) } ?? "",
      firstBodyLine: record.body?.lowerBound ?? record.headerLine,
      speaker: isSystem ? nil : header.nickname, speakerID: isSystem ? nil : header.accountID,
      time: header.time.chatTime(options: source.options, raw: header.rawTime),
      conversation: conversation, attributes: attributes)
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
