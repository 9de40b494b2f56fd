/// The visible text of an HTML page as blocks (one per block element, one per table row, cells
/// separated by tabs), each with the physical lines its text spans, read with libxml2's streaming
/// HTML parser (`LibXML2HTMLReader`).
///
/// Script, style, template and noscript content and comments are not visible and are skipped;
/// white space is collapsed as a browser shows it and `<br>` becomes a line break.
enum HTMLBlockCollector {
  /// One block of visible text.
  struct Block: Sendable, Equatable {
    let kind: UnitKind
    let text: String
    let line: Int
    let endLine: Int
    /// The file line of each line of `text`.
    let textLines: [Int]
  }

  /// The blocks of `text` (lines joined by `\n`), and why part of it could not be read, if so;
  /// every `batchSize` finished blocks go to `deliver` instead of the result.
  static func read(
    _ text: String, batchSize: Int = .max, deliver: ([Block]) -> Void = { _ in }
  ) -> LibXML2HTMLReader.Result {
    LibXML2HTMLReader.read(text, batchSize: batchSize, deliver: deliver)
  }

  /// The blocks of `text` (lines joined by `\n`).
  static func collect(_ text: String) -> [Block] { read(text).blocks }

  /// White-space runs become one space and the ends are trimmed; tabs between cells are kept.
  static func collapse(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for character in text {
      if character == "\t" {
        while result.last == " " { result.removeLast() }
        result += "\t"
        pendingSpace = false
      } else if character.isWhitespaceCharacter {
        pendingSpace = !result.isEmpty && result.last != "\t"
      } else {
        if pendingSpace { result += " " }
        pendingSpace = false
        result.append(character)
      }
    }
    while result.last == "\t" { result.removeLast() }
    return result.first == "\t" ? String(result.drop { $0 == "\t" }) : result
  }
}
