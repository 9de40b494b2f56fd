import Testing

@testable import Ingest

/// The format list `mingjian formats` shows.
@Suite struct DocumentFormatTests {
  @Test func everyFormatIsDescribed() {
    for format in DocumentFormat.allCases {
      #expect(!format.title.isEmpty, "\(format)")
      #expect(format.detection.count > 20, "\(format)")
    }
    #expect(Set(DocumentFormat.allCases.map(\.rawValue)).count == DocumentFormat.allCases.count)
  }

  @Test func everyTextParserIsRegisteredOnce() {
    let formats = ParserRegistry.parsers.map(\.format)
    #expect(Set(formats).count == formats.count)
    #expect(!formats.contains(.plainText))
  }
}
