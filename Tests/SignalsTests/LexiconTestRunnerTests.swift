import Foundation
import Testing

@testable import Signals

@Suite struct LexiconTestRunnerTests {
  static let packText = pack(
    terms: """
        backend: [后台, 管理端]
        control: [控制输赢, 改输赢]
      """,
    rules: """
        - id: tech.win-control
          title: 要求后台控制输赢
          speaker: counterpart
          match:
            all:
              - any: [$backend]
              - any: [$control]
            near: 12
          clauses: [interp2019.art11.4]
          examples:
            hit:
              - ⟦后台要能控制输赢⟧，想让谁赢就让谁赢
              - text: 管理端可以改输赢
              - chat: |
                  [2023-03-02 20:16] 对方: 后台要能控制输赢
                  [2023-03-02 20:17] 我: 可以做
              - 输赢要能控制
            ok:
              - 抽奖概率在后台配置，概率要公示
              - text: 如果后台要控制输赢，我们不接
                expect: {negation: hypothetical}
              - chat: |
                  [2023-03-02 20:16] 我: 后台要能控制输赢
            todo_hit:
              - 老板要能随便定谁赢
        - id: tech.quiet
          title: 安静
          match: 安静
          clauses: [interp2019.art11.4]
          examples:
            hit: [很安静]
            ok: [很吵]
      """)

  static let testText = """
    # ruleid: tech.win-control
    后台能控制输赢吧
    # ok: tech.win-control, tech.quiet
    抽奖活动的中奖率后台可配

    # ruleid: tech.win-controll
    管理端改输赢
    # todook: tech.quiet
    安静一点
    # ok: tech.quiet

    """

  private func report() throws -> (LexiconTestReport, TestLexicon) {
    let folder = try TestLexicon(files: ["tech.yml": Self.packText, "tech.test.txt": Self.testText])
    defer { folder.remove() }
    return (LexiconTestRunner(lexicon: try folder.load()).run(), folder)
  }

  @Test func countsExamplesAndAnnotationsPerRule() throws {
    let (report, _) = try report()
    let control = try #require(report.rules.first { $0.ruleID == "tech.win-control" })
    #expect(control.examplesTotal == 7)
    #expect(control.examplesPassed == 6)
    #expect(control.annotationsTotal == 2)
    #expect(control.annotationsPassed == 2)
    #expect((control.truePositives, control.trueNegatives, control.falsePositives, control.falseNegatives) == (4, 4, 0, 1))
    #expect(control.todo == 1)
    #expect(!control.passed)
    #expect(control.checks.map(\.outcome) == [.missed])
    #expect(control.checks.first?.text == "输赢要能控制")

    let quiet = try #require(report.rules.first { $0.ruleID == "tech.quiet" })
    #expect(quiet.passed)
    #expect(quiet.todo == 1)
    #expect(quiet.checks.map(\.outcome) == [])
  }

  @Test func reportsAnnotationFileProblems() throws {
    let (report, folder) = try report()
    let test = folder.path("tech.test.txt")
    #expect(report.problems.map { "\($0.outcome.rawValue) \($0.location)" } == [
      "dangling-annotation \(test):10", "unknown-rule \(test):6",
    ])
    #expect(report.problems.last?.message == "annotation names unknown rule 'tech.win-controll' (did you mean tech.win-control?)")
    #expect(report.passed == 1)
    #expect(report.failed == 3)
  }

  @Test func rendersATableEndingWithTheTotals() throws {
    let (report, folder) = try report()
    let text = report.render()
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == folder.path("tech.yml"))
    #expect(lines.last == "1 passed, 3 failed")
    #expect(text.contains("✖ tech.win-control   examples 6/7   annotations 2/2   TP 4  TN 4  FP 0  FN 1   todo 1"))
    #expect(text.contains("missed"))
    #expect(text.contains("“输赢要能控制”"))
  }

  @Test func checksHighlightsAndExpectedVerdicts() throws {
    let text = pack(
      rules: """
          - id: hl.rule
            title: 高亮
            match: 控制输赢
            clauses: [interp2019.art11.4]
            examples:
              hit:
                - 后台⟦要能控制输赢⟧
                - text: 控制输赢
                  expect: {negation: negated}
          - id: hl.amount
            title: 金额
            match: {all: [控制输赢, {money: {min: 1}}]}
            clauses: [interp2019.art11.4]
            examples:
              hit:
                - text: 控制输赢收一万二
                  expect: {amount: 12000}
                - text: 控制输赢收五千
                  expect: {amount: 6000}
      """)
    let folder = try TestLexicon(files: ["hl.yml": text])
    defer { folder.remove() }
    let report = LexiconTestRunner(lexicon: try folder.load()).run()
    let amount = try #require(report.rules.first { $0.ruleID == "hl.amount" })
    #expect(amount.checks.map(\.message) == ["amountFen 500000, expected 600000"])
    let checks = try #require(report.rules.first { $0.ruleID == "hl.rule" }).checks
    #expect(checks.map(\.outcome) == [.wrongHighlight, .wrongNegation])
    #expect(checks.first?.message == "highlighted “控制输赢”, expected “要能控制输赢”")
    #expect(checks.last?.message == "negation verdict affirmed, expected negated")
  }

  @Test func encodesAsJSONWithTotals() throws {
    let (report, _) = try report()
    let data = try JSONEncoder().encode(report)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["passed"] as? Int == 1)
    #expect(object["failed"] as? Int == 3)
    #expect(try JSONDecoder().decode(LexiconTestReport.self, from: data) == report)
  }
}
