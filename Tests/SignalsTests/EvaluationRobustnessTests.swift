import Foundation
import Ingest
import Testing

@testable import Signals

/// The shipped packs on lines made at random from their own vocabulary: terms, negation, refusal
/// and request words, reported-speech words, amounts, quotes, brackets, line breaks, emoji and
/// characters that folding drops. The lines are nonsense on purpose: they put next to each other,
/// in every order and at every distance, the words the clause analysis reads (negation reach,
/// reported speech and requests, refusals and their answers, quotes, forwarded text, amounts
/// and prices), where hand-written examples leave most combinations out. One evidence line that
/// made the evaluation trap would stop a whole scan, so every line must scan, and each cited part
/// must lie inside its line and be the text it says it is. Seeded: every run scans the same lines.
@Suite struct EvaluationRobustnessTests {
  /// Words that are in no pack but that the clause analysis, the amount reader or the folding reads.
  static let extras: [String] = [
    "，", "。", "？", "?", "！", "、", "：", ":", "；", "“", "”", "\"", "「", "」", "『", "』", "《", "》", "（", "）",
    "(", ")", "【", "】", "[转发]", "—", "…", "~", " ", "  ", "\n", "\t", "\u{200B}", "\u{200D}", "\u{FE0F}",
    "\u{0301}", "😀", "👍🏻", "🇨🇳", "𠀀", "Ａ", "ｐａｏｆｅｎ", "我", "你", "他", "她", "我们", "咱", "客户", "老板", "对方",
    "有人", "小王", "说", "问", "告诉", "表示", "跟他说", "回他", "要", "想要", "让", "叫", "请", "找", "要求", "希望",
    "不", "没", "不行", "不做", "可以", "行", "没问题", "吗", "呢", "吧", "如果", "要是", "这个", "这种", "那个", "的",
    "了", "是", "五千", "1.2w", "三千五", "¥800", "800元", "壹万贰仟元整", "0", "12", "100万", "U", "USDT", "%",
    "http://", "www.", ".com", "@", "#", "微信号", "vx:", "abc_12345",
  ]

  /// Every literal term, every negation word and the extras, without repeats, in a fixed order.
  static let vocabulary: [String] = {
    var words = Set(FreshTextRegressionTests.lexicon.literalTerms)
    for rule in FreshTextRegressionTests.lexicon.rules {
      let negation = rule.negation
      words.formUnion(
        negation.cues + negation.pseudo + negation.breakers + negation.hypothetical + negation.afterCues
          + negation.refusals + negation.requestRefusals)
    }
    for verb in ReportedRequest.verbs + ReportedSpeech.verbs { words.insert(String(String.UnicodeScalarView(verb))) }
    words.formUnion(extras)
    return words.sorted()
  }()

  /// `count` lines of 1 to 24 words drawn from `vocabulary`, extras drawn as often as all the
  /// rest together (so that punctuation and reported-speech words sit between most terms).
  static func lines(count: Int, seed: UInt64) -> [String] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let words = Int.random(in: 1...24, using: &generator)
      return (0..<words).map { _ in
        Bool.random(using: &generator)
          ? extras[Int.random(in: 0..<extras.count, using: &generator)]
          : vocabulary[Int.random(in: 0..<vocabulary.count, using: &generator)]
      }.joined()
    }
  }

  /// Scans `text` as one message by `speaker`, the subject being `我`.
  static func scan(_ text: String, speaker: String) -> [Signal] {
    let document = EvidenceDocument(
      path: "random.txt", sha256: "", bytes: 0, format: .plainText, status: .parsed,
      units: [TextUnit(kind: .message, line: 1, text: text, speaker: speaker)])
    return FreshTextRegressionTests.scanner.scan(document, subjects: ["我"])
  }

  @Test(arguments: [(UInt64(1), "我"), (UInt64(2), "客户"), (UInt64(3), "我")])
  func randomLinesScanAndCiteTheirOwnText(seed: UInt64, speaker: String) {
    var signalCount = 0
    for text in Self.lines(count: 1_000, seed: seed) {
      let scalars = Array(text.unicodeScalars)
      for signal in Self.scan(text, speaker: speaker) {
        signalCount += 1
        for part in signal.matched {
          #expect(part.start >= 0 && part.start <= part.end && part.end <= scalars.count, "\(signal.ruleID) in \(text)")
          guard part.start >= 0, part.start <= part.end, part.end <= scalars.count else { continue }
          let cited = String(String.UnicodeScalarView(scalars[part.start..<part.end]))
          #expect(cited == part.text, "\(signal.ruleID): \(part.text) is not \(cited) in \(text)")
        }
      }
    }
    // The lines are made of the packs' own words: a run that found nothing scanned nothing.
    #expect(signalCount > 100)
  }

  /// Conversations of such lines between the subject and two others, a minute apart, some
  /// forwarded: what reads across messages (sequences, prices linked to an earlier service,
  /// speaker roles) scans too, and every signal and every unit it relates to is a line of the
  /// conversation.
  @Test func randomConversationsScanAndCiteTheirOwnLines() {
    var generator = SplitMix64(seed: 7)
    let speakers = ["我", "客户", "老王"]
    var signalCount = 0
    for conversation in 0..<150 {
      let lines = Self.lines(count: Int.random(in: 2...12, using: &generator), seed: UInt64(100 + conversation))
      let units = lines.enumerated().map { index, text in
        TextUnit(
          kind: .message, line: index + 1, text: text, speaker: speakers[Int.random(in: 0..<3, using: &generator)],
          time: ChatTime(epochSeconds: 1_700_000_000 + Int64(60 * index), raw: ""), conversation: "c\(conversation)",
          attributes: Int.random(in: 0..<8, using: &generator) == 0 ? [TextUnit.forwardedFromAttribute: "群聊"] : [:])
      }
      let document = EvidenceDocument(
        path: "random.txt", sha256: "", bytes: 0, format: .plainText, status: .parsed, units: units)
      for signal in FreshTextRegressionTests.scanner.scan(document, subjects: ["我"]) {
        signalCount += 1
        #expect((1...units.count).contains(signal.line) && signal.endLine == signal.line, "\(signal.ruleID)")
        for related in signal.related { #expect((1...units.count).contains(related.line), "\(signal.ruleID)") }
        guard (1...units.count).contains(signal.line) else { continue }
        let scalars = Array(units[signal.line - 1].text.unicodeScalars)
        for part in signal.matched {
          #expect(part.start >= 0 && part.start <= part.end && part.end <= scalars.count, "\(signal.ruleID)")
        }
      }
    }
    #expect(signalCount > 100)
  }
}
