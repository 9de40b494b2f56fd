/// The longest line over a byte limit on which units start, with its length and unit count,
/// found as units come (in file order, possibly in batches).
struct LongTextLines {
  private let source: SourceText
  private let limit: Int
  /// The line of the last units counted and how many start on it.
  private var run: (line: Int, units: Int)?
  /// The longest line over the limit so far.
  private(set) var longestSoFar: (line: Int, bytes: Int, units: Int)?

  init(source: SourceText, limit: Int) {
    self.source = source
    self.limit = limit
  }

  /// Counts the next units.
  mutating func count(_ units: [TextUnit]) {
    for unit in units {
      if let open = run, open.line == unit.line {
        run = (open.line, open.units + 1)
      } else {
        close()
        run = (unit.line, 1)
      }
    }
  }

  /// The longest line over the limit, counting every unit seen.
  var longest: (line: Int, bytes: Int, units: Int)? {
    var copy = self
    copy.close()
    return copy.longestSoFar
  }

  private mutating func close() {
    guard let (line, units) = run, line >= 1, line <= source.lines.count else { return }
    let bytes = source.line(line).utf8.count
    if bytes > limit, bytes > longestSoFar?.bytes ?? 0 { longestSoFar = (line, bytes, units) }
  }
}
