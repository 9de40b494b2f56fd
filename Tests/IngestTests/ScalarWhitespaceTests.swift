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

  @Test func characterTestAgreesWithIsWhitespace() {
    var characters: [Character] = ["\r\n", " \u{301}", "\u{3000}\u{FE0F}", "\u{A0}\u{308}"]
    for value in UInt32(0)...0x3100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      characters.append(Character(scalar))
    }
    #expect(characters.filter { $0.isWhitespaceCharacter != $0.isWhitespace }.isEmpty)
    #expect(characters.filter(\.isWhitespaceCharacter).count == 29)
  }
}
