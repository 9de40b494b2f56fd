extension PieceStream {
  /// Reads the file for a parser that carries state between pieces (see `PieceCarry`): the
  /// first survey reads and hashes the evidence file, cutting it into pieces; further surveys
  /// and the parse read the same pieces again through `rereader`, which reports a file whose
  /// bytes are not those hashed. A piece is passed to `deliver` once none of its units
  /// can be revised any more. Returns the manifest document.
  consuming func produce(carrying start: any PieceCarry, _ deliver: (EvidenceDocument) -> Void) -> EvidenceDocument {
    var carry = start
    var warnings: [Diagnostic] = []
    var sizes: [Int] = []
    var lineOffset = 0
    while let (piece, forced) = nextPiece() {
      let source = text(of: piece, first: sizes.isEmpty, lineOffset: lineOffset, forced: forced, warnings: &warnings)
      carry.survey(source, lineOffset: lineOffset, round: 0)
      sizes.append(piece.count)
      lineOffset += source.lines.count
    }
    let (sha256, change) = file.finish()
    let rereader = self.rereader(sha256)
    let readable = { change == nil && file.failure == nil && rereader.failure == nil && rereader.change == nil }
    var round = 0
    while readable(), carry.endSurvey(round: round) {
      round += 1
      readAgain(sizes, with: rereader) { source, lineOffset, _ in carry.survey(source, lineOffset: lineOffset, round: round) }
    }
    var diagnostics = warnings
    var held = HeldPieces()
    if readable() {
      readAgain(sizes, with: rereader) { source, lineOffset, size in
        let parsed = carry.parse(source, lineOffset: lineOffset)
        diagnostics += parsed.outcome.diagnostics.map { $0.shifted(by: lineOffset) }
        let piece = EvidenceDocument(
          path: path, sha256: "", bytes: size, format: parser.format, encoding: encoding.rawValue, status: .parsed,
          units: parsed.outcome.units.map { $0.shifted(by: lineOffset) })
        held.add(piece, revised: parsed.revised, settled: parsed.settledUnits).forEach(deliver)
      }
      diagnostics += carry.finish()
    }
    held.flush().forEach(deliver)
    return manifest(
      sha256: sha256, change: change ?? rereader.change, diagnostics: diagnostics, unitCount: held.messageCount,
      pieceCount: sizes.count, failure: rereader.failure.map { "it could not be read again: \($0)" })
  }

  /// Reads the pieces of `sizes` bytes again, passing each with the number of lines before it
  /// and its size to `body`; a reading that finds other bytes stops there (see `PieceRereading`).
  private func readAgain(_ sizes: [Int], with rereader: any PieceRereading, _ body: (SourceText, Int, Int) -> Void) {
    rereader.rewind()
    var lineOffset = 0
    var ignored: [Diagnostic] = []
    for (index, size) in sizes.enumerated() {
      guard let piece = rereader.read(count: size) else { return }
      let source = text(of: piece, first: index == 0, lineOffset: lineOffset, forced: false, warnings: &ignored)
      body(source, lineOffset, size)
      lineOffset += source.lines.count
    }
    rereader.endReading()
  }
}

/// Parsed pieces held back until a `PieceCarry` settles their units, then handed on in order.
private struct HeldPieces {
  /// The pieces held, each with the index of its first unit in the file.
  private var held: [(first: Int, document: EvidenceDocument)] = []
  /// The units of every piece added so far.
  private var unitCount = 0
  /// How many of the file's units they stand for (see `TextUnit.span`).
  private(set) var messageCount = 0

  /// Adds the next piece after putting `revised` in place in the pieces held; returns the
  /// pieces, in order, whose units all lie among the first `settled` units of the file.
  mutating func add(_ piece: EvidenceDocument, revised: [(index: Int, unit: TextUnit)], settled: Int) -> [EvidenceDocument] {
    held.append((unitCount, piece))
    unitCount += piece.units.count
    messageCount += TextUnit.count(of: piece.units)
    for (index, unit) in revised {
      guard let position = held.lastIndex(where: { $0.first <= index }) else { continue }
      let offset = index - held[position].first
      if offset < held[position].document.units.count { held[position].document.units[offset] = unit }
    }
    var ready: [EvidenceDocument] = []
    while let front = held.first, front.first + front.document.units.count <= settled {
      ready.append(front.document)
      held.removeFirst()
    }
    return ready
  }

  /// Every piece still held, in order.
  mutating func flush() -> [EvidenceDocument] {
    defer { held.removeAll() }
    return held.map(\.document)
  }
}
