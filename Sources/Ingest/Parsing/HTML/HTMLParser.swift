/// A saved web page or other HTML document: visible text only, one `paragraph` unit per block
/// element and one `row` unit per table row (cells separated by tabs), each with the physical
/// lines its text spans. White space is collapsed as a browser shows it; `<br>` is a line break.
struct HTMLParser: DocumentParser {
  let format = DocumentFormat.html

  /// How many characters detection looks at.
  static let headLength = 4_096

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
    let blocks = HTMLBlockCollector.collect(source.lines.joined(separator: "\n"))
    return ParseOutcome(
      units: blocks.map { block in
        var unit = TextUnit(kind: block.kind, line: block.line, endLine: block.endLine, text: block.text)
        unit.textLines = TextUnit.lineMap(block.textLines, first: block.line)
        return unit
      })
  }
}
