import Ingest
import Signals
import Testing

@testable import Report

@Suite struct CaseReportTests {
  @Test func sampleOffsetsPointAtTheMatchedText() {
    for signal in SampleCase.signals {
      let document = SampleCase.documents.first { $0.path == signal.path }
      let text = Array((document?.units[signal.unitIndex].text ?? "").unicodeScalars)
      for part in signal.matched {
        #expect(String(String.UnicodeScalarView(text[part.start..<part.end])) == part.text)
      }
    }
  }

  @Test func activeAndSuppressedAreSplitAndSortedByPathLineRule() {
    let report = SampleCase.report()
    #expect(
      report.findings.map { "\($0.path):\($0.line) \($0.rule)" } == [
        "case-a/老周.txt:7 gambling.win-control",
        "case-a/老周.txt:11 payment.usdt",
        "case-a/老周.txt:17 neutral.standard-product",
        "notes/备忘.txt:1 gambling.win-control",
      ])
    #expect(report.suppressed.map(\.line) == [14])
    #expect(report.suppressed.first?.reason == "negated by 不")
  }

  @Test func findingsCarryRuleMetadataAndUnitContext() throws {
    let report = SampleCase.report()
    let finding = try #require(report.findings.first)
    #expect(finding.title == "要求后台控制输赢")
    #expect(finding.level == .high)
    #expect(finding.clauses == ["interp2019.art11.4", "gambling2010.s2"])
    #expect(finding.weight == 0.9)
    #expect(finding.speaker == "老周")
    #expect(finding.speakerRole == .counterpart)
    #expect(finding.time?.iso8601 == "2023-03-02T20:16:30+08:00")
    #expect(finding.excerpt == "做个菠菜平台\n后台要能控制输赢，想让哪个号赢就让哪个号赢")
    #expect(finding.matched == ["控制输赢"])
  }

  @Test func documentsAndSubjectsAreSorted() {
    let report = CaseReport(
      documents: SampleCase.documents, signals: [], lexicon: SampleCase.lexicon,
      subjects: ["小张", "小李", "小张"])
    #expect(
      report.documents.map(\.path) == [
        "broken.json", "case-a/老周.txt", "img/截图.png", "notes/备忘.txt",
      ])
    #expect(report.subjects == ["小李", "小张"].sorted())
    #expect(report.lexicons.map(\.id) == ["gambling", "payment"])
    #expect(report.findings.isEmpty && report.clauses.isEmpty)
    #expect(report.document("img/截图.png")?.status == .unsupported)
    #expect(report.document("missing.txt") == nil)
  }

  @Test func idsAreStableWhenLinesShift() {
    let report = SampleCase.report()
    var shifted = SampleCase.signals
    for index in shifted.indices {
      shifted[index].line += 40
      shifted[index].endLine += 40
    }
    let moved = CaseReport(
      documents: SampleCase.documents, signals: shifted, lexicon: SampleCase.lexicon,
      subjects: ["小李"])
    #expect(moved.findings.map(\.id) == report.findings.map(\.id))
  }

  @Test func repeatedMatchesInOneDocumentGetDistinctIds() {
    let signals = [2, 4].map { index in
      Signal(
        ruleID: "gambling.win-control", path: SampleCase.chat.path, unitIndex: index,
        line: index * 3, endLine: index * 3,
        matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 2, end: 6)], why: "控制输赢")
    }
    let report = CaseReport(
      documents: SampleCase.documents, signals: signals, lexicon: SampleCase.lexicon,
      subjects: [])
    let ids = report.findings.map(\.id)
    #expect(Set(ids).count == 2)
    #expect(
      ids.first
        == FindingFingerprint.id(
          rule: "gambling.win-control", path: SampleCase.chat.path, matched: ["控制输赢"]))
  }

  @Test func clauseScoreCountsEachRuleOncePerDocument() {
    let report = SampleCase.report()
    let summary = report.clauses.first { $0.id == "interp2019.art11.4" }
    #expect(summary?.findings == 2)
    // win-control (0.9) in the chat and again in the note: 1 − 0.1 × 0.1.
    #expect(summary?.score == 0.99)
    let repeated = (0..<3).map { index in
      Signal(
        ruleID: "gambling.win-control", path: SampleCase.chat.path, unitIndex: 2,
        line: 7 + index, endLine: 7 + index,
        matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 11, end: 15)], why: "w")
    }
    let once = CaseReport(
      documents: SampleCase.documents, signals: repeated, lexicon: SampleCase.lexicon,
      subjects: [])
    #expect(once.clauses.first { $0.id == "interp2019.art11.4" }?.score == 0.9)
    #expect(once.clauses.first { $0.id == "interp2019.art11.4" }?.findings == 3)
  }

  @Test func clausesFollowCatalogueOrderAndLinkTheFirstFinding() {
    let report = SampleCase.report()
    #expect(
      report.clauses.map(\.id) == [
        "interp2019.art11.3", "interp2019.art11.4", "gambling2010.s2", "neutral.standard-feature",
      ])
    #expect(report.clauses[1].firstFindingID == report.findings[0].id)
  }

  @Test func suppressedFindingsDoNotScore() {
    let suppressedOnly = SampleCase.signals.filter { $0.suppressedReason != nil }
    let report = CaseReport(
      documents: SampleCase.documents, signals: suppressedOnly, lexicon: SampleCase.lexicon,
      subjects: [])
    #expect(report.clauses.isEmpty)
    #expect(report.suppressed.count == 1)
  }

  @Test(arguments: [
    ([Double](), 0.0), ([0.5], 0.5), ([0.5, 0.5], 0.75), ([0.9, 0.6], 0.96), ([1.0, 0.2], 1.0),
    ([-1, 2], 1.0), ([Double.nan, 0.3], 0.3),
  ])
  func noisyOR(weights: [Double], expected: Double) {
    #expect(ClauseScore.noisyOR(weights) == expected)
  }

  @Test func amountsAreTotalledPerSpeakerOncePerUnit() {
    var signals = SampleCase.signals
    var again = signals[3]
    again.ruleID = "gambling.win-control"
    signals.append(again)
    let report = CaseReport(
      documents: SampleCase.documents, signals: signals, lexicon: SampleCase.lexicon,
      subjects: ["小李"])
    #expect(report.amounts.count == 1)
    #expect(report.amounts.first?.speaker == "小李")
    #expect(report.amounts.first?.totalFen == 5_000_000)
    #expect(report.amounts.first?.formatted == "¥50,000.00")
  }

  @Test(arguments: [
    (Int64(0), "¥0.00"), (5, "¥0.05"), (123_456, "¥1,234.56"), (100_000_000, "¥1,000,000.00"),
    (-250, "-¥2.50"),
  ])
  func yuanFormatting(fen: Int64, expected: String) {
    #expect(AmountTotal.yuan(fen) == expected)
  }

  @Test func timelineGroupsTimedFindingsBySpeakerSubjectsFirst() {
    let report = SampleCase.report()
    #expect(report.timeline.map(\.speaker) == ["小李", "老周"])
    #expect(
      report.timeline[0].findings.map(\.rule) == ["payment.usdt", "neutral.standard-product"])
    #expect(report.timeline[0].role == .subject)
  }

  @Test func unknownRuleAndMissingUnitAreKeptNotDropped() throws {
    let stray = Signal(
      ruleID: "gone.rule", path: "missing.txt", unitIndex: 9, line: 3, endLine: 3,
      matched: [MatchedPart(term: "x", text: "x", start: 0, end: 1)], why: "x")
    let report = CaseReport(
      documents: [], signals: [stray], lexicon: SampleCase.lexicon, subjects: [])
    let finding = try #require(report.findings.first)
    #expect(finding.title == "gone.rule")
    #expect(finding.weight == 0)
    #expect(finding.clauses.isEmpty)
    #expect(finding.excerpt.isEmpty)
  }

  @Test func longUnitsAreExcerptedAroundTheMatch() {
    let text = String(repeating: "甲", count: 400) + "控制输赢" + String(repeating: "乙", count: 400)
    let excerpt = Excerpt.make(
      text: text, parts: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 400, end: 404)])
    #expect(excerpt.hasPrefix("…"))
    #expect(excerpt.hasSuffix("…"))
    #expect(excerpt.contains("控制输赢"))
    #expect(excerpt.unicodeScalars.count == 2 + 80 + 4 + 80)
  }
}
