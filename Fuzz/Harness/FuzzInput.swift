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
  }
}
