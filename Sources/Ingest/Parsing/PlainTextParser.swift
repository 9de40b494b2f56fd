/// Plain text, the fallback for text in no known format: one `line` unit per non-blank line.
struct PlainTextParser: DocumentParser {
  let format = DocumentFormat.plainText

  func detect(_ source: SourceText) -> Bool { true }

  /// Every line is a unit of its own.
  func startsPiece(_ line: Substring, after previous: Substring) -> Bool { true }

  var readsInPieces: Bool { true }

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    for (offset, line) in source.lines.enumerated() where !line.isBlank {
      outcome.units.append(TextUnit(kind: .line, line: offset + 1, text: String(line)))
    }
    return outcome
  }
}
