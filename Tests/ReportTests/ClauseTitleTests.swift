import Signals
import Testing

@testable import Report

/// A clause title is quoted only when it is the statute's own words; otherwise it is a summary.
struct ClauseTitleTests {
  static let atf31 = Clause(
    id: "atf.31", title: "不得非法买卖、出租、出借电话卡、银行账户", instrument: "中华人民共和国反电信网络诈骗法",
    documentNumber: "", point: "第三十一条", verification: "V1",
    text: "第三十一条 任何单位和个人不得非法办理、出租、出借、出售、购买电话卡……", source: "test", kind: "statute")

  @Test func aTitleFoundInTheVerifiedTextIsQuoted() throws {
    let item4 = try #require(SampleCase.catalogue.clause("interp2019.art11.4"))
    #expect(ClauseTitle.isVerbatim(item4))
    #expect(ClauseTitle.display(item4) == "“提供专门用于违法犯罪的程序、工具或者其他技术支持、帮助的”")
  }

  @Test func aTitleNotInTheTextIsASummaryEvenWhenTheClauseHasText() {
    #expect(!ClauseTitle.isVerbatim(Self.atf31))
    #expect(ClauseTitle.display(Self.atf31) == "(summary: 不得非法买卖、出租、出借电话卡、银行账户)")
  }

  @Test func theFindingCardSaysSummaryAndNeverPutsAColonBeforeASummary() {
    var report = SampleCase.report()
    report.catalogue.entries.append(Self.atf31)
    let context = HTMLContext(report)
    #expect(context.supportsWording("atf.31") == "supports 中华人民共和国反电信网络诈骗法 第三十一条 (summary: 不得非法买卖、出租、出借电话卡、银行账户)")
    #expect(context.supportsWording("gambling2010.s2").hasSuffix("(summary: 为赌博网站提供技术支持，以开设赌场罪的共犯论处)"))
  }

  @Test func theClauseListingAndTheScanSummaryLabelSummaries() {
    var catalogue = SampleCase.catalogue
    catalogue.entries.append(Self.atf31)
    let listing = ClauseListing(catalogue: catalogue, includeText: false).text
    #expect(listing.contains("第三十一条  (summary: 不得非法买卖"))
    #expect(listing.contains("第十一条第（四）项  “提供专门用于"))
    let summary = ScanSummary(report: SampleCase.report(), output: "out", formats: [.html]).text
    #expect(summary.contains("(summary: 为赌博网站提供技术支持"))
  }
}
