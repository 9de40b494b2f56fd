import Testing

@testable import Signals

@Suite struct AhoCorasickTests {
  private func occurrences(_ patterns: [String], in text: String) -> Set<String> {
    let automaton = AhoCorasick(patterns: patterns.map { Array($0.utf8) })
    let bytes = Array(text.utf8)
    return Set(automaton.scan(bytes).map { hit in
      let end = Int(hit.end)
      let start = end - Int(automaton.patternLengths[Int(hit.pattern)])
      return "\(patterns[Int(hit.pattern)])@\(start)"
    })
  }

  @Test func findsOverlappingPatterns() {
    #expect(occurrences(["he", "she", "his", "hers"], in: "ushers") == ["she@1", "he@2", "hers@2"])
  }

  @Test func findsMixedChineseAndLatinTerms() {
    let found = occurrences(["控制输赢", "输赢", "usdt", "u", "后台"], in: "后台usdt控制输赢")
    #expect(found == ["后台@0", "usdt@6", "u@6", "控制输赢@10", "输赢@16"])
  }

  @Test func ignoresEmptyPatterns() {
    #expect(occurrences(["", "a"], in: "aa") == ["a@0", "a@1"])
  }

  @Test func agreesWithANaiveSearchOnManyTerms() {
    let stems = ["跑分", "码商", "卡农", "车手", "菠菜", "飞机", "后台", "控制", "输赢", "usdt"]
    var patterns: [String] = []
    for (index, stem) in stems.enumerated() {
      for suffix in ["", "号", "群", "平台", "\(index)"] { patterns.append(stem + suffix) }
    }
    for first in stems { for second in stems.prefix(4) { patterns.append(first + second) } }
    let text = String(repeating: "今天跑分平台的码商说后台控制输赢，菠菜群里usdt车手3卡农号飞机群", count: 3)
    let bytes = Array(text.utf8)
    var expected = Set<String>()
    for pattern in patterns {
      let needle = Array(pattern.utf8)
      for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
        expected.insert("\(pattern)@\(start)")
      }
    }
    #expect(patterns.count > 80)
    #expect(!expected.isEmpty)
    #expect(occurrences(patterns, in: text) == expected)
  }
}
