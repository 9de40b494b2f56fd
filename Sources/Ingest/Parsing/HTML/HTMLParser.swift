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

  func parse(_ source: SourceText) -> ParseOutcome {
    let reading = HTMLBlockCollector.read(Self.newlineText(source))
    var outcome = ParseOutcome(
      units: reading.blocks.map { block in
        var unit = TextUnit(kind: block.kind, line: block.line, endLine: block.endLine, text: block.text)
        unit.textLines = TextUnit.lineMap(block.textLines, first: block.line)
        return unit
      })
    if let problem = reading.problem {
      let line: Int? = if case .stopped(let line, _) = problem { line } else { nil }
      outcome.diagnostics.append(source.diagnostic(.warning, "ingest.unparsed-line", line: line, problem.description))
    }
    if let long = Self.longestTextLine(outcome.units, in: source) {
      outcome.diagnostics.append(
        source.diagnostic(
          .warning, "ingest.long-line", line: long.line,
          "line \(long.line) is \(long.bytes) bytes long and holds \(long.units == 1 ? "1 text block" : "\(long.units) text blocks"); their citations cannot point closer than that line"
        ))
    }
    return outcome
  }

  /// The page with its lines separated by `\n`, as libxml2 counts lines: the decoded text itself
  /// (every line is a slice of it) when it holds no carriage return, else the lines joined.
  static func newlineText(_ source: SourceText) -> String {
    guard let whole = source.lines.first?.base else { return "" }
    let hasReturn = whole.utf8.withContiguousStorageIfAvailable { $0.contains(0x0D) } ?? whole.utf8.contains(0x0D)
    return hasReturn ? source.lines.joined(separator: "\n") : whole
  }

  /// The longest line over `longLineBytes` on which units start, with its length and unit count.
  static func longestTextLine(_ units: [TextUnit], in source: SourceText) -> (line: Int, bytes: Int, units: Int)? {
    var longest: (line: Int, bytes: Int, units: Int)?
    var index = 0
    while index < units.count {
      let line = units[index].line
      var count = 0
      while index < units.count, units[index].line == line {
        count += 1
        index += 1
      }
      guard line >= 1, line <= source.lines.count else { continue }
      let bytes = source.line(line).utf8.count
      if bytes > longLineBytes, bytes > longest?.bytes ?? 0 { longest = (line, bytes, count) }
    }
    return longest
  }
}
