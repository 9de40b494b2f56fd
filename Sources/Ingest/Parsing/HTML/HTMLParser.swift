/// A saved web page or other HTML document: visible text only, one `paragraph` unit per block
/// element and one `row` unit per table row (cells separated by tabs), each with the physical
/// lines its text spans. White space is collapsed as a browser shows it; `<br>` is a line break.
///
/// The page is read by libxml2's streaming HTML parser (`LibXML2HTMLReader`). A page whose text
/// sits on a line longer than `longLineBytes` (a minified or single-line export) is read whole, but
/// its citations cannot be narrower than that line, which a warning says.
struct HTMLParser: DocumentParser {
  let format = DocumentFormat.html

  /// How many characters detection looks at.
  static let headLength = 4_096
  /// A line longer than this many bytes that carries text makes a warning.
  static let longLineBytes = 1 << 20

  func detect(_ source: SourceText) -> Bool {
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

  /// How many units a large page hands over at a time.
  static let batchSize = 8_192

  func parse(_ source: SourceText) -> ParseOutcome { parse(source, batchSize: .max) { _ in } }

  func parse(_ source: SourceText, delivering deliver: ([TextUnit]) -> Void) -> ParseOutcome {
    parse(source, batchSize: Self.batchSize, deliver: deliver)
  }

  private func parse(_ source: SourceText, batchSize: Int, deliver: ([TextUnit]) -> Void) -> ParseOutcome {
    var longLines = LongTextLines(source: source, limit: Self.longLineBytes)
    let reading = HTMLBlockCollector.read(source.newlineText, batchSize: batchSize) { blocks in
      let units = blocks.map(Self.unit)
      longLines.count(units)
      deliver(units)
    }
    var outcome = ParseOutcome(units: reading.blocks.map(Self.unit))
    longLines.count(outcome.units)
    if let problem = reading.problem {
      let line: Int? = if case .stopped(let line, _) = problem { line } else { nil }
      outcome.diagnostics.append(source.diagnostic(.warning, "ingest.unparsed-line", line: line, problem.description))
    }
    if let long = longLines.longest {
      outcome.diagnostics.append(
        source.diagnostic(
          .warning, "ingest.long-line", line: long.line,
          "line \(long.line) is \(long.bytes) bytes long and holds \(long.units == 1 ? "1 text block" : "\(long.units) text blocks"); their citations cannot point closer than that line"
        ))
    }
    return outcome
  }

  /// The unit of one block of text.
  private static func unit(_ block: HTMLBlockCollector.Block) -> TextUnit {
    var unit = TextUnit(kind: block.kind, line: block.line, endLine: block.endLine, text: block.text)
    unit.textLines = TextUnit.lineMap(block.textLines, first: block.line)
    return unit
  }
}
