import Foundation
import Testing

@testable import Report

/// The README's description of findings.csv matches what `CSVReportWriter` writes.
@Suite struct CSVDocumentationTests {
  /// README.md with every run of white space (line breaks and indentation) made one space.
  static func readme() throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  @Test func theReadmeListsEveryColumnInOrder() throws {
    #expect(try Self.readme().contains("`\(CSVReportWriter.columns.joined(separator: ", "))`"))
  }

  @Test func theReadmeSaysTheCSVHoldsTheActiveFindingsAndTheApostropheGuard() throws {
    let readme = try Self.readme()
    #expect(readme.contains("one row per **active** finding"))
    #expect(readme.contains("The suppressed findings"))
    #expect(readme.contains("are not in the CSV"))
    #expect(readme.contains("`'+86 客服` in the CSV"))
    #expect(CSVReportWriter.field("+86 客服") == "'+86 客服")
  }
}
