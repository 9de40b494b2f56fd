import Ingest
import Testing

@testable import Signals

@Suite struct PriceLintTests {
  @Test func warnsOfAnUnfilteredPriceRuleAndNotesLowConfidenceRanges() throws {
    let lexicon = try TestLexicon.load(files: ["market-prices.yml": PriceFixture.table(), "pack.yml": PriceFixture.rule()])
    let codes = LexiconLinter.lint(lexicon).map(\.code).filter { $0.hasPrefix("lexicon.price-") }
    #expect(codes == ["lexicon.price-unfiltered", "lexicon.price-low-confidence"])
  }

  @Test func anUnlessAndMediumConfidenceSilenceBoth() throws {
    let table = PriceFixture.table().replacingOccurrences(of: "basis: 测试区间", with: "basis: 测试区间\n    confidence: medium")
    let rule = PriceFixture.rule() + "\n    unless: {any: [定金]}\n"
    let lexicon = try TestLexicon.load(files: ["market-prices.yml": table, "pack.yml": rule])
    #expect(LexiconLinter.lint(lexicon).filter { $0.code.hasPrefix("lexicon.price-") }.isEmpty)
  }
}
