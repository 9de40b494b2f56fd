/// What a parser carries through the pieces of one large file when a piece cannot be parsed
/// alone (see `DocumentParser.pieceCarry`).
///
/// The pieces are cut once, where `DocumentParser.startsPiece` allows, and every reading sees
/// the same pieces in file order: one or more surveys first (the first while the evidence file
/// is read and hashed), then the parse. A carry is used on one thread.
protocol PieceCarry {
  /// Takes one piece of survey `round` (0 for the first); `lineOffset` lines come before it.
  mutating func survey(_ source: SourceText, lineOffset: Int, round: Int)
  /// Ends survey `round`; true when every piece must be surveyed once more before the parse.
  mutating func endSurvey(round: Int) -> Bool
  /// Parses one piece, after the surveys; `lineOffset` lines come before it.
  mutating func parse(_ source: SourceText, lineOffset: Int) -> PieceParse
  /// The diagnostics left for the end of the file, with their true line numbers; called once
  /// after the last piece is parsed.
  mutating func finish() -> [Diagnostic]
}

/// One piece parsed with a `PieceCarry`.
struct PieceParse {
  /// The piece's units and diagnostics, numbered within the piece as `DocumentParser.parse(_:)`
  /// numbers them.
  var outcome: ParseOutcome
  /// Units of earlier pieces to put in place of those there, each with its index among the
  /// units of the file and its true line numbers.
  var revised: [(index: Int, unit: TextUnit)] = []
  /// How many of the file's units, from the first, will not be revised any more.
  var settledUnits: Int
}
