import Testing

@testable import Ingest

/// `isWhitespaceScalar` is the Unicode `White_Space` property, scalar for scalar.
@Suite struct ScalarWhitespaceTests {
  @Test func agreesWithTheUnicodePropertyOnEveryScalar() {
    var disagreements: [UInt32] = []
    var spaces = 0
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if scalar.isWhitespaceScalar != scalar.properties.isWhitespace { disagreements.append(value) }
      if scalar.isWhitespaceScalar { spaces += 1 }
    }
    #expect(disagreements.isEmpty)
    #expect(spaces == 25)
  }
}
