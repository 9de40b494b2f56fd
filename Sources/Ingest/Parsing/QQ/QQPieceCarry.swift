/// What QQ message-manager TXT carries through the pieces of a large file (see `PieceCarry`), so
/// that the pieces give exactly the units and diagnostics of a whole read.
///
/// - The survey finds the blocks: each one's `消息分组` and the `消息对象` named in it, counts the
///   messages, and those of `最近联系人` blocks, and keys the messages that may be repeats
///   (`RecentRepeats`).
/// - A second survey is made only when the first cannot tell the repeats in time: a `消息对象`
///   comes after messages of its block, or whether the file is sieved (more than the sieve's
///   `minimumUnits` messages are kept) depends on how many messages are repeats.
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
  /// Whether the block open at the end of the pieces surveyed so far holds messages.
  private var openBlockHasMessages = false
  /// Whether some `消息对象` came after messages of its block.
  private var lateObject = false
  private var messageCount = 0
  private var recentMessageCount = 0
  private var repeats = RecentRepeats()
  private var sieve: CarriedSieve?
  private var unitCount = 0
  private var unparsedLines: [Diagnostic] = []
  private var unreadableHeaders: [Diagnostic] = []
  private var headerLikeLines: [Diagnostic] = []
  private var badTimes: [Diagnostic] = []
  private var repeatCount = 0
  private var firstRepeatLine: Int?

  /// The carry of the file at `path`, read for a scan with `sieve` (nil: every unit whole).
  init(path: String, sieve: UnitSieve?) {
    self.path = path
    unitSieve = sieve
  }

  mutating func survey(_ source: SourceText, lineOffset: Int, round: Int) {
    let file = QQBlocks.split(source)
    let base = blockBase
    blockBase = base + file.blocks.count - 1
    if round == 0 { addBlocks(of: file, at: base, source: source) }
    for record in file.records.records {
      let block = base + record.context
      let name = conversation(block)
      repeats.survey(isRecent: isRecent(block), conversation: name) {
        MessageKey(record, conversation: name, source: source)
      }
    }
  }

  mutating func endSurvey(round: Int) -> Bool {
    blockBase = 0
    let recentConversations = Set(blocks.indices.filter(isRecent).map(conversation))
    if round == 0, recentMessageCount > 0 {
      let sievingDependsOnRepeats = unitSieve.map {
        messageCount - recentMessageCount <= $0.minimumUnits && messageCount > $0.minimumUnits
      }
      if lateObject || sievingDependsOnRepeats == true {
        repeats.startSecondSurvey(conversations: recentConversations)
        return true
      }
    }
    // Without a second survey, more than `minimumUnits` messages are kept exactly when the file
    // has more than `minimumUnits` messages.
    let repeated = repeats.endSurvey(conversations: recentConversations) ?? 0
    sieve = CarriedSieve(unitSieve, messages: messageCount - repeated)
    return false
  }

  mutating func parse(_ source: SourceText, lineOffset: Int) -> PieceParse {
    let file = QQBlocks.split(source)
    let records = file.records.records
    let base = blockBase
    blockBase = base + file.blocks.count - 1
    var kept: [Int] = []
    var dropped: [HeaderRecords<QQHeader.Stamp>.Record] = []
    kept.reserveCapacity(records.count)
    for (index, record) in records.enumerated() {
      let block = base + record.context
      let name = conversation(block)
      if repeats.isRepeat(isRecent: isRecent(block), conversation: name, key: { MessageKey(record, conversation: name, source: source) }) {
        repeatCount += 1
        if firstRepeatLine == nil { firstRepeatLine = record.headerLine + lineOffset }
        dropped.append(record)
      } else {
        kept.append(index)
      }
    }
    note(file.records, dropped: dropped, in: source, lineOffset: lineOffset)
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
    var diagnostics = unparsedLines + unreadableHeaders + headerLikeLines + badTimes
    if let line = firstRepeatLine {
      diagnostics.append(
        Diagnostic(
          .note, code: "ingest.duplicate-block", file: path, line: line,
          message: QQMessageManagerTXTParser.repeatsMessage(count: repeatCount)))
    }
    return diagnostics
  }

  /// Takes the blocks of a piece whose first block continues block `base` of the file, counting
  /// its messages and noting a `消息对象` that comes after messages of its block.
  private mutating func addBlocks(of file: QQBlocks, at base: Int, source: SourceText) {
    fileStem = source.fileStem
    let records = file.records.records
    if file.blocks[0].objectLine != nil, openBlockHasMessages { lateObject = true }
    if records.contains(where: { record in file.blocks[record.context].objectLine.map { $0 > record.headerLine } ?? false }) {
      lateObject = true
    }
    let last = file.blocks.count - 1
    openBlockHasMessages = records.last.map { $0.context == last } ?? (last == 0 && openBlockHasMessages)
    if let object = file.blocks[0].object { blocks[base].object = object }
    blocks += file.blocks.dropFirst()
    messageCount += records.count
    recentMessageCount += records.count { isRecent(base + $0.context) }
  }

  /// Whether `block` is a `最近联系人` block.
  private func isRecent(_ block: Int) -> Bool { blocks[block].group == QQBlocks.recentContactsGroup }

  /// The conversation of the messages of `block`: its `消息对象`, else the file's name.
  private func conversation(_ block: Int) -> String { blocks[block].object ?? fileStem }

  /// Keeps the diagnostics of a piece's records and stray lines with their true line numbers
  /// (the piece's source quotes file lines in its messages; the line fields are shifted here),
  /// those of the `dropped` repeats reworded (`DroppedRepeatWarnings`).
  private mutating func note(
    _ records: HeaderRecords<QQHeader.Stamp>, dropped: [HeaderRecords<QQHeader.Stamp>.Record], in source: SourceText,
    lineOffset: Int
  ) {
    let found = records.diagnostics(in: source, expecting: QQMessageManagerTXTParser.expecting)
    for diagnostic in DroppedRepeatWarnings.reword(found, dropped: dropped, source: source) {
      switch diagnostic.code {
      case "ingest.unparsed-line": unparsedLines.append(diagnostic.shifted(by: lineOffset))
      case "ingest.unreadable-header": unreadableHeaders.append(diagnostic.shifted(by: lineOffset))
      default: headerLikeLines.append(diagnostic.shifted(by: lineOffset))
      }
    }
    var times: [Diagnostic] = []
    for record in records.records {
      guard let stamp = record.header, !stamp.time.isValid else { continue }
      times.append(source.badTime(line: record.headerLine, raw: stamp.rawTime(in: source.line(record.headerLine))))
    }
    badTimes += DroppedRepeatWarnings.reword(times, dropped: dropped, source: source).map { $0.shifted(by: lineOffset) }
  }
}
