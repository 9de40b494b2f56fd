import Foundation
import Ingest
import Signals
import Testing

@testable import Report

/// Each clause says, per speaker role, how many findings cite it and when they were said: the
/// subject's own words, what the subject was told and the unattributed, each with its own span
/// (ordered by instant, as the all-speaker span is), in findings.json's `byRole` and, when
/// subjects are named, one line per role in the matrix's Said column.
@Suite struct ClauseRoleSpanTests {
  static let item4 = "interp2019.art11.4"
  static let item5 = "interp2019.art11.5"

  private static func time(_ epochSeconds: Int64, offset: Int = 8 * 3600) -> ChatTime {
    ChatTime(epochSeconds: epochSeconds, utcOffsetSeconds: offset, raw: "raw \(epochSeconds)")
  }

  private static func finding(
    _ id: String, path: String = "a.txt", role: SpeakerRole, clauses: [String] = [item4], time: ChatTime?
  ) -> Finding {
    Finding(
      id: id, rule: "rule.\(id)", title: id, level: .high, path: path, unitIndex: 0, line: 1, endLine: 1,
      speaker: role == .unknown ? nil : "说话人\(id)", speakerRole: role, time: time, excerpt: "", parts: [],
      polarity: .inculpatory, clauses: clauses, weight: 0.5, why: "")
  }

  /// Item 4: the subject twice (timed, out of order), told twice (one untimed) and one
  /// unattributed finding without a time; item 5: the subject only.
  static func findings() -> [Finding] {
    [
      finding("s1", role: .subject, time: time(2_000)),
      finding("c1", role: .counterpart, time: time(3_000)),
      finding("u1", role: .unknown, time: nil),
      finding("s2", path: "b.txt", role: .subject, clauses: [item4, item5], time: time(1_000)),
      finding("c2", path: "b.txt", role: .counterpart, time: nil),
    ]
  }

  private static func summaries(_ findings: [Finding]) -> [String: ClauseSummary] {
    Dictionary(
      uniqueKeysWithValues: ClauseSummarizer.summaries(of: findings, catalogue: ClauseCatalogue(entries: [])).map {
        ($0.id, $0)
      })
  }

  private static func report(subjects: [String] = ["小李"]) -> CaseReport {
    let findings = findings()
    return CaseReport(
      subjects: subjects, lexicons: [], catalogue: ClauseCatalogue(entries: []), documents: [],
      findings: findings, suppressed: [],
      clauses: ClauseSummarizer.summaries(of: findings, catalogue: ClauseCatalogue(entries: [])), amounts: [],
      timeline: [])
  }

  @Test func eachRoleHasItsCountAndTheSpanOfItsTimedFindings() throws {
    let summary = try #require(Self.summaries(Self.findings())[Self.item4])
    #expect(summary.findings == 5)
    #expect(summary.timeSpan == Self.time(1_000)...Self.time(3_000))
    #expect(
      summary.byRole == [
        ClauseRoleSpan(role: .subject, findings: 2, timeSpan: Self.time(1_000)...Self.time(2_000)),
        ClauseRoleSpan(role: .counterpart, findings: 2, timeSpan: Self.time(3_000)...Self.time(3_000)),
        ClauseRoleSpan(role: .unknown, findings: 1, timeSpan: nil),
      ])
    let subjectOnly = try #require(Self.summaries(Self.findings())[Self.item5])
    #expect(subjectOnly.byRole == [ClauseRoleSpan(role: .subject, findings: 1, timeSpan: Self.time(1_000)...Self.time(1_000))])
  }

  @Test func equalInstantsInOtherZonesFollowTheAllSpeakerRule() throws {
    // 10:00 at UTC+9 and 09:00 at UTC+8 are one instant: the lower bound keeps the one met first,
    // the upper bound the one met last, for the role as for the clause.
    let tokyo = Self.time(3_600, offset: 9 * 3600)
    let beijing = Self.time(3_600)
    let summary = try #require(
      Self.summaries([
        Self.finding("a", role: .subject, time: tokyo),
        Self.finding("b", role: .subject, time: beijing),
        Self.finding("c", role: .counterpart, time: Self.time(7_200)),
      ])[Self.item4])
    let subject = try #require(summary.byRole.first)
    #expect(subject.role == .subject)
    #expect(subject.timeSpan?.lowerBound.iso8601 == "1970-01-01T10:00:00+09:00")
    #expect(subject.timeSpan?.upperBound.iso8601 == "1970-01-01T09:00:00+08:00")
    #expect(summary.timeSpan?.lowerBound.iso8601 == subject.timeSpan?.lowerBound.iso8601)
    #expect(ClauseMatrixSection.said(byRole: [subject]) == "subject: <time>1970-01-01T10:00:00+09:00</time> (2)")
  }

  @Test func talliesMergedInOrderGiveTheRolesOfOneTally() {
    let roles: [SpeakerRole] = [.subject, .counterpart, .unknown]
    let findings = (0..<9).map { index in
      Self.finding(
        "f\(index)", path: "d\(index % 2).txt", role: roles[index % 3],
        time: index % 4 == 0 ? nil : Self.time(Int64(10 - index) * 60, offset: (index % 2) * 3600))
    }
    var first = ClauseTally()
    var second = ClauseTally()
    for finding in findings.prefix(4) { first.add(finding) }
    for finding in findings.suffix(5) { second.add(finding) }
    first.merge(second)
    let merged = first.summaries(catalogue: ClauseCatalogue(entries: []))
    #expect(merged == ClauseSummarizer.summaries(of: findings, catalogue: ClauseCatalogue(entries: [])))
    #expect(merged.first?.byRole.map(\.findings) == [3, 3, 3])
  }

  @Test func findingsJSONCarriesTheRolesPresent() throws {
    let report = Self.report()
    let rendered = try FindingsFileParity.expectRenderedEqualsEncoded(report)

    let file = try JSONDecoder().decode(FindingsFile.self, from: rendered)
    let item4 = try #require(file.clauses.first { $0.id == Self.item4 })
    let first = Self.time(1_000).iso8601
    #expect(item4.firstTime == first && item4.lastTime == Self.time(3_000).iso8601)
    #expect(
      item4.byRole == [
        "subject": FindingsFile.RoleEntry(findings: 2, firstTime: first, lastTime: Self.time(2_000).iso8601),
        "counterpart": FindingsFile.RoleEntry(
          findings: 2, firstTime: Self.time(3_000).iso8601, lastTime: Self.time(3_000).iso8601),
        "unknown": FindingsFile.RoleEntry(findings: 1),
      ])
    let item5 = try #require(file.clauses.first { $0.id == Self.item5 })
    #expect(item5.byRole == ["subject": FindingsFile.RoleEntry(findings: 1, firstTime: first, lastTime: first)])

    let text = String(decoding: rendered, as: UTF8.self)
    #expect(text.contains("\"unknown\" : {\n          \"findings\" : 1\n        }"))
  }

  @Test func aSummaryWithoutRolesWritesNoByRole() throws {
    var report = Self.report()
    report.clauses = [ClauseSummary(id: Self.item4, findings: 1, score: 0.5, firstFindingID: "s1")]
    let rendered = try FindingsFileParity.expectRenderedEqualsEncoded(report)
    #expect(!String(decoding: rendered, as: UTF8.self).contains("byRole"))
  }

  @Test func theSaidCellHasOneLinePerRoleWhenSubjectsAreNamed() throws {
    let summary = try #require(Self.summaries(Self.findings())[Self.item4])
    let subject = "subject: <time>\(Self.time(1_000).iso8601)</time> – <time>\(Self.time(2_000).iso8601)</time> (2)"
    let told = "told: <time>\(Self.time(3_000).iso8601)</time> (2)"
    let cell = "\(subject)<br>\(told)<br>unattributed: no time (1)"
    #expect(ClauseMatrixSection.said(byRole: summary.byRole) == cell)
    #expect(ClauseMatrixSection.said(byRole: []) == "—")

    let html = HTMLReportWriter().render(Self.report())
    #expect(html.contains("<td>\(cell)</td></tr>"))
    #expect(html.contains(HTML.escape(ClauseMatrixSection.saidByRoleNote)))
    #expect(!html.contains(ClauseMatrixSection.saidNote))
  }

  @Test func withoutSubjectsTheSaidCellIsTheAllSpeakerSpan() throws {
    let summary = try #require(Self.summaries(Self.findings())[Self.item4])
    let html = HTMLReportWriter().render(Self.report(subjects: []))
    #expect(html.contains("<td>\(ClauseMatrixSection.said(summary.timeSpan))</td></tr>"))
    #expect(html.contains(ClauseMatrixSection.saidNote))
    #expect(!html.contains("unattributed: "))
  }
}
