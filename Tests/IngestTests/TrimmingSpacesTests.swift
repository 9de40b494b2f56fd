import Testing

@testable import Ingest

/// The trimming the HTML parsers use.
@Suite struct TrimmingSpacesTests {
  @Test func trimmingSpacesDropsASCIIBlanksAtBothEnds() {
    #expect(" \t\n 老王(123)\r ".trimmingSpaces == "老王(123)")
    #expect(" \n\t ".trimmingSpaces == "")
    #expect("a b".trimmingSpaces == "a b")
    // A carriage return and line feed make one character, which is not one of the four.
    #expect("x\r\n".trimmingSpaces == "x\r\n")
    #expect(" \u{301}x ".trimmingSpaces == " \u{301}x")
  }
}
