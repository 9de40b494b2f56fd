/// Turns libFuzzer's raw input into the values the targets feed to the parsers.
enum FuzzInput {
  /// The bytes libFuzzer passed, copied.
  static func bytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
    guard let data, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: count))
  }

  /// The first byte chooses one of `choices` (modulo their count); the rest is the payload.
  static func split(_ bytes: [UInt8], choices: Int) -> (choice: Int, payload: [UInt8]) {
    guard let first = bytes.first, choices > 0 else { return (0, bytes) }
    return (Int(first) % choices, Array(bytes.dropFirst()))
  }

  /// The payload as the text parsers see it: UTF-8 (invalid sequences replaced), split into lines.
  static func source(_ payload: [UInt8], path: String) -> SourceText {
    SourceText(text: String(decoding: payload, as: UTF8.self), path: path, encoding: .utf8, options: IngestOptions())
  }

  /// Parses `source` with `parser` (detection is skipped: a grammar must not crash on any text)
  /// and checks the units and diagnostics.
  static func parseAndCheck(_ parser: any DocumentParser, _ source: SourceText) {
    _ = parser.detect(source)
    let outcome = parser.parse(source)
    let context = "\(parser.format.rawValue) on \(source.path)"
    UnitInvariants.check(outcome.units, lineCount: source.lines.count, context: context)
    for diagnostic in outcome.diagnostics {
      if let line = diagnostic.line {
        UnitInvariants.require(
          line >= 1 && line <= max(source.lines.count, 1),
          "\(context): diagnostic line \(line) outside the file (\(source.lines.count) lines)")
      }
    }
    checkSieve(parser, source, whole: outcome, context: context)
  }

  /// Parses again with a sieve that passes bodies holding an `a` or a `的` (and one message on
  /// either side): the units must stand for as many messages (an elided run counting its span)
  /// on the same lines, a run must cover exactly the lines of its messages, those built whole
  /// must equal the whole parse's, and the diagnostics must not change.
  static func checkSieve(_ parser: any DocumentParser, _ source: SourceText, whole: ParseOutcome, context: String) {
    var sieved = source
    sieved.sieve = UnitSieve(radius: 1, minimumUnits: 0) {
      { body in body.contains(0x61) || String(decoding: body, as: UTF8.self).contains("的") }
    }
    let outcome = parser.parse(sieved)
    UnitInvariants.require(
      TextUnit.count(of: outcome.units) == whole.units.count, "\(context): the sieve changed the unit count")
    UnitInvariants.require(outcome.diagnostics == whole.diagnostics, "\(context): the sieve changed the diagnostics")
    var next = 0
    for unit in outcome.units {
      UnitInvariants.require(unit.span >= 1 && next + unit.span <= whole.units.count, "\(context): a run overruns")
      let first = whole.units[next]
      let last = whole.units[next + unit.span - 1]
      UnitInvariants.require(
        unit.line == first.line && unit.endLine == last.endLine, "\(context): the sieve moved a unit")
      UnitInvariants.require(unit.kind == .elided || unit == first, "\(context): a unit built whole differs")
      next += unit.span
    }
  }
}
