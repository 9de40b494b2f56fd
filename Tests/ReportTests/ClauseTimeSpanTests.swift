import Ingest
import Signals
import Testing

@testable import Report

/// Each clause's summary says when its signals were said: the earliest and the latest message
/// time of the active findings citing it, told by the instant and not by the text as written.
@Suite struct ClauseTimeSpanTests {
  private static func time(_ epochSeconds: Int64, offset: Int = 8 * 3600) -> ChatTime {
    ChatTime(epochSeconds: epochSeconds, utcOffsetSeconds: offset, raw: "raw \(epochSeconds)")
  }

  private static func finding(_ id: String, path: String = "a.txt", clauses: [String], time: ChatTime?) -> Finding {
    Finding(
      id: id, rule: "rule.\(id)", title: id, level: .high, path: path, unitIndex: 0, line: 1, endLine: 1,
      time: time, excerpt: "", parts: [], polarity: .inculpatory, clauses: clauses, weight: 0.5, why: "")
  }

  private static func spans(_ findings: [Finding]) -> [String: ClosedRange<ChatTime>?] {
    Dictionary(
      uniqueKeysWithValues: ClauseSummarizer.summaries(of: findings, catalogue: ClauseCatalogue(entries: [])).map {
        ($0.id, $0.timeSpan)
      })
  }

  @Test func theSpanRunsFromTheEarliestToTheLatestTimedFinding() {
    let spans = Self.spans([
      Self.finding("a", clauses: ["interp2019.art11.1", "interp2019.art11.4"], time: Self.time(2_000)),
      Self.finding("b", clauses: ["interp2019.art11.4"], time: Self.time(1_000)),
      Self.finding("c", clauses: ["interp2019.art11.4"], time: nil),
      Self.finding("d", path: "b.txt", clauses: ["interp2019.art11.4"], time: Self.time(5_000)),
      Self.finding("e", clauses: ["neutral.compliance"], time: nil),
    ])
    #expect(spans["interp2019.art11.4"]??.lowerBound.epochSeconds == 1_000)
    #expect(spans["interp2019.art11.4"]??.upperBound.epochSeconds == 5_000)
    #expect(spans["interp2019.art11.1"]??.lowerBound.epochSeconds == 2_000)
    #expect(spans["interp2019.art11.1"]??.upperBound.epochSeconds == 2_000)
    #expect(spans["neutral.compliance"] == .some(nil))
  }

  @Test func timesInOtherZonesAreOrderedByTheirInstant() {
    // 10:00 at UTC+9 is 09:00 at UTC+8: earlier than 09:30 at UTC+8, though it reads later.
    let tokyo = Self.time(3_600, offset: 9 * 3600)
    let beijing = Self.time(5_400)
    let spans = Self.spans([
      Self.finding("a", clauses: ["interp2019.art11.5"], time: beijing),
      Self.finding("b", clauses: ["interp2019.art11.5"], time: tokyo),
    ])
    #expect(spans["interp2019.art11.5"]??.lowerBound == tokyo)
    #expect(spans["interp2019.art11.5"]??.upperBound == beijing)
  }

  @Test func talliesMergedInOrderGiveTheSpanOfOneTally() {
    let findings = (0..<6).map { index in
      Self.finding("f\(index)", path: "d\(index % 2).txt", clauses: ["crimlaw.25"], time: Self.time(Int64(10 - index) * 60))
    }
    var first = ClauseTally()
    var second = ClauseTally()
    for finding in findings.prefix(3) { first.add(finding) }
    for finding in findings.suffix(3) { second.add(finding) }
    first.merge(second)
    let merged = first.summaries(catalogue: ClauseCatalogue(entries: []))
    #expect(merged.first?.timeSpan == Self.time(5 * 60)...Self.time(10 * 60))
    #expect(merged == ClauseSummarizer.summaries(of: findings, catalogue: ClauseCatalogue(entries: [])))
  }

  @Test func theMatrixSaysWhenTheClauseWasSaid() {
    let span = Self.time(1_677_759_390)...Self.time(1_677_759_450)
    #expect(ClauseMatrixSection.said(span) == "<time>\(span.lowerBound.iso8601)</time> – <time>\(span.upperBound.iso8601)</time>")
    #expect(ClauseMatrixSection.said(span.lowerBound...span.lowerBound) == "<time>\(span.lowerBound.iso8601)</time>")
    #expect(ClauseMatrixSection.said(nil) == "—")
  }
}
