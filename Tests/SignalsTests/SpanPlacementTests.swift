import Ingest
import Testing

@testable import Signals

@Suite struct SpanPlacementTests {
  static let lexicon = pack(
    rules: """
        - id: span.gamble-tool
          title: 赌博用途
          match: {all: [赌博, 平台], near: 10}
          not_inside: [quote, forward, prohibition]
          clauses: [interp2019.art11.4]
        - id: span.quoted-notice
          title: 引述的通知
          match: {any: [涉嫌赌博]}
          inside: quote
          clauses: [interp2019.art11.4]
        - id: span.contract-ban
          title: 合同禁止
          match: {any: [赌博]}
          inside: [prohibition]
          negation: ignore
          polarity: exculpatory
          clauses: [neutral.compliance]
      """)

  private func signals(_ text: String) throws -> [String: Signal] {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    return Dictionary(scanner.scan(line: text).map { ($0.ruleID, $0) }) { first, _ in first }
  }

  @Test func notInsideQuoteSuppressesQuotedWordsAndKeepsPlainOnes() throws {
    let quoted = try #require(try signals("网警通知原文：“该平台涉嫌赌博，立即整改”，你看下")["span.gamble-tool"])
    #expect(quoted.suppressedReason == "inside quote")
    let plain = try #require(try signals("这是个赌博平台，你照做就行")["span.gamble-tool"])
    #expect(plain.suppressedReason == nil)
    let both = try #require(try signals("他说「赌博平台不做」，可我们就是赌博平台")["span.gamble-tool"])
    #expect(both.suppressedReason == nil)
    #expect(both.matched.first?.start == 16)
  }

  @Test func quoteLinesOfChatExportsCount() throws {
    let reply = try #require(try signals("收到\n引用：老王: 赌博平台的单子接不接")["span.gamble-tool"])
    #expect(reply.suppressedReason == "inside quote")
    #expect(try signals("警方通知说『平台涉嫌赌博』")["span.quoted-notice"]?.suppressedReason == nil)
    #expect(try signals("平台涉嫌赌博")["span.quoted-notice"]?.suppressedReason == "not inside quote")
  }

  @Test func forwardedRecordsRunToTheEndOfTheUnit() throws {
    let forwarded = try #require(try signals("[聊天记录] 群聊的聊天记录\n张三: 赌博平台要推广")["span.gamble-tool"])
    #expect(forwarded.suppressedReason == "inside forward")
    #expect(try signals("验证码实时转发，赌博平台要用")["span.gamble-tool"]?.suppressedReason == nil)
  }

  /// A message the export marks as forwarded (Telegram's `forwarded_from`) is forwarded text from
  /// its first character: not the sender's own words.
  @Test func aMessageForwardedFromElsewhereIsForwardedWhole() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    let forwarded = TextUnit(
      kind: .message, line: 4, text: "这是个赌博平台，推广费用U结", speaker: "小李",
      attributes: [TextUnit.forwardedFromAttribute: "某人"])
    let own = TextUnit(kind: .message, line: 5, text: "这是个赌博平台，推广费用U结", speaker: "小李")
    let signals = scanner.scan(EvidenceDocumentFixture.document([forwarded, own]), subjects: ["小李"])
      .filter { $0.ruleID == "span.gamble-tool" }
    #expect(signals.map(\.line) == [4, 5])
    #expect(signals.map(\.suppressedReason) == ["inside forward", nil])
  }

  @Test func prohibitionsAreClausesWithTheirContinuations() throws {
    let ban = try #require(try signals("乙方严禁将本平台用于赌博、诈骗等违法活动。费用按年结算。")["span.gamble-tool"])
    #expect(ban.suppressedReason == "inside prohibition")
    let after = try #require(try signals("不得外传。这个平台就是做赌博的")["span.gamble-tool"])
    #expect(after.suppressedReason == nil)
    #expect(try signals("任何赌博用途一律禁止")["span.contract-ban"]?.suppressedReason == nil)
    #expect(try signals("任何赌博平台的用途，一律禁止")["span.gamble-tool"]?.suppressedReason == "inside prohibition")
    let listed = try signals("客户不得利用本服务从事违法活动，包括但不限于赌博平台、诈骗")["span.gamble-tool"]
    #expect(listed?.suppressedReason == "inside prohibition")
    let order = try #require(try signals("网信办禁止这个APP上架，赌博平台换个马甲重新上")["span.gamble-tool"])
    #expect(order.suppressedReason == nil)
    #expect(try signals("我们做赌博")["span.contract-ban"]?.suppressedReason == "not inside prohibition")
  }

  @Test func spanFinderMarksPairsAndIgnoresUnclosedMarks() {
    let text = Array("a「b」c“d\"e\"".unicodeScalars)
    let spans = EnclosingSpans(scalars: text).spans(.quote)
    #expect(spans == [1..<4, 7..<10])
    #expect(EnclosingSpans(scalars: Array("说“没关的".unicodeScalars)).spans(.quote).isEmpty)
  }

  @Test func unknownAndContradictorySpanKindsAreLoadErrors() throws {
    let text = pack(
      rules: """
          - id: bad.kind
            title: x
            match: 赌博
            not_inside: [quotation]
            clauses: [interp2019.art11.4]
          - id: bad.both
            title: y
            match: 赌博
            inside: quote
            not_inside: [quote]
            clauses: [interp2019.art11.4]
        """)
    let (_, diagnostics) = try TestLexicon.diagnostics(["p.yml": text])
    #expect(diagnostics.map(\.code) == ["lexicon.schema", "lexicon.schema"])
    #expect(diagnostics.first?.message.contains("quote | forward | prohibition") == true)
  }

  @Test func explainListsTheSpansFound() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    let explanation = try #require(scanner.explain(rule: "span.gamble-tool", text: "他说「赌博平台」"))
    #expect(explanation.settings.contains("not_inside quote: 「「赌博平台」」@2"))
    #expect(explanation.render().contains("result: suppressed (inside quote)"))
  }
}

@Suite struct SpanLintTests {
  @Test func aTermHoldingItsOwnSpanMarkerIsReported() throws {
    let lexicon = try TestLexicon.set(
      pack(
        rules: """
            - id: lint.blocked
              title: 禁止提现
              match: {any: [禁止提现, 卡着不给]}
              not_inside: [prohibition]
              clauses: [interp2019.art11.4]
            - id: lint.fine
              title: 控制输赢
              match: {any: [控制输赢]}
              not_inside: [prohibition, quote]
              clauses: [interp2019.art11.4]
          """))
    let found = LexiconLinter.lint(lexicon).filter { $0.code == "lexicon.span-self-excluding" }
    #expect(found.map(\.message) == ["lint.blocked: terms 禁止提现 always lie inside a prohibition span, which not_inside sets aside"])
  }
}
