/// What QQ message-manager TXT carries through the pieces of a large file (see `PieceCarry`), so
/// that the pieces give exactly the units and diagnostics of a whole read.
///
/// - Survey 0 finds the blocks: each one's `消息分组` and the `消息对象` named in it (which may come
///   anywhere in the block, after messages too), and counts the messages, and those of
///   `最近联系人` blocks.
/// - When a `最近联系人` block holds messages, survey 1 keys (`MessageKey`) the messages of the
///   conversations those blocks hold and keeps the keys of the `最近联系人` messages that repeat
///   a message of another block: sixteen bytes for each such message, wherever the blocks lie.
/// - The parse gives each message the conversation and group of its block, drops the repeats,
///   runs the sieve over the whole file (`CarriedSieve`) and keeps the diagnostics for the end,
///   in the order of a whole read.
struct QQPieceCarry: PieceCarry {
  private let path: String
  private let unitSieve: UnitSieve?
  /// The conversation of a block without a `消息对象`: the file's name.
  private var fileStem = ""
  /// The blocks of the file in order; block 0 holds what comes before the first `消息分组` line.
  private var blocks = [QQBlocks.Block()]
  /// The block open where the piece being read starts.
  private var blockBase = 0
  private var messageCount = 0
  private var recentMessageCount = 0
  private var recentBlocks: Set<Int> = []
  private var recentConversations: Set<String> = []
  /// Survey 1: the keys of the messages of other blocks in the recent conversations, and how
  /// many messages of the `最近联系人` blocks have each key.
  private var elsewhereKeys: Set<MessageKey> = []
  private var recentKeys: [MessageKey: Int] = [:]
  /// The keys of the `最近联系人` messages that repeat a message of another block.
  private var repeatedKeys: Set<MessageKey> = []
  private var sieve: CarriedSieve?
  private var unitCount = 0
  private var unparsedLines: [Diagnostic] = []
  private var headerLikeLines: [Diagnostic] = []
  private var badTimes: [Diagnostic] = []
  private var repeats = 0
  private var firstRepeatLine: Int?

  /// The carry of the file at `path`, read for a scan with `sieve` (nil: every unit whole).
  init(path: String, sieve: UnitSieve?) {
    self.path = path
    unitSieve = sieve
  }

  mutating func survey(_ source: SourceText, lineOffset: Int, round: Int) {
    let file = QQBlocks.split(source)
    let base = blockBase
    if round == 0 {
      fileStem = source.fileStem
      if let object = file.blocks[0].object { blocks[base].object = object }
      blocks += file.blocks.dropFirst()
      messageCount += file.records.records.count
      recentMessageCount += file.records.records.count { blocks[base + $0.context].group == QQBlocks.recentContactsGroup }
    } else {
      for record in file.records.records {
        let block = base + record.context
        let name = conversation(block)
        if recentBlocks.contains(block) {
          recentKeys[MessageKey(record, conversation: name, source: source), default: 0] += 1
        } else if recentConversations.contains(name) {
          elsewhereKeys.insert(MessageKey(record, conversation: name, source: source))
        }
      }
    }
    blockBase = base + file.blocks.count - 1
  }

  mutating func endSurvey(round: Int) -> Bool {
    blockBase = 0
    if round == 0 {
      recentBlocks = Set(blocks.indices.filter { blocks[$0].group == QQBlocks.recentContactsGroup })
      guard recentMessageCount == 0 else {
        recentConversations = Set(recentBlocks.map(conversation))
        return true
      }
      sieve = CarriedSieve(unitSieve, messages: messageCount)
      return false
    }
    var repeatCount = 0
    for (key, count) in recentKeys where elsewhereKeys.contains(key) {
      repeatedKeys.insert(key)
      repeatCount += count
    }
    elsewhereKeys = []
    recentKeys = [:]
    sieve = CarriedSieve(unitSieve, messages: messageCount - repeatCount)
    return false
  }

  mutating func parse(_ source: SourceText, lineOffset: Int) -> PieceParse {
    let file = QQBlocks.split(source)
    let records = file.records.records
    let base = blockBase
    blockBase = base + file.blocks.count - 1
    note(file.records, in: source, lineOffset: lineOffset)
    var kept: [Int] = []
    kept.reserveCapacity(records.count)
    for (index, record) in records.enumerated() {
      let block = base + record.context
      if !repeatedKeys.isEmpty, recentBlocks.contains(block),
        repeatedKeys.contains(MessageKey(record, conversation: conversation(block), source: source))
      {
        repeats += 1
        if firstRepeatLine == nil { firstRepeatLine = record.headerLine + lineOffset }
      } else {
        kept.append(index)
      }
    }
    let (blocks, fileStem) = (self.blocks, self.fileStem)
    let unit = { (position: Int) in
      let record = records[kept[position]]
      let block = blocks[base + record.context]
      return QQMessageManagerTXTParser.unit(record, group: block.group, conversation: block.object ?? fileStem, source: source)
    }
    unitCount += kept.count
    guard var sieve else {
      return PieceParse(outcome: ParseOutcome(units: kept.indices.map(unit)), settledUnits: unitCount)
    }
    // A record's text is its body; a record without one has none, so its header line stands in.
    let (whole, revised) = sieve.decide(
      kept.count, in: source,
      textLines: { position in
        let record = records[kept[position]]
        return record.body ?? record.headerLine...record.headerLine
      }, wholeUnit: { unit($0).shifted(by: lineOffset) })
    self.sieve = sieve
    let units = kept.indices.map { position in
      guard !whole[position] else { return unit(position) }
      let record = records[kept[position]]
      return TextUnit.elided(
        line: record.headerLine, endLine: record.body?.upperBound ?? record.headerLine,
        conversation: conversation(base + record.context))
    }
    return PieceParse(outcome: ParseOutcome(units: units), revised: revised, settledUnits: sieve.settled)
  }

  mutating func finish() -> [Diagnostic] {
    var diagnostics = unparsedLines + headerLikeLines + badTimes
    if let line = firstRepeatLine {
      diagnostics.append(
        Diagnostic(
          .note, code: "ingest.duplicate-block", file: path, line: line,
          message: QQMessageManagerTXTParser.repeatsMessage(count: repeats)))
    }
    return diagnostics
  }

  /// The conversation of the messages of `block`: its `消息对象`, else the file's name.
  private func conversation(_ block: Int) -> String { blocks[block].object ?? fileStem }

  /// Keeps the diagnostics of a piece's records and stray lines with their true line numbers,
  /// worded as `HeaderRecords.diagnostics(in:expecting:)` and `SourceText.badTime` word them.
  private mutating func note(_ records: HeaderRecords<QQHeader.Stamp>, in source: SourceText, lineOffset: Int) {
    for run in records.strays {
      let first = run.lowerBound + lineOffset
      let where_ = run.count == 1 ? "line \(first)" : "lines \(first)–\(run.upperBound + lineOffset)"
      unparsedLines.append(
        source.diagnostic(
          .warning, "ingest.unparsed-line", line: first,
          "\(where_) could not be parsed: text outside any message (expected \(QQMessageManagerTXTParser.expecting))"))
    }
    for line in records.headerLikeBodyLines.lazy.map({ $0 + lineOffset }) {
      headerLikeLines.append(
        source.diagnostic(
          .note, "ingest.header-like-body-line", line: line,
          "line \(line) looks like a message header but follows a body line without a blank line; kept as message text"))
    }
    for record in records.records where record.header.time.chatTime(options: source.options, raw: "") == nil {
      badTimes.append(
        source.badTime(
          line: record.headerLine + lineOffset, raw: record.header.rawTime(in: source.line(record.headerLine))))
    }
  }
}
