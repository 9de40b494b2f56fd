import Foundation
import Testing

@testable import Report

@Suite struct JSONReportWriterTests {
  @Test func twoRunsAreByteIdentical() throws {
    let first = JSONReportWriter().render(SampleCase.report())
    let second = JSONReportWriter().render(SampleCase.report())
    #expect(first == second)
  }

  @Test func inputOrderDoesNotChangeTheOutput() throws {
    let shuffled = CaseReport(
      documents: SampleCase.documents.reversed(), signals: SampleCase.signals.reversed(),
      lexicon: SampleCase.lexicon, subjects: ["小李"])
    #expect(
      JSONReportWriter().render(shuffled) == JSONReportWriter().render(SampleCase.report()))
  }

  @Test func matchesTheReviewedSnapshot() throws {
    let data = JSONReportWriter().render(SampleCase.report())
    try Snapshot.assertMatches(
      String(decoding: data, as: UTF8.self), named: "sample-case.findings.json")
  }

  @Test func roundTripsThroughTheFindingsFileShape() throws {
    let data = JSONReportWriter().render(SampleCase.report())
    let file = try JSONDecoder().decode(FindingsFile.self, from: data)
    #expect(file.schema == "mingjian.findings/1")
    #expect(file.tool == FindingsFile.Tool(name: "mingjian", version: "0.1.0"))
    #expect(file.subjects == ["小李"])
    #expect(file.documents.map(\.status) == ["error", "parsed", "unsupported", "partial"])
    #expect(file.findings.count == 4)
    #expect(file.suppressed.map(\.reason) == ["negated by 不"])
    #expect(file.findings.allSatisfy { $0.reason == nil })
    #expect(file.clauses.first { $0.id == "interp2019.art11.4" }?.score == 0.99)
  }

  @Test func slashesAreNotEscapedAndAbsentOptionalsAreOmitted() throws {
    let text = String(decoding: JSONReportWriter().render(SampleCase.report()), as: UTF8.self)
    #expect(text.contains("\"case-a/老周.txt\""))
    #expect(!text.contains("\\/"))
    #expect(!text.contains("null"))
    #expect(text.hasSuffix("}\n"))
  }

  @Test func nonFiniteWeightsAreReportedAsZeroNotAnEncodingFailure() throws {
    var lexicon = SampleCase.lexicon
    lexicon.rules[0].weight = .nan
    let report = CaseReport(
      documents: SampleCase.documents, signals: SampleCase.signals, lexicon: lexicon,
      subjects: [])
    let file = try JSONDecoder().decode(
      FindingsFile.self, from: JSONReportWriter().render(report))
    #expect(file.findings.first { $0.rule == "gambling.win-control" }?.weight == 0)
  }
}
