import Ingest
import Testing

@testable import Signals

@Suite struct PriceTableLoadingTests {
  @Test func loadsTheTableIntoTheSet() throws {
    let lexicon = try TestLexicon.load(files: ["market-prices.yml": PriceFixture.table(), "pack.yml": PriceFixture.rule()])
    let table = try #require(lexicon.prices)
    #expect(table.services.map(\.id) == ["exchange", "website"])
    #expect(table.service("exchange")?.lowFen == 5_000_000)
    #expect(table.rate(for: .usdt)?.fenPerUnit == 700)
    let check = try #require(lexicon.rule("price.anomaly")?.price)
    #expect(check.within == 2)
    #expect(check.near == 20)
  }

  @Test func reportsBadEntriesWithTheirPosition() throws {
    let table = """
      version: 1
      currency: CNY
      services:
        - id: exchange
          title: 交易所
          terms: [做交易所]
          unit: project
          low: 300000
          high: 50000
          basis: 测试
        - id: website
          title: 网站
          terms: [做网站]
          unit: project
          low: 3000
          high: 30000
          price: 5000
        - id: app
          title: APP
          terms: [做app]
          unit: week
          low: 1
          high: 2
          basis: 测试

      """
    let (lexicon, diagnostics) = try TestLexicon.diagnostics([
      "market-prices.yml": table, "pack.yml": pack(rules: "  - {id: a.b, title: t, match: 后台, clauses: [interp2019.art11.4]}"),
    ])
    let located = diagnostics.filter { $0.severity == .error }.map { "\($0.code) \($0.line ?? 0):\($0.column ?? 0)" }
    #expect(located == ["lexicon.price-range 8:10", "lexicon.schema 17:5", "lexicon.schema 11:5", "lexicon.schema 21:11"])
    let first = try #require(diagnostics.first)
    #expect(first.file == lexicon.path("market-prices.yml"))
    #expect(first.message.contains("low is greater than high"))
    #expect(diagnostics.map(\.message).contains { $0.contains("missing the required key 'basis'") })
    #expect(diagnostics.map(\.message).contains { $0.contains("unknown key 'price'") })
  }

  @Test func rejectsUnknownServicesAndAPriceRuleWithoutATable() throws {
    let unknown = PriceFixture.rule().replacingOccurrences(of: "[exchange, website]", with: "[exchange, casino]")
    let (_, diagnostics) = try TestLexicon.diagnostics(["market-prices.yml": PriceFixture.table(), "pack.yml": unknown])
    #expect(diagnostics.filter { $0.severity == .error }.map(\.code) == ["lexicon.unknown-service"])
    let (_, missing) = try TestLexicon.diagnostics(["pack.yml": PriceFixture.rule()])
    #expect(missing.filter { $0.severity == .error }.map(\.code) == ["lexicon.no-price-table"])
  }
}
