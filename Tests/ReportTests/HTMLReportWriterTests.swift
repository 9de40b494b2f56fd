import Foundation
import Ingest
import Signals
import Testing

@testable import Report

@Suite struct HTMLReportWriterTests {
  let html = HTMLReportWriter().render(SampleCase.report())

  @Test func startsWithTheDisclaimerAndIsSelfContained() {
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains(HTML.escape(HTMLReportWriter.disclaimer)))
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(!html.contains("<link") && !html.contains(" src="))
    #expect(html.components(separatedBy: "<script>").count == 2)
  }

  @Test func testSHA256MatchesTheFIPSVector() {
    let hex = SHA256.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
    #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func contentSecurityPolicyAllowsOnlyTheInlineScript() throws {
    let digest = Data(SHA256.digest(Array(HTMLPage.script.utf8))).base64EncodedString()
    #expect(HTMLPage.scriptHash == "sha256-" + digest)
    #expect(
      html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          + "style-src 'unsafe-inline'; script-src '\(HTMLPage.scriptHash)'; "))
    #expect(html.contains("<script>\(HTMLPage.script)</script>"))
  }

  @Test func provenanceListsToolPacksAndSubjects() {
    #expect(html.contains("mingjian 0.1.0"))
    #expect(html.contains(String(repeating: "a", count: 64)))
    #expect(html.contains("<dd>小李</dd>"))
  }

  @Test func manifestListsEveryDocumentAndStylesFailures() {
    for document in SampleCase.documents {
      #expect(html.contains(document.sha256))
    }
    #expect(html.contains("<tr class=\"st-error\"><td>broken.json</td>"))
    #expect(html.contains("<td class=\"status\">error</td><td>JSON ends in the middle of a string</td>"))
    #expect(!html.contains("broken.json: JSON"), "the row shows the path once")
    #expect(html.contains("<tr class=\"st-unsupported\">"))
    #expect(html.contains("<li>warning[ingest.unparsed-line]: line 2 could not be decoded and was skipped</li>"))
    #expect(!html.contains("<li>notes/备忘.txt:"))
  }

  /// Only the document's own path is left out: a reason or a diagnostic naming another file
  /// keeps it.
  @Test func theManifestDropsOnlyTheRowsOwnPath() {
    var document = SampleCase.broken
    document.reason = "other.json: JSON ends in the middle of a string"
    document.diagnostics = [
      Diagnostic(.error, code: "x.y", file: "other.json", line: 3, column: 4, message: "m"),
      Diagnostic(.note, code: "x.z", file: "broken.json", message: "n"),
    ]
    #expect(document.reasonBesidePath == "other.json: JSON ends in the middle of a string")
    #expect(document.diagnostics.map { $0.description(besidePath: document.path) } == ["other.json:3:4: error[x.y]: m", "note[x.z]: n"])
    document.reason = "broken.json: file is empty"
    #expect(document.reasonBesidePath == "file is empty")
    document.diagnostics = [Diagnostic(.warning, code: "a.b", file: "broken.json", line: 3, column: 4, message: "m")]
    #expect(document.diagnostics.map { $0.description(besidePath: document.path) } == ["line 3, column 4: warning[a.b]: m"])
    let named = Diagnostic(.warning, code: "ingest.bad-time", file: "chat.txt", line: 12, message: "line 12: the time is not valid")
    #expect(named.description(besidePath: "chat.txt") == "warning[ingest.bad-time]: line 12: the time is not valid")
    let other = Diagnostic(.warning, code: "x", file: "chat.txt", line: 12, message: "line 120: elsewhere")
    #expect(other.description(besidePath: "chat.txt") == "line 12: warning[x]: line 120: elsewhere")
  }

  @Test func matrixHasAllSevenArt11ItemsAndLabelsFactorsAsNotLaw() {
    for item in ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"] {
      #expect(html.contains("<td>\(item)</td>"))
    }
    #expect(html.contains("Analyst factors, not law"))
    let report = SampleCase.report()
    let first = HTMLContext.cardAnchor(report.findings[0].id, group: "interp2019.art11.4")
    #expect(html.contains("<a href=\"#\(first)\">2</a></td><td>0.99</td>"))
    #expect(html.contains("id=\"\(first)\""))
  }

  @Test func clauseTextIsQuotedOnlyWhenTheCatalogueHasIt() {
    #expect(html.contains("（四）提供专门用于违法犯罪的程序、工具或者其他技术支持、帮助的；"))
    let unverified = html.components(
      separatedBy: "Cited by instrument and point; text not verified")
    #expect(unverified.count - 1 == 2)
  }

  @Test func clauseGroupsPutArt11FirstAndAnalystFactorsLast() {
    var lexicon = SampleCase.lexicon
    lexicon.clauses.entries.swapAt(1, 2)
    let page = HTMLReportWriter().render(
      CaseReport(
        documents: SampleCase.documents, signals: SampleCase.signals, lexicon: lexicon,
        subjects: []))
    let order = page.components(separatedBy: "<section class=\"group\" id=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
    #expect(
      order == [
        "c-interp2019.art11.3", "c-interp2019.art11.4", "c-gambling2010.s2",
        "c-neutral.standard-feature",
      ])
  }

  @Test func textBelowV2IsNeverQuotedEvenWhenPresent() {
    var lexicon = SampleCase.lexicon
    lexicon.clauses.entries[1].verification = "V3"
    let report = CaseReport(
      documents: SampleCase.documents, signals: SampleCase.signals, lexicon: lexicon,
      subjects: [])
    let page = HTMLReportWriter().render(report)
    #expect(!page.contains("（四）提供专门用于违法犯罪的程序、工具或者其他技术支持、帮助的；"))
    #expect(page.components(separatedBy: "text not verified").count - 1 == 3)
  }

  @Test func findingsSupportAndNeverProve() {
    #expect(html.contains("supports 法释〔2019〕15号 第十一条第（四）项"))
    #expect(html.contains("(an analyst factor, not law)"))
    #expect(!html.lowercased().contains("proves"))
  }

  @Test func cardsShowTheUnitWithContextAndHighlights() {
    #expect(
      html.contains(">做个菠菜平台<br>后台要能<mark class=\"sig lvl-high\" title=\"gambling.win-control"))
    #expect(html.contains("Why: 控制输赢; no negation cue"))
    #expect(html.contains("amountFen = 5000000 (¥50,000.00)"))
    #expect(html.contains("在的，什么活"))
  }

  @Test func amountsAreShownBesideTheCataloguedArt12AmountItems() {
    var lexicon = SampleCase.lexicon
    lexicon.clauses.entries.append(
      Clause(
        id: "interp2019.art12.2", title: "支付结算金额二十万元以上的", instrument: "解释",
        documentNumber: "法释〔2019〕15号", point: "第十二条第一款第（二）项", verification: "V1",
        text: nil, source: "test", kind: "statute"))
    let page = HTMLReportWriter().render(
      CaseReport(
        documents: SampleCase.documents, signals: SampleCase.signals, lexicon: lexicon,
        subjects: ["小李"]))
    #expect(page.contains("法释〔2019〕15号 第十二条第一款第（二）项 (summary: 支付结算金额二十万元以上的)"))
    #expect(page.contains("<tr><td>小李</td><td>subject</td><td>CNY</td><td>¥50,000.00</td>"))
    #expect(!html.contains("class=\"thresholds\""))
  }

  @Test func suppressedFindingsAreCollapsedWithTheirReason() throws {
    let section = try #require(html.components(separatedBy: "<section id=\"suppressed\">").last)
    #expect(section.contains("<details>"))
    #expect(section.contains("Suppressed: negated by 不"))
  }

  @Test func sourceViewAnchorsEveryLineAndPutsBodyLinesRight() {
    let stem = "d" + SampleCase.chat.shortID
    for line in 1...18 where ![3, 6, 10, 13, 16].contains(line) {
      #expect(html.contains("<tr id=\"\(stem)-L\(line)\""))
    }
    #expect(html.contains("<tr id=\"\(stem)-L9\" class=\"hit\">"))
    #expect(
      html.contains(
        "<tr id=\"\(stem)-L8\"><td><a href=\"#\(stem)-L8\">8</a></td><td></td>"
          + "<td>做个菠菜平台</td></tr>"))
    #expect(html.contains("title=\"gambling.win-control · interp2019.art11.4, gambling2010.s2\""))
    #expect(html.contains("suppressed: negated by 不"))
  }

  @Test func linksFromElsewhereGoToTheCardOfTheRulesFirstClause() throws {
    var lexicon = SampleCase.lexicon
    lexicon.rules[0].clauses = ["gambling2010.s2", "interp2019.art11.3"]
    let report = CaseReport(
      documents: SampleCase.documents, signals: SampleCase.signals, lexicon: lexicon,
      subjects: ["小李"])
    let page = HTMLReportWriter().render(report)
    let finding = try #require(report.findings.first { $0.rule == "gambling.win-control" })
    let main = HTMLContext.cardAnchor(finding.id, group: "gambling2010.s2")
    #expect(page.contains("<a href=\"#\(main)\">要求后台控制输赢</a>"))
    #expect(page.contains("<a class=\"fref\" href=\"#\(main)\">"))
    #expect(
      page.contains("id=\"\(HTMLContext.cardAnchor(finding.id, group: "interp2019.art11.3"))\""))
  }

  @Test func otherClauseGroupsListTheFindingCompactlyAndLinkTheFullCard() throws {
    let finding = try #require(SampleCase.report().findings.first)
    let main = HTMLContext.cardAnchor(finding.id, group: "interp2019.art11.4")
    let secondary = HTMLContext.cardAnchor(finding.id, group: "gambling2010.s2")
    #expect(html.contains("<article class=\"ref lvl-high inculpatory\" id=\"\(secondary)\">"))
    #expect(html.contains("<a href=\"#\(main)\">full card under 法释〔2019〕15号 第十一条第（四）项</a>"))
    #expect(html.components(separatedBy: "id=\"\(main)\"").count == 2)
    #expect(html.components(separatedBy: "<article class=\"card").count == 1 + 4 + 1)
  }

  @Test func aSourceViewStartingAfterLineOneBeginsWithAGap() {
    var note = SampleCase.note
    note.units[0].line = 4
    note.units[0].endLine = 4
    note.units[0].firstBodyLine = 4
    let report = CaseReport(
      documents: [note], signals: [SampleCase.signals[1]], lexicon: SampleCase.lexicon,
      subjects: [])
    let page = HTMLReportWriter().render(report)
    #expect(
      page.contains(
        "<tbody>\n<tr class=\"gap\"><td>⋮</td><td></td><td></td></tr>\n<tr id=\"d7d2111111111-L4\"")
    )
  }

  @Test func sheetsWithTheSameRowNumbersGetTheirOwnAnchors() throws {
    let workbook = EvidenceDocument(
      path: "账目.xlsx", sha256: "5e" + String(repeating: "4", count: 62), bytes: 900,
      format: .plainText, status: .parsed,
      units: [
        TextUnit(kind: .row, line: 2, text: "控制输赢\t甲", page: 1, attributes: ["sheet": "一月"]),
        TextUnit(kind: .row, line: 2, text: "控制输赢\t乙", page: 2, attributes: ["sheet": "二月"]),
      ])
    let signals = [0, 1].map { index in
      Signal(
        ruleID: "gambling.win-control", path: workbook.path, unitIndex: index, line: 2,
        endLine: 2, matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 0, end: 4)],
        related: [RelatedUnit(path: workbook.path, line: 2, endLine: 2, role: "row")],
        why: "w")
    }
    let report = CaseReport(
      documents: [workbook], signals: signals, lexicon: SampleCase.lexicon, subjects: [])
    #expect(report.findings.map(\.page) == [1, 2])
    let page = HTMLReportWriter().render(report)
    let stem = "d5e4444444444"
    #expect(page.contains("<tr class=\"page\"><td colspan=\"3\">Sheet “一月” (sheet 1)</td></tr>"))
    #expect(page.contains("<tr class=\"page\"><td colspan=\"3\">Sheet “二月” (sheet 2)</td></tr>"))
    #expect(page.contains("<tr id=\"\(stem)-p1-L2\" class=\"hit\">"))
    #expect(page.contains("<tr id=\"\(stem)-p2-L2\" class=\"hit\">"))
    #expect(page.contains("href=\"#\(stem)-p2-L2\">账目.xlsx sheet “二月”, row 2</a> (row)"))
    #expect(page.contains("href=\"#\(stem)-p1-L2\">账目.xlsx sheet “一月”, row 2</a></p>"))
    #expect(!page.contains("(p. "))
    let file = try JSONDecoder().decode(
      FindingsFile.self, from: JSONReportWriter().render(report))
    #expect(file.findings.map(\.page) == [1, 2])
    #expect(file.findings.map(\.sheet) == ["一月", "二月"])
    let csv = String(decoding: CSVReportWriter().render(report).dropFirst(3), as: UTF8.self)
    let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let pageColumn = try #require(rows.first?.firstIndex(of: "page"))
    #expect(rows.first?[pageColumn...].prefix(2) == ["page", "sheet"])
    #expect(rows.dropFirst().map { $0[pageColumn...].prefix(2).joined(separator: ",") } == ["1,一月", "2,二月"])
  }

  /// Messages of a one-line JSON export share line 1: each finding also cites its message id, in
  /// the HTML citation, findings.json and findings.csv.
  @Test func messagesSharingALineAreCitedByTheirIDs() throws {
    let export = EvidenceDocument(
      path: "result.json", sha256: "7a" + String(repeating: "6", count: 62), bytes: 500,
      format: .telegramJSON, status: .parsed,
      units: ["41", "42"].map { id in
        TextUnit(kind: .message, line: 1, text: "后台控制输赢", speaker: "小李", attributes: ["messageID": id])
      })
    let signals = [0, 1].map { index in
      Signal(
        ruleID: "gambling.win-control", path: export.path, unitIndex: index, line: 1, endLine: 1,
        matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 2, end: 6)], why: "w")
    }
    let report = CaseReport(documents: [export], signals: signals, lexicon: SampleCase.lexicon, subjects: [])
    let page = HTMLReportWriter().render(report)
    #expect(page.contains(">result.json:1</a> <span class=\"msgid\">(message 41)</span>"))
    #expect(page.contains(">result.json:1</a> <span class=\"msgid\">(message 42)</span>"))
    let file = try JSONDecoder().decode(FindingsFile.self, from: JSONReportWriter().render(report))
    #expect(file.findings.map(\.messageID) == ["41", "42"])
    let csv = String(decoding: CSVReportWriter().render(report), as: UTF8.self)
    #expect(csv.contains(",41\r\n") && csv.contains(",42\r\n"))
  }

  @Test func pdfLinesAreCitedByPageAndLine() {
    let pdf = EvidenceDocument(
      path: "合同.pdf", sha256: "6f" + String(repeating: "5", count: 62), bytes: 900,
      format: .plainText, status: .parsed,
      units: [TextUnit(kind: .line, line: 12, text: "后台控制输赢", page: 3)])
    let signal = Signal(
      ruleID: "gambling.win-control", path: pdf.path, unitIndex: 0, line: 12, endLine: 12,
      matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 2, end: 6)], why: "w")
    let report = CaseReport(documents: [pdf], signals: [signal], lexicon: SampleCase.lexicon, subjects: [])
    let page = HTMLReportWriter().render(report)
    #expect(page.contains(">合同.pdf p. 3, line 12</a>"))
    #expect(page.contains(">p. 3, line 12</a></td>"))
    #expect(page.contains("<tr class=\"page\"><td colspan=\"3\">Page 3</td></tr>"))
    let csv = String(decoding: CSVReportWriter().render(report), as: UTF8.self)
    #expect(csv.hasSuffix(",w,3,,document,,\r\n"))
  }

  @Test func identicalCopiesGetDistinctAnchors() {
    var copy = SampleCase.chat
    copy.path = "case-b/copy.txt"
    let signals =
      SampleCase.signals + [
        Signal(
          ruleID: "gambling.win-control", path: copy.path, unitIndex: 2, line: 7, endLine: 9,
          matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 11, end: 15)], why: "w")
      ]
    let report = CaseReport(
      documents: SampleCase.documents + [copy], signals: signals, lexicon: SampleCase.lexicon,
      subjects: [])
    let page = HTMLReportWriter().render(report)
    let stem = "d" + SampleCase.chat.shortID
    #expect(page.components(separatedBy: "<tr id=\"\(stem)-L7\"").count == 2)
    #expect(page.components(separatedBy: "<tr id=\"\(stem)-2-L7\"").count == 2)
  }

  @Test func hostileEvidenceIsEscapedEverywhere() {
    let payload = "<script>alert(1)</script>\" onmouseover=alert(2) '<img src=x onerror=alert(3)>"
    let path = "evil/<img src=x onerror=alert(4)>.txt"
    let document = EvidenceDocument(
      path: path, sha256: "<b>" + String(repeating: "c", count: 61), bytes: 99,
      format: .plainText, encoding: "utf-8", status: .error, reason: payload,
      units: [
        TextUnit(kind: .message, line: 1, text: payload + "控制输赢", speaker: payload),
        TextUnit(kind: .message, line: 2, text: payload, speaker: "\"><script>x</script>"),
      ],
      diagnostics: [Diagnostic(.error, code: "x", file: path, message: payload)])
    let end = payload.unicodeScalars.count
    let signal = Signal(
      ruleID: "gambling.win-control", path: path, unitIndex: 0, line: 1, endLine: 1,
      matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: end, end: end + 4)],
      values: ["note": payload],
      related: [RelatedUnit(path: path, line: 2, endLine: 2, role: payload)], why: payload)
    var suppressed = signal
    suppressed.unitIndex = 1
    suppressed.suppressedReason = payload
    var lexicon = SampleCase.lexicon
    lexicon.rules[0].title = payload
    lexicon.packs[0].title = payload
    let report = CaseReport(
      documents: [document], signals: [signal, suppressed], lexicon: lexicon, subjects: [payload])
    let page = HTMLReportWriter().render(report)
    #expect(page.components(separatedBy: "<script>").count == 2)
    #expect(!page.contains("<script>alert"))
    #expect(!page.contains("<script>x"))
    #expect(!page.contains("\" onmouseover"))
    #expect(!page.contains("<img"))
    #expect(!page.contains("<b>"))
    #expect(!page.contains("'<"))
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=alert(2) &#39;"))
  }

  @Test func twoRunsAreIdenticalAndMatchTheReviewedSnapshot() throws {
    #expect(html == HTMLReportWriter().render(SampleCase.report()))
    try Snapshot.assertMatches(html, named: "sample-case.index.html")
  }
}
