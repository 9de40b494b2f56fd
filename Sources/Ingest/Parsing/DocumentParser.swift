/// A parser for one text evidence format.
///
/// Parsers are stateless values, safe to share between threads. `detect` looks at content only
/// (never at the file extension) and must be cheap: it is asked in registry order.
protocol DocumentParser: Sendable {
  /// The format this parser reads.
  var format: DocumentFormat { get }
  /// True when the text is in this parser's format.
  func detect(_ source: SourceText) -> Bool
  /// Parses the text into units; lines that could not be read become diagnostics.
  func parse(_ source: SourceText) -> ParseOutcome
  /// Parses like `parse(_:)` but may hand units to `deliver` in batches, in file order, while
  /// it parses, so that a large file never holds all its units at once; the outcome holds the
  /// units not delivered (after those delivered) and every diagnostic.
  func parse(_ source: SourceText, delivering deliver: ([TextUnit]) -> Void) -> ParseOutcome
  /// Whether a large file in this format may be read in pieces starting at `line` (which
  /// follows `previous`): true only where a record starts and the parser carries no state from
  /// earlier lines into it other than what its `pieceCarry` holds, so that parsing the pieces
  /// gives the units of the whole file.
  func startsPiece(_ line: Substring, after previous: Substring) -> Bool
  /// Whether `startsPiece` can ever be true; formats that cannot be cut are read whole.
  var readsInPieces: Bool { get }
  /// The state this format carries from one piece of the file at `path` to the next, or nil
  /// when each piece is parsed alone with `parse(_:)`.
  func pieceCarry(path: String, options: IngestOptions, sieve: UnitSieve?) -> (any PieceCarry)?
}

extension DocumentParser {
  /// By default every unit is in the outcome.
  func parse(_ source: SourceText, delivering deliver: ([TextUnit]) -> Void) -> ParseOutcome { parse(source) }

  /// By default a format is read whole.
  func startsPiece(_ line: Substring, after previous: Substring) -> Bool { false }
  /// By default a format is read whole.
  var readsInPieces: Bool { false }
  /// By default each piece is parsed alone.
  func pieceCarry(path: String, options: IngestOptions, sieve: UnitSieve?) -> (any PieceCarry)? { nil }
}

/// What a parser produced from one file.
struct ParseOutcome: Sendable {
  /// The units, in file order.
  var units: [TextUnit] = []
  /// Problems met; a warning or error makes the document `partial`.
  var diagnostics: [Diagnostic] = []
}

/// The text parsers in the order they are asked; plain text is the fallback.
enum ParserRegistry {
  /// Specific formats first, from the most to the least distinctive signature.
  static let parsers: [any DocumentParser] = [
    QQMHTParser(),
    EMLParser(),
    MemoTraceCSVParser(generation: .v1),
    MemoTraceCSVParser(generation: .v2),
    ChatTableCSVParser(),
    PyWxDumpJSONParser(shape: .json),
    PyWxDumpJSONParser(shape: .dataJS),
    TelegramJSONParser(),
    MemoTraceHTMLParser(),
    TelegramHTMLParser(),
    WechatExporterHTMLParser(),
    HTMLParser(),
    WechatExporterTXTParser(),
    WechatDumpTXTParser(),
    QQMessageManagerTXTParser(),
    WeFlowTXTParser(),
    MemoTraceV2TXTParser(),
    MemoTraceTXTParser(),
    MemoTraceAITXTParser(),
    WhatsAppTXTParser(),
  ]

  /// The parser for `source`: the first that detects it, else plain text. The MemoTrace TXT
  /// generations tell themselves apart by one reading of the head (`MemoTraceFlavour`), made
  /// once here for both instead of once by each (a tenth of the scan of a folder of small chats).
  static func parser(for source: SourceText) -> any DocumentParser {
    var flavour: MemoTraceFlavour??
    return entries.first { entry in
      guard let generation = entry.generation else { return entry.parser.detect(source) }
      if flavour == nil { flavour = .some(MemoTraceFlavour.classify(source)) }
      return flavour == .some(generation)
    }?.parser ?? PlainTextParser()
  }

  /// The parsers, each with its MemoTrace generation if it is one, found once rather than by a
  /// dynamic cast of every parser for every file.
  private static let entries: [(parser: any DocumentParser, generation: MemoTraceFlavour?)] = parsers.map {
    ($0, ($0 as? any MemoTraceGeneration)?.flavour)
  }
}
