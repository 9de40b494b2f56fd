/// The cell text of SpreadsheetML parts (`xl/sharedStrings.xml`, `xl/worksheets/*.xml`).
enum SpreadsheetText {
  /// The shared strings, in index order (rich-text runs joined, phonetic runs left out).
  static func sharedStrings(_ xml: [UInt8]) -> [String] {
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var phoneticDepth = 0
    var reader = XMLEventReader(xml)
    _ = reader.run { event in
      switch event {
      case .start("si", _, let selfClosing):
        if selfClosing { strings.append("") } else { inItem = true; current = "" }
      case .end("si"):
        strings.append(current)
        inItem = false
      case .start("rPh", _, let selfClosing): if !selfClosing { phoneticDepth += 1 }
      case .end("rPh"): phoneticDepth = max(0, phoneticDepth - 1)
      case .start("t", _, let selfClosing): inText = !selfClosing
      case .end("t"): inText = false
      case .text(let text): if inItem && inText && phoneticDepth == 0 { current += text }
      default: break
      }
    }
    return strings
  }

  /// Row numbers a worksheet can have (Excel's limit); an `r` outside them is ignored as damaged.
  static let rowNumbers = 1...1_048_576

  /// One worksheet row: its 1-based number and cell texts by 0-based column.
  struct Row: Sendable, Equatable {
    let number: Int
    let cells: [Int: String]

    /// The cells from column A to the last non-empty one, gaps as empty strings.
    var values: [String] {
      guard let last = cells.filter({ !$0.value.isEmpty }).keys.max() else { return [] }
      return (0...last).map { cells[$0] ?? "" }
    }
  }

  /// The rows of a worksheet, and whether its XML was read to the end without a markup error.
  static func rows(_ xml: [UInt8], sharedStrings: [String]) -> (rows: [Row], complete: Bool) {
    var rows: [Row] = []
    var rowNumber = 0
    var cells: [Int: String] = [:]
    var column = 0
    var type = ""
    var value = ""
    var inValue = false
    var reader = XMLEventReader(xml)
    let complete = reader.run { event in
      switch event {
      case .start("row", let attributes, let selfClosing):
        rowNumber = attributes["r"].flatMap { Int($0) }.flatMap { Self.rowNumbers.contains($0) ? $0 : nil } ?? rowNumber + 1
        cells = [:]
        column = -1
        if selfClosing { rows.append(Row(number: rowNumber, cells: [:])) }
      case .end("row"):
        // Cells met before any `<row>` start tag (damaged markup) go to row 1, never row 0.
        if !cells.isEmpty { rows.append(Row(number: max(rowNumber, 1), cells: cells)) }
      case .start("c", let attributes, _):
        column = attributes["r"].flatMap(columnIndex) ?? column + 1
        type = attributes["t"] ?? ""
        value = ""
      case .end("c"):
        let text = type == "s" ? Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? "" : value
        if !text.isEmpty { cells[column] = text }
      case .start("v", _, let selfClosing), .start("t", _, let selfClosing): inValue = !selfClosing
      case .end("v"), .end("t"): inValue = false
      case .text(let text): if inValue { value += text }
      default: break
      }
    }
    return (rows, complete)
  }

  /// The 0-based column of a cell reference such as `AB12`.
  static func columnIndex(_ reference: String) -> Int? {
    var index = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      guard scalar.value >= 65 && scalar.value <= 90 else { break }
      if index <= columnLimit { index = index * 26 + Int(scalar.value - 64) }
      letters += 1
    }
    return letters > 0 && index <= columnLimit ? index - 1 : nil
  }

  /// Excel's last column (XFD) as a 1-based number; a reference past it is damaged and ignored,
  /// so a long run of letters can neither overflow nor make a row of millions of empty cells.
  static let columnLimit = 16_384

  /// Worksheet names and part paths in workbook order.
  static func sheets(workbook: [UInt8], relationships: [UInt8]) -> [(name: String, part: String)] {
    var targets: [String: String] = [:]
    var relationshipReader = XMLEventReader(relationships)
    _ = relationshipReader.run { event in
      if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"], let target = attributes["Target"] {
        targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      }
    }
    var sheets: [(name: String, part: String)] = []
    var workbookReader = XMLEventReader(workbook)
    _ = workbookReader.run { event in
      if case .start("sheet", let attributes, _) = event, let name = attributes["name"], let id = attributes["r:id"],
        let part = targets[id]
      {
        sheets.append((name, part))
      }
    }
    return sheets
  }
}
