/// The paragraphs of a WordprocessingML main part (`word/document.xml`), in document order
/// (export-formats.md §7.2).
///
/// Every `w:p` is numbered, empty ones and table-cell ones included, so paragraph numbers match
/// what Word shows. A paragraph's text joins its `w:t` runs (tracked insertions `w:ins` kept,
/// `w:tab` → tab, `w:br`/`w:cr` → line break); tracked deletions (`w:delText`) are left out of
/// the text and kept aside; `mc:Fallback` copies of text boxes are skipped.
struct WordDocumentText {
  /// One non-empty paragraph.
  struct Paragraph: Sendable, Equatable {
    let number: Int
    let text: String
    let deletedText: String
    let inTable: Bool
    /// The `w:author` of the enclosing comment (`word/comments.xml`), if any.
    let author: String?
    /// The `w:date` of the enclosing comment, if any.
    let date: String?
  }

  private struct Builder {
    let number: Int
    let inTable: Bool
    let author: String?
    let date: String?
    var text = ""
    var deleted = ""
  }

  /// The non-empty paragraphs, numbered from `firstNumber`, the number the next part would start
  /// at, and whether the XML was read to its end without a markup error.
  static func paragraphs(_ xml: [UInt8], firstNumber: Int = 1) -> (paragraphs: [Paragraph], next: Int, complete: Bool) {
    var paragraphs: [Paragraph] = []
    var open: [Builder] = []
    var count = firstNumber - 1
    var comment: (author: String?, date: String?)?
    var inText = false
    var inDeleted = false
    var fallbackDepth = 0
    var tableDepth = 0
    var runDepth = 0
    func append(_ text: String, deleted: Bool = false) {
      guard fallbackDepth == 0, !open.isEmpty else { return }
      if deleted { open[open.count - 1].deleted += text } else { open[open.count - 1].text += text }
    }
    func close() {
      guard let builder = open.popLast() else { return }
      if !builder.text.isEmpty || !builder.deleted.isEmpty {
        paragraphs.append(
          Paragraph(
            number: builder.number, text: builder.text, deletedText: builder.deleted, inTable: builder.inTable,
            author: builder.author, date: builder.date))
      }
    }
    var reader = XMLEventReader(xml)
    let complete = reader.run { event in
      switch event {
      case .start(let name, let attributes, let selfClosing):
        switch name {
        case "w:p":
          guard fallbackDepth == 0 else { return }
          count += 1
          open.append(Builder(number: count, inTable: tableDepth > 0, author: comment?.author, date: comment?.date))
          if selfClosing { close() }
        case "w:t": inText = !selfClosing
        case "w:delText": inDeleted = !selfClosing
        case "w:r": if !selfClosing { runDepth += 1 }
        case "w:tab" where runDepth > 0: append("\t")
        case "w:br", "w:cr": if runDepth > 0 { append("\n") }
        case "w:noBreakHyphen": append("-")
        case "mc:Fallback": if !selfClosing { fallbackDepth += 1 }
        case "w:tbl": if !selfClosing { tableDepth += 1 }
        case "w:comment": comment = (attributes["w:author"], attributes["w:date"])
        default: break
        }
      case .end(let name):
        switch name {
        case "w:p": if fallbackDepth == 0 { close() }
        case "w:t": inText = false
        case "w:delText": inDeleted = false
        case "w:r": runDepth = max(0, runDepth - 1)
        case "mc:Fallback": fallbackDepth = max(0, fallbackDepth - 1)
        case "w:tbl": tableDepth = max(0, tableDepth - 1)
        case "w:comment": comment = nil
        default: break
        }
      case .text(let text):
        if inText { append(text) } else if inDeleted { append(text, deleted: true) }
      }
    }
    while !open.isEmpty { close() }
    return (paragraphs.sorted { $0.number < $1.number }, count + 1, complete)
  }
}
