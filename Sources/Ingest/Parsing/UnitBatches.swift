/// Where a parser that reads a large file bit by bit puts its units: they are handed over
/// `size` at a time, in file order, so that the file never holds all of them at once; the last
/// ones stay for the parse outcome.
final class UnitBatches {
  /// How many units a large file hands over at a time.
  static let standardSize = 8_192

  private let size: Int
  private let deliver: ([TextUnit]) -> Void
  /// The units not handed over yet.
  private(set) var units: [TextUnit] = []

  /// Hands units to `deliver` every `size` units.
  init(size: Int, deliver: @escaping ([TextUnit]) -> Void) {
    self.size = max(size, 1)
    self.deliver = deliver
  }

  /// Adds the next unit.
  func append(_ unit: TextUnit) {
    units.append(unit)
    if units.count >= size { handOver() }
  }

  /// Adds a message a `UnitSieve` let pass unread (see `Array.appendElided`).
  func appendElided(line: Int, endLine: Int, conversation: String?) {
    units.appendElided(line: line, endLine: endLine, conversation: conversation)
    if units.count >= size { handOver() }
  }

  /// Adds the next units.
  func append(contentsOf more: [TextUnit]) {
    units += more
    if units.count >= size { handOver() }
  }

  private func handOver() {
    deliver(units)
    units.removeAll(keepingCapacity: true)
  }
}

/// A parser that reads its file bit by bit and can hand its units over in batches (see
/// `DocumentParser.parse(_:delivering:)`); it implements one method, which puts every unit into
/// `batches` and returns the diagnostics.
protocol BatchingParser: DocumentParser {
  /// Parses `source`, putting every unit into `batches` in file order; returns the diagnostics.
  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic]
}

extension BatchingParser {
  func parse(_ source: SourceText) -> ParseOutcome { parse(source, size: .max) { _ in } }

  func parse(_ source: SourceText, delivering deliver: ([TextUnit]) -> Void) -> ParseOutcome {
    parse(source, size: UnitBatches.standardSize, deliver: deliver)
  }

  private func parse(_ source: SourceText, size: Int, deliver: ([TextUnit]) -> Void) -> ParseOutcome {
    withoutActuallyEscaping(deliver) { deliver in
      let batches = UnitBatches(size: size, deliver: deliver)
      let diagnostics = parse(source, into: batches)
      return ParseOutcome(units: batches.units, diagnostics: diagnostics)
    }
  }
}
