import Ingest
import Testing

@testable import Signals

@Suite struct ScopeAndExtractTests {
  static let lexicon = pack(
    rules: """
        - id: scope.doc
          title: 文件内同时出现
          scope: document
          match: {all: [后台, 控制输赢]}
          clauses: [interp2019.art11.4]
        - id: scope.para
          title: 段落内同时出现
          scope: paragraph
          match: {all: [用于, 博彩]}
          clauses: [interp2019.art11.4]
        - id: scope.msg
          title: 同一消息
          match: {all: [后台, 控制输赢]}
          clauses: [interp2019.art11.4]
        - id: extract.site
          title: 收费与域名
          match: {all: [搭建, {money: {min: 100}}]}
          extract: {fee: amount, site: domain, contact: account, order: {re: '订单号(\\d{6,})'}}
          clauses: [interp2019.art11.4]
        - id: extract.quote
          title: 报价
          match: 报价
          extract: {quote: amount}
          clauses: [interp2019.art11.4]
      """)

  private var scanner: SignalScanner {
    get throws { SignalScanner(lexicon: try TestLexicon.set(Self.lexicon)) }
  }

  @Test func documentScopeJoinsUnitsAndSitsOnTheLastPart() throws {
    let document = EvidenceDocumentFixture.lines(["需求说明", "要有后台", "", "能控制输赢"])
    let signals = try scanner.scan(document, subjects: [])
    let signal = try #require(signals.first { $0.ruleID == "scope.doc" })
    #expect(signal.line == 4)
    #expect(signal.matched.map(\.text) == ["控制输赢"])
    #expect(signal.matched.first?.start == 1)
    #expect(signal.related.map(\.line) == [2])
    #expect(signal.related.first?.role == "document")
    #expect(signals.contains { $0.ruleID == "scope.msg" } == false)
  }

  @Test func paragraphScopeJoinsOnlyAdjacentLines() throws {
    let together = EvidenceDocumentFixture.document([
      TextUnit(kind: .line, line: 1, text: "本系统仅用于"), TextUnit(kind: .line, line: 2, text: "博彩行业"),
    ])
    let signal = try #require(try scanner.scan(together, subjects: []).first { $0.ruleID == "scope.para" })
    #expect((signal.line, signal.related.map(\.line)) == (2, [1]))
    let apart = EvidenceDocumentFixture.document([
      TextUnit(kind: .line, line: 1, text: "本系统仅用于"), TextUnit(kind: .line, line: 3, text: "博彩行业"),
    ])
    #expect(try scanner.scan(apart, subjects: []).contains { $0.ruleID == "scope.para" } == false)
  }

  @Test func paragraphScopeKeepsChatMessagesApart() throws {
    let chat = EvidenceDocumentFixture.document([
      TextUnit(kind: .message, line: 1, text: "这个用于", speaker: "甲", conversation: "c"),
      TextUnit(kind: .message, line: 2, text: "博彩", speaker: "甲", conversation: "c"),
    ])
    #expect(try scanner.scan(chat, subjects: []).contains { $0.ruleID == "scope.para" } == false)
  }

  @Test func documentScopeCountsOnlyTheRuleSpeakersUnits() throws {
    let yaml = pack(
      rules: """
          - id: scope.subject-doc
            title: 本人文件内
            scope: document
            speaker: subject
            match: {all: [后台, 控制输赢]}
            clauses: [interp2019.art11.4]
        """)
    let chat = EvidenceDocumentFixture.document([
      TextUnit(kind: .message, line: 1, text: "后台做好了", speaker: "我", conversation: "c"),
      TextUnit(kind: .message, line: 2, text: "能控制输赢吗", speaker: "对方", conversation: "c"),
      TextUnit(kind: .message, line: 3, text: "可以控制输赢", speaker: "我", conversation: "c"),
    ])
    let signals = SignalScanner(lexicon: try TestLexicon.set(yaml)).scan(chat, subjects: ["我"])
    #expect(signals.map(\.line) == [3])
    #expect(signals.first?.speakerRole == .subject)
  }

  @Test func extractPullsAmountDomainAccountAndCapture() throws {
    let text = "帮我搭建一下 Pay.Example.test，三千五，订单号20240518，有事加微信号: dev_ops88"
    let signal = try #require(try scanner.scan(line: text).first { $0.ruleID == "extract.site" })
    #expect(signal.values["fee"] == "350000")
    #expect(signal.values["feeCurrency"] == "unwritten")
    #expect(signal.values["site"] == "pay.example.test")
    #expect(signal.values["contact"] == "dev_ops88")
    #expect(signal.values["order"] == "20240518")
    let bare = try #require(try scanner.scan(line: "搭建收你五百块").first { $0.ruleID == "extract.site" })
    #expect(bare.values["fee"] == "50000")
    #expect(bare.values["feeCurrency"] == "CNY")
    #expect(bare.values["site"] == nil && bare.values["order"] == nil && bare.values["contact"] == nil)
    let words = try #require(try scanner.scan(line: "搭建收你五百块，android12345 uuid: abcde123").first { $0.ruleID == "extract.site" })
    #expect(words.values["contact"] == nil)
  }

  /// An extracted amount keeps its currency beside it: 三千U and 三千元 are 300000 hundredths of
  /// different currencies, and an amount with none written says so rather than passing for yuan.
  @Test(arguments: [
    ("报价三千U", "300000", "USDT"), ("报价三千元", "300000", "CNY"), ("报价3000 USDT", "300000", "USDT"),
    ("报价200美金", "20000", "USD"), ("报价$50", "5000", "USD"), ("报价¥1,200", "120000", "CNY"),
    ("报价人民币壹万元", "1000000", "CNY"), ("报价三千", "300000", "unwritten"), ("报价十二万", "12000000", "unwritten"),
    ("报价五百个u，押金两千元", "50000", "USDT"), ("报价8500，押金两千元", "200000", "CNY"),
  ])
  func anExtractedAmountKeepsItsCurrency(_ text: String, _ fen: String, _ currency: String) throws {
    let signal = try #require(try scanner.scan(line: text).first { $0.ruleID == "extract.quote" })
    #expect(signal.values["quote"] == fen, "\(text)")
    #expect(signal.values["quoteCurrency"] == currency, "\(text)")
  }

  /// No amount, no currency either.
  @Test func noAmountExtractsNoCurrency() throws {
    let signal = try #require(try scanner.scan(line: "报价明天发你").first { $0.ruleID == "extract.quote" })
    #expect(signal.values["quote"] == nil && signal.values["quoteCurrency"] == nil)
  }

  /// A name that an amount's currency would also write is refused at load time.
  @Test func anExtractNameClashingWithAnAmountsCurrencyIsRefused() throws {
    let text = pack(
      rules: """
          - id: clash.extract
            title: z
            match: 报价
            extract: {price: amount, priceCurrency: {re: '(usdt|元)'}}
            clauses: [interp2019.art11.4]
        """)
    let (_, diagnostics) = try TestLexicon.diagnostics(["p.yml": text])
    #expect(diagnostics.map(\.code) == ["lexicon.schema"])
    #expect(diagnostics.first?.message.contains("writes 'priceCurrency', which another value of this rule writes") == true)
  }

  @Test func scopeAndExtractErrorsAreReported() throws {
    let text = pack(
      rules: """
          - id: bad.scope
            title: x
            scope: thread
            match: 后台
            clauses: [interp2019.art11.4]
          - id: bad.conversation
            title: y
            scope: conversation
            match: 后台
            clauses: [interp2019.art11.4]
          - id: bad.extract
            title: z
            match: 后台
            extract: {amountFen: amount, Site: domain, app: appname}
            clauses: [interp2019.art11.4]
        """)
    let (_, diagnostics) = try TestLexicon.diagnostics(["p.yml": text])
    #expect(diagnostics.map(\.code) == Array(repeating: "lexicon.schema", count: 5))
    #expect(diagnostics.contains { $0.message.contains("'thread' is not one of message | paragraph | conversation | document") })
    #expect(diagnostics.contains { $0.message.contains("engine writes itself") })
  }
}
