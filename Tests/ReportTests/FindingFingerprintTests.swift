import Testing

@testable import Report

@Suite struct FindingFingerprintTests {
  @Test func idIsPrefixedSixteenHexDigits() {
    let id = FindingFingerprint.id(rule: "gambling.win-control", path: "a.txt", matched: ["控制输赢"])
    #expect(id.hasPrefix("f-"))
    #expect(id.count == 18)
    #expect(id.dropFirst(2).allSatisfy { "0123456789abcdef".contains($0) })
  }

  @Test func fnv1aMatchesPublishedVectors() {
    #expect(FindingFingerprint.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
    #expect(FindingFingerprint.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(FindingFingerprint.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
  }

  @Test func widthCaseAndSpacesDoNotChangeTheId() {
    let plain = FindingFingerprint.id(rule: "payment.usdt", path: "a.txt", matched: ["usdt"])
    let wide = FindingFingerprint.id(rule: "payment.usdt", path: "a.txt", matched: ["ＵＳ ＤＴ"])
    #expect(plain == wide)
  }

  @Test func ruleAndPathAndTextEachChangeTheId() {
    let base = FindingFingerprint.id(rule: "r.a", path: "a.txt", matched: ["后台"])
    #expect(base != FindingFingerprint.id(rule: "r.b", path: "a.txt", matched: ["后台"]))
    #expect(base != FindingFingerprint.id(rule: "r.a", path: "b.txt", matched: ["后台"]))
    #expect(base != FindingFingerprint.id(rule: "r.a", path: "a.txt", matched: ["前台"]))
  }

  @Test func laterOccurrencesGetTheirOwnIds() {
    let first = FindingFingerprint.id(rule: "r.a", path: "a.txt", matched: ["U"], occurrence: 1)
    let second = FindingFingerprint.id(rule: "r.a", path: "a.txt", matched: ["U"], occurrence: 2)
    #expect(first == FindingFingerprint.id(rule: "r.a", path: "a.txt", matched: ["U"]))
    #expect(first != second)
  }
}
