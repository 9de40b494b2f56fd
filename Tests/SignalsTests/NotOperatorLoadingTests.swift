import Foundation
import Ingest
import Testing

@testable import Signals

/// Where `not: <expression>` may stand: an item of `any`, `all` or `at_least` in `match` and
/// `unless`; never a rule's whole match (nor an `any` that holds through it), never bare, empty,
/// under `count` directly or inside a `sequence`.
@Suite struct NotOperatorLoadingTests {
  private static func rule(_ id: String, _ body: String) -> String {
    """
      - id: \(id)
        title: 规则
    \(body)
        clauses: [interp2019.art11.4]
    """
  }

  /// The errors of loading `rules`, as `code line: message`, and the file the loader named.
  private static func errors(_ rules: String) throws -> (errors: [String], files: Set<String>) {
    let (_, diagnostics) = try TestLexicon.diagnostics(["p.yml": pack(rules: rules)])
    let errors = diagnostics.filter { $0.severity == .error }
    return (errors.map { "\($0.code) \($0.line ?? 0): \($0.message)" }, Set(errors.map { URL(fileURLWithPath: $0.file ?? "").lastPathComponent }))
  }

  @Test func acceptsNotAsAnItemOfAnyAllAndAtLeastInMatchAndUnless() throws {
    let rules = [
      Self.rule("n.all", "    match: {all: [跑分, {not: 演示}]}"),
      Self.rule("n.any", "    match: {all: [码商, {any: [担保, {not: 押金}]}]}"),
      Self.rule("n.at-least", "    match: {at_least: {n: 2, of: [跑分, 码商, {not: 演示}]}, near: 8}"),
      Self.rule("n.unless", "    match: 系统升级\n    unless: {all: [问起来, {not: {any: [查封, 被封]}}]}"),
      Self.rule("n.nested", "    match: {all: [后台, {not: {all: [演示, {not: 真钱}]}}]}"),
    ].joined(separator: "\n")
    let lexicon = try TestLexicon.set(pack(rules: rules))
    let rule = try #require(lexicon.rules.first { $0.id == "n.all" })
    #expect(rule.match == .all([.term("跑分"), .not(.term("演示"))], near: nil))
    #expect(lexicon.rules.count == 5)
  }

  @Test func aRuleWhoseWholeMatchIsNotIsALoadErrorNamingTheRule() throws {
    let (errors, files) = try Self.errors(Self.rule("n.bare", "    match: {not: 演示}"))
    #expect(files == ["p.yml"])
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("lexicon.schema 11: rule 'n.bare': not is allowed only as an item") == true)
  }

  @Test func aMatchThatHoldsWhenNothingIsPresentIsALoadError() throws {
    for body in ["    match: {any: [跑分, {not: 演示}]}", "    match: {all: [{not: 跑分}, {not: 演示}]}"] {
      let (errors, _) = try Self.errors(Self.rule("n.absent", body))
      #expect(errors == [
        "lexicon.schema 11: rule 'n.absent': the match holds when nothing is present (a not, or an any with a not item); a rule must be found by something present"
      ])
    }
  }

  @Test func notWithNoExpressionIsALoadErrorNamingTheRule() throws {
    for body in ["    match: {all: [跑分, {not: }]}", "    match: {all: [跑分, {not: ''}]}"] {
      let (errors, _) = try Self.errors(Self.rule("n.empty", body))
      #expect(errors == ["lexicon.schema 11: rule 'n.empty': not needs an expression (not: <term, $set or operator>)"])
    }
  }

  @Test func notIsRefusedAsAWholeUnlessUnderCountAndInsideASequence() throws {
    let (unless, _) = try Self.errors(Self.rule("n.unless", "    match: 跑分\n    unless: {not: 演示}"))
    #expect(unless.count == 1 && unless[0].contains("rule 'n.unless': not is allowed only as an item"))
    let (count, _) = try Self.errors(Self.rule("n.count", "    match: {all: [跑分, {count: {of: {not: 演示}, min: 2}}]}"))
    #expect(count.count == 1 && count[0].contains("rule 'n.count': not is allowed only as an item"))
    let sequence = Self.rule(
      "n.sequence", "    match: {sequence: {first: 报价, then: {all: [转账, {not: 发票}]}, within: {messages: 3}}}")
    let (inSequence, _) = try Self.errors(sequence)
    #expect(inSequence == ["lexicon.schema 11: rule 'n.sequence': not is allowed not inside a sequence"])
  }
}
