import Ingest
import Signals
import Testing

@testable import Report

/// A chat service event's excerpt keeps its `[service: <action>]` label at any length, so that a
/// finding cut out of a long event (a title change listing many members) still reads as the
/// actor's action, not as something the actor said.
@Suite struct ServiceExcerptTests {
  static func event(_ text: String, action: String? = "invite_members") -> TextUnit {
    TextUnit(
      kind: .system, line: 1, text: text, speaker: "王五",
      attributes: action.map { [TextUnit.serviceActionAttribute: $0] } ?? [:])
  }

  static func part(_ term: String, in text: String) throws -> MatchedPart {
    let scalars = Array(text.unicodeScalars)
    let needle = Array(term.unicodeScalars)
    let start = try #require(scalars.indices.first { scalars[$0...].starts(with: needle) })
    return MatchedPart(term: term, text: term, start: start, end: start + needle.count)
  }

  static let members = (1...90).map { "成员\($0)" }.joined(separator: ", ")

  /// Long events whose match lies far from the label: each excerpt is cut and starts with it.
  static let longEvents: [(text: String, term: String, label: String)] = [
    ("[service: invite_members] \(members), 跑分车队", "跑分车队", "[service: invite_members]"),
    ("[service: edit_group_title] \(String(repeating: "新群", count: 200))菠菜代理群", "菠菜代理群", "[service: edit_group_title]"),
    ("[service: pin_message] \(members) 后台控制输赢 \(members)", "后台控制输赢", "[service: pin_message]"),
    ("[service] \(members) 防红域名", "防红域名", "[service]"),
    ("[service: create_group] \(members), 卡农群\(String(repeating: "。", count: 300))", "卡农群", "[service: create_group]"),
    ("[service: edit_group_photo] \(String(repeating: "图", count: 500)) 四件套", "四件套", "[service: edit_group_photo]"),
  ]

  @Test(arguments: longEvents.indices)
  func aCutServiceExcerptKeepsItsLabel(_ index: Int) throws {
    let row = Self.longEvents[index]
    let unit = Self.event(row.text, action: row.label == "[service]" ? "service" : "x")
    let excerpt = Excerpt.make(unit: unit, parts: [try Self.part(row.term, in: row.text)])
    #expect(excerpt.hasPrefix("\(row.label) …"), "\(excerpt.prefix(40))")
    #expect(excerpt.contains(row.term))
    #expect(excerpt.unicodeScalars.count < row.text.unicodeScalars.count)
  }

  /// Excerpts that need no label added: short events, long events cut after the label, and
  /// ordinary messages (even one that starts with the same words).
  static let unchanged: [(unit: TextUnit, term: String)] = [
    (event("[service: pin_message] message 41 跑分"), "跑分"),
    (event("[service: invite_members] 张三, 李四 菠菜群"), "菠菜群"),
    (event("[service: edit_group_title] 控制输赢 \(members)"), "控制输赢"),
    (event("[service] 防红 \(members)"), "防红"),
    (TextUnit(kind: .message, line: 1, text: "[service: pin_message] \(members) 跑分车队", speaker: "王五"), "跑分车队"),
    (TextUnit(kind: .message, line: 1, text: "\(members) 后台控制输赢", speaker: "王五"), "后台控制输赢"),
  ]

  @Test(arguments: unchanged.indices)
  func otherExcerptsAreAsTheTextGives(_ index: Int) throws {
    let row = Self.unchanged[index]
    let parts = [try Self.part(row.term, in: row.unit.text)]
    let excerpt = Excerpt.make(unit: row.unit, parts: parts)
    #expect(excerpt == Excerpt.make(text: row.unit.text, parts: parts))
  }

  @Test func aLabelIsTheBracketedActionAtTheStartOnly() {
    #expect(Excerpt.serviceLabel(of: "[service: pin_message] message 2") == "[service: pin_message]")
    #expect(Excerpt.serviceLabel(of: "[service]") == "[service]")
    #expect(Excerpt.serviceLabel(of: "[services] 跑分") == nil)
    #expect(Excerpt.serviceLabel(of: "[service: \(String(repeating: "a", count: 100))]") == nil)
    #expect(Excerpt.serviceLabel(of: "群公告 [service: pin_message]") == nil)
  }
}
