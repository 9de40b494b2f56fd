import Foundation
import Testing

@testable import Report

/// The check that `JSONReportWriter` writes, byte for byte, what `JSONEncoder` writes of a
/// `FindingsFile` (sorted keys, pretty-printed, slashes unescaped, a final line feed).
enum FindingsFileParity {
  /// Renders `report` with `JSONReportWriter`, expects it equal to the encoder's bytes and
  /// returns the rendered bytes for further checks.
  @discardableResult
  static func expectRenderedEqualsEncoded(_ report: CaseReport, sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let expected = try encoder.encode(FindingsFile(report)) + Data([0x0A])
    let rendered = JSONReportWriter().render(report)
    #expect(
      String(decoding: rendered, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
      sourceLocation: sourceLocation)
    return rendered
  }
}
