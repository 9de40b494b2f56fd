import Foundation
import Ingest
import Testing

@testable import Signals

/// Art. 11 items (一) and (二) of 法释〔2019〕15号 in the shipped packs: a notice or report that
/// names a crime weighs more than police questioning or a deleted report whose content is unsaid,
/// and a line of each shape, said by the subject, is read by the rule meant for it.
@Suite struct NoticeStrengthTests {
  static let lexicon: LexiconSet = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    // A broken pack fails the suite at its first use, with the loader's message.
    return try! LexiconLoader.load(directory: root.appendingPathComponent("lexicons"))
  }()
  static let scanner = SignalScanner(lexicon: lexicon)

  static func weight(_ ruleID: String) -> Double? {
    lexicon.rules.first { $0.id == ruleID }?.weight
  }

  /// The active rules that fire on `text` said by the subject.
  static func firing(_ text: String) -> Set<String> {
    let document = EvidenceDocument(
      path: "notice.txt", sha256: "", bytes: 0, format: .plainText, status: .parsed,
      units: [TextUnit(kind: .message, line: 1, text: text, speaker: "我")])
    let signals = scanner.scan(document, subjects: ["我"])
    return Set(signals.filter { $0.suppressedReason == nil }.map(\.ruleID))
  }

  @Test(arguments: [
    ("tech.questioned-continue", "tech.regulator-notice-continue"),
    ("tech.questioned-then-continue", "tech.regulator-notice-then-continue"),
    ("tech.complaint-suppressed", "tech.complaint-ignored"),
  ])
  func aNoticeNamingNoCrimeWeighsLess(weaker: String, stronger: String) throws {
    let weak = try #require(Self.weight(weaker))
    let strong = try #require(Self.weight(stronger))
    #expect(weak < strong)
  }

  @Test func eachShapeIsReadByItsRule() {
    #expect(Self.firing("网警打电话说平台涉嫌诈骗，我这边照常更新").contains("tech.regulator-notice-continue"))
    let questioned = Self.firing("派出所找我问了平台的事，出来以后接着维护")
    #expect(questioned.contains("tech.questioned-continue"))
    #expect(!questioned.contains("tech.regulator-notice-continue"))
    #expect(Self.firing("举报邮件我全删了，平台照常运营").contains("tech.complaint-suppressed"))
    #expect(Self.firing("硬盘里的账本万一被查，直接销毁").contains("tech.destroy-if-investigated"))
  }

  @Test func handlingItProperlyGivesNoArticleElevenFinding() {
    let clausesOf = Dictionary(Self.lexicon.rules.map { ($0.id, $0.clauses) }) { first, _ in first }
    for text in [
      "警察上门问过这个后台了，我们已经停了服务，全力配合",
      "公安来电话说有人冒用我们平台的名义诈骗，我们已经报警，平台照常运营",
      "举报信息已经上报网信办，平台暂停拉新",
      "民警来公司做反诈宣传，问了下我们平台有没有被冒用，下午接着更新系统",
    ] {
      let items = Self.firing(text).filter { (clausesOf[$0] ?? []).contains { $0.hasPrefix("interp2019.art11.") } }
      #expect(items.isEmpty, "\(text) → \(items)")
    }
  }
}
