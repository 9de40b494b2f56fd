/// The properties every parse result must have, whatever bytes it was made from. A broken one
/// stops the process with `fatalError`, which libFuzzer records as a crash with its input.
enum UnitInvariants {
  /// Checks that each unit lies inside a text of `lineCount` physical lines:
  /// `1 <= line <= endLine <= lineCount`, `firstBodyLine` and every `textLines` entry within
  /// `1...lineCount`. `context` names the parser in the failure message.
  static func check(_ units: [TextUnit], lineCount: Int, context: String) {
    for (index, unit) in units.enumerated() {
      let where_ = "\(context): unit \(index) (\(unit.kind.rawValue), lines \(unit.line)-\(unit.endLine), \(lineCount) lines in input)"
      require(unit.line >= 1, "\(where_): line < 1")
      require(unit.line <= unit.endLine, "\(where_): line > endLine")
      require(unit.endLine <= lineCount, "\(where_): endLine past the last line")
      require((1...max(lineCount, 1)).contains(unit.firstBodyLine), "\(where_): firstBodyLine \(unit.firstBodyLine) outside the file")
      for line in unit.textLines ?? [] {
        require((1...max(lineCount, 1)).contains(line), "\(where_): textLines entry \(line) outside the file")
      }
    }
  }

  /// Checks units that carry positions but no file line count (DOCX paragraphs, XLSX rows, PDF
  /// lines): `1 <= line <= endLine` and `firstBodyLine >= 1`.
  static func checkPositions(_ units: [TextUnit], context: String) {
    for (index, unit) in units.enumerated() {
      let where_ = "\(context): unit \(index) (lines \(unit.line)-\(unit.endLine))"
      require(unit.line >= 1 && unit.line <= unit.endLine, "\(where_): line range out of order")
      require(unit.firstBodyLine >= 1, "\(where_): firstBodyLine < 1")
    }
  }

  /// Checks a document's status against its reason: `parsed` has none, every other status has a
  /// non-empty one; `unitCount` equals the units held after a read.
  static func check(_ document: EvidenceDocument) {
    let context = "\(document.path) [\(document.format.rawValue), \(document.status.rawValue)]"
    if document.status == .parsed {
      require(document.reason == nil, "\(context): parsed but has reason \(document.reason ?? "")")
    } else {
      require(!(document.reason ?? "").isEmpty, "\(context): status \(document.status.rawValue) without a reason")
    }
    require(document.unitCount == document.units.count, "\(context): unitCount \(document.unitCount) != \(document.units.count) units")
  }

  /// Stops the process with `message` when `condition` is false.
  static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
  }
}
