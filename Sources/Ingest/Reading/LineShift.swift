extension TextUnit {
  /// The unit as it stands `offset` lines further down the file: what a unit parsed from a piece
  /// of a file becomes in the whole file. Moves `line`, `endLine`, `firstBodyLine`, `textLines`
  /// and the line-valued attribute `quoteLine`.
  func shifted(by offset: Int) -> TextUnit {
    guard offset != 0 else { return self }
    var unit = self
    unit.line += offset
    unit.endLine += offset
    unit.firstBodyLine += offset
    unit.textLines = textLines?.map { $0 + offset }
    if let quoteLine = attributes["quoteLine"].flatMap(Int.init) { unit.attributes["quoteLine"] = String(quoteLine + offset) }
    return unit
  }
}

extension Diagnostic {
  /// The diagnostic as it stands `offset` lines further down the file.
  func shifted(by offset: Int) -> Diagnostic {
    var moved = self
    moved.line = line.map { $0 + offset }
    return moved
  }
}
