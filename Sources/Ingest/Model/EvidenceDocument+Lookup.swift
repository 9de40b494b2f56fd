extension EvidenceDocument {
  /// The unit whose line range covers `line` (1-based), if any; the first one when units share a
  /// line.
  public func unit(coveringLine line: Int) -> TextUnit? {
    units.first { $0.line <= line && line <= $0.endLine }
  }
}
