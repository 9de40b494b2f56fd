import Signals
import Testing

@testable import Report

/// `FingerprintCounter`, the spilling scan's id assignment, gives the ids `FindingFingerprint`
/// and `FindingAssembler.assignIDs` give, on its fast path and off it.
@Suite struct FingerprintCounterTests {
  /// Matched texts on the fast path (ASCII and basic CJK ideographs) and off it (full-width
  /// forms, compatibility ideographs, ideographic and no-break spaces, combining marks, Hangul,
  /// emoji), with capitals, whitespace, the base's own separator and empty text; the first and
  /// last basic ideographs and their neighbours, DEL, and texts that leave the fast path after
  /// their first characters.
  static let texts = [
    "控制输赢", "USDT", "usdt", "U s\tD\nT", "ＵＳＤＴ", "Ｕ", "走 U", "走\u{3000}U", "a\u{A0}b", "e\u{301}",
    "\u{E9}", "ﬁ", "\u{F900}", "한국", "💰5万", "", "a\u{1F}b", "A-Z_0~9", "\r\n", "第1-2条",
    "\u{4E00}\u{9FFF}", "\u{4DFF}", "\u{A000}", "中\u{3400}", "Ab 中\u{FF21}", "USDT\u{7F}", "控制\u{2028}X",
  ]

  /// A finding of `rule` in `path` whose matched parts have `texts`.
  static func finding(rule: String = "payment.usdt", path: String = "群聊/a.txt", texts: [String]) -> Finding {
    Finding(
      id: "", rule: rule, title: "t", level: .medium, path: path, unitIndex: 0, line: 1, endLine: 1,
      excerpt: "x", parts: texts.enumerated().map { MatchedPart(term: $1, text: $1, start: $0, end: $0 + 1) },
      polarity: .inculpatory, clauses: [], weight: 0.5, why: "w")
  }

  @Test(arguments: texts)
  func theBaseOfOneTextIsTheFingerprintBase(text: String) {
    #expect(
      FingerprintCounter.base(rule: "r.x", path: "a/b.txt", parts: Self.finding(texts: [text]).parts)
        == FindingFingerprint.base(rule: "r.x", path: "a/b.txt", matched: [text]))
  }

  @Test func theBaseOfSeveralTextsAndOfNoneIsTheFingerprintBase() {
    for texts in [[], ["USDT", "控制输赢"], Self.texts, ["", ""]] {
      let parts = Self.finding(texts: texts).parts
      #expect(
        FingerprintCounter.base(rule: "gambling.win-control", path: "路径/聊天.txt", parts: parts)
          == FindingFingerprint.base(rule: "gambling.win-control", path: "路径/聊天.txt", matched: texts))
    }
  }

  @Test func idsAndOccurrencesAreThoseOfTheFingerprint() {
    for occurrence in [1, 2, 9, 10, 123_456] {
      for texts in [["USDT"], ["ＵＳＤＴ", "控制输赢"], []] {
        let base = FindingFingerprint.base(rule: "r.x", path: "p.txt", matched: texts)
        #expect(
          FingerprintCounter.id(base: base, occurrence: occurrence)
            == FindingFingerprint.id(rule: "r.x", path: "p.txt", matched: texts, occurrence: occurrence))
      }
    }
  }

  /// The ids of `FindingFingerprint`, with each base's occurrences counted in order.
  static func referenceIDs(_ findings: [Finding]) -> [String] {
    var seen: [String: Int] = [:]
    return findings.map { finding in
      let base = FindingFingerprint.base(rule: finding.rule, path: finding.path, matched: finding.matched)
      let occurrence = seen[base, default: 0] + 1
      seen[base] = occurrence
      return FindingFingerprint.id(rule: finding.rule, path: finding.path, matched: finding.matched, occurrence: occurrence)
    }
  }

  @Test func aDocumentHandedOverInPartsGetsTheIdsOfAssignIDs() {
    let texts = Self.texts + ["usdt", "ＵＳＤＴ", "U S D T", "控制输赢", "控制 输赢"]
    var findings = texts.map { Self.finding(texts: [$0]) } + texts.map { Self.finding(rule: "other.rule", texts: [$0]) }
    findings += findings
    let expected = Self.referenceIDs(findings)
    #expect(Set(expected).count == expected.count)
    var counter = FingerprintCounter()
    let ids = findings.map { counter.id(for: $0) }
    #expect(ids == expected)
    var assigned = findings
    FindingAssembler.assignIDs(&assigned)
    #expect(assigned.map(\.id) == expected)
  }
}
