/// A saved web page or other HTML document: visible text only, one `paragraph` unit per block
/// element and one `row` unit per table row (cells separated by tabs), each with the physical
/// lines its text spans. White space is collapsed as a browser shows it; `<br>` is a line break.
///
/// The page is read by libxml2's streaming HTML parser (`LibXML2HTMLReader`). A page whose text
/// sits on a line longer than `longLineBytes` (a minified or single-line export) is read whole, but
/// its citations cannot be narrower than that line, which a warning says.
struct HTMLParser: BatchingParser {
  let format = DocumentFormat.html

  /// How many characters detection looks at.
  static let headLength = 4_096
  /// A line longer than this many bytes that carries text makes a warning.
  static let longLineBytes = 1 << 20

  func detect(_ source: SourceText) -> Bool {
    // Every page opens with `<` once blanks are skipped: any other text is answered at once,
    // without lowering the case of its first lines (asked of every text file a scan reads).
    guard source.firstSignificantCharacter == "<" else { return false }
    var head = ""
    for line in source.lines {
      head += line.prefix(Self.headLength).lowercased()
      head += "\n"
      if head.utf8.count > Self.headLength { break }
    }
    let start = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    return start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head")
      || start.hasPrefix("<body") || ((start.hasPrefix("<?xml") || start.hasPrefix("<!--")) && head.contains("<html"))
  }

  /// How many blocks libxml2's reader hands over at a time while it reads the page.
  static let blockBatch = 1_024

  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    var longLines = LongTextLines(source: source, limit: Self.longLineBytes)
    func take(_ blocks: [HTMLBlockCollector.Block]) {
      let units = blocks.map(Self.unit)
      longLines.count(units)
      batches.append(contentsOf: units)
    }
    let reading = HTMLBlockCollector.read(source.htmlReaderText, batchSize: Self.blockBatch, deliver: take)
    take(reading.blocks)
    var diagnostics: [Diagnostic] = []
    if let problem = reading.problem {
      let line: Int? = if case .stopped(let line, _) = problem { line } else { nil }
      diagnostics.append(source.diagnostic(.warning, "ingest.unparsed-line", line: line, problem.description))
    }
    if let long = longLines.longest {
      diagnostics.append(
        source.diagnostic(
          .warning, "ingest.long-line", line: long.line,
          "line \(long.line) is \(long.bytes) bytes long and holds \(long.units == 1 ? "1 text block" : "\(long.units) text blocks"); their citations cannot point closer than that line"
        ))
    }
    return diagnostics
  }

  /// The unit of one block of text.
  private static func unit(_ block: HTMLBlockCollector.Block) -> TextUnit {
    var unit = TextUnit(kind: block.kind, line: block.line, endLine: block.endLine, text: block.text)
    unit.textLines = TextUnit.lineMap(block.textLines, first: block.line)
    return unit
  }
}
