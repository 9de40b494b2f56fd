/// The paragraphs of a WordprocessingML main part (`word/document.xml`), in document order
/// (export-formats.md §7.2).
///
/// Every `w:p` is numbered, empty ones and table-cell ones included, so paragraph numbers match
/// what Word shows. A paragraph's text joins its `w:t` runs (tracked insertions `w:ins` kept,
/// `w:tab` → tab, `w:br`/`w:cr` → line break); tracked deletions (`w:delText`) are left out of
/// the text and kept aside; `mc:Fallback` copies of text boxes are skipped. With the document's
/// `WordNumbering`, a paragraph in an automatically numbered list (`w:numPr`, directly or through
/// its paragraph style `w:pStyle`) starts with the label Word shows (`第三条 `), kept also in
/// `listLabel`.
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
    /// The automatic list label put before the text (`第三条`), if any.
    var listLabel: String? = nil
  }

  private struct Builder {
    let number: Int
    let inTable: Bool
    let author: String?
    let date: String?
    var text = ""
    var deleted = ""
    var numID: String?
    var level: Int?
    var style: String?
    var label: WordNumbering.Label?
  }

  /// The non-empty paragraphs, numbered from `firstNumber`, the number the next part would start
  /// at, and whether the XML was read to its end without a markup error.
  /// `numbering` holds the list definitions; its counters advance over the paragraphs read.
  static func paragraphs(
    _ xml: [UInt8], firstNumber: Int = 1, numbering: inout WordNumbering
  ) -> (paragraphs: [Paragraph], next: Int, complete: Bool) {
    var paragraphs: [Paragraph] = []
    var open: [Builder] = []
    var count = firstNumber - 1
    var comment: (author: String?, date: String?)?
    var inText = false
    var inDeleted = false
    var fallbackDepth = 0
    var tableDepth = 0
    var runDepth = 0
    var propertiesDepth = 0
    var propertiesChangeDepth = 0
    func append(_ text: String, deleted: Bool = false) {
      guard fallbackDepth == 0, !open.isEmpty else { return }
      if deleted { open[open.count - 1].deleted += text } else { open[open.count - 1].text += text }
    }
    func close() {
      guard let builder = open.popLast() else { return }
      var text = builder.text
      if let label = builder.label { text = text.isEmpty ? label.text : label.text + label.separator + text }
      if !text.isEmpty || !builder.deleted.isEmpty {
        paragraphs.append(
          Paragraph(
            number: builder.number, text: text, deletedText: builder.deleted, inTable: builder.inTable,
            author: builder.author, date: builder.date, listLabel: builder.label?.text))
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
        case "w:pPr": if !selfClosing { propertiesDepth += 1 }
        case "w:pPrChange": if !selfClosing { propertiesChangeDepth += 1 }
        case "w:numId" where propertiesDepth > 0 && propertiesChangeDepth == 0 && !open.isEmpty:
          open[open.count - 1].numID = attributes["w:val"]
        case "w:ilvl" where propertiesDepth > 0 && propertiesChangeDepth == 0 && !open.isEmpty:
          open[open.count - 1].level = Int(attributes["w:val"] ?? "") ?? 0
        case "w:pStyle" where propertiesDepth > 0 && propertiesChangeDepth == 0 && !open.isEmpty:
          open[open.count - 1].style = attributes["w:val"]
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
        case "w:pPrChange": propertiesChangeDepth = max(0, propertiesChangeDepth - 1)
        case "w:pPr":
          propertiesDepth = max(0, propertiesDepth - 1)
          guard propertiesDepth == 0, fallbackDepth == 0, let builder = open.last, builder.label == nil,
            let list = numbering.list(numID: builder.numID, level: builder.level, style: builder.style)
          else { return }
          open[open.count - 1].label = numbering.nextLabel(numID: list.numID, level: list.level)
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
