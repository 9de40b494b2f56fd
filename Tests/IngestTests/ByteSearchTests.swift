import Testing

@testable import Ingest

/// `utf8Range(of:)` finds exact UTF-8 byte matches in strings and substrings.
@Suite struct ByteSearchTests {
  @Test(arguments: [
    ("const chatMessages = [", "const", 0),
    ("<script>const chatMessages = [", "chatMessages", 14),
    ("aaab", "aab", 1),
    ("第三条 付款方式", "付款", 10),
    ("abc", "abc", 0),
    ("xabc", "bc", 2),
  ])
  func findsTheFirstOccurrence(text: String, needle: String, offset: Int) throws {
    let range = try #require(text.utf8Range(of: needle))
    #expect(text.utf8.distance(from: text.startIndex, to: range.lowerBound) == offset)
    #expect(String(text[range]) == needle)
  }

  /// A line read in place as bytes holds a needle exactly when the text holds it.
  @Test func bytesHoldANeedleExactlyWhenTheTextDoes() {
    let texts = ["", "a", "aaab", "xabc", "ab", "第三条 付款方式", "Save by Tencent MsgMgr", "<Save by Tencent MsgMg>"]
    let needles = ["", "a", "aab", "bc", "abc", "付款", "款方", "Tencent MsgMgr", "\u{FFFD}"]
    for text in texts {
      for needle in needles {
        let found = Array(text.utf8).withUnsafeBufferPointer { $0.containsBytes(Array(needle.utf8)) }
        #expect(found == text.utf8Contains(needle), "\(text.debugDescription) \(needle.debugDescription)")
      }
    }
  }

  @Test func missingLongerAndEmptyNeedlesAreNotFound() {
    #expect("abc".utf8Range(of: "abd") == nil)
    #expect("ab".utf8Range(of: "abc") == nil)
    #expect("abc".utf8Range(of: "") == nil)
    #expect("".utf8Range(of: "a") == nil)
  }

  @Test func aSubstringIsSearchedFromItsOwnStart() throws {
    let text = "付款付款 after 付款"
    let tail = text[text.utf8.index(text.startIndex, offsetBy: 6)...]
    let range = try #require(tail.utf8Range(of: "付款"))
    #expect(range.lowerBound == tail.startIndex)
    let later = tail[tail.utf8.index(tail.startIndex, offsetBy: 3)...]
    let next = try #require(later.utf8Range(of: "付款"))
    #expect(text.utf8.distance(from: text.startIndex, to: next.lowerBound) == 19)
  }

  @Test func prefixesAreComparedAsBytes() throws {
    let line: Substring = "  引用:张三:明天到账"[...].dropFirst(2)
    #expect(line.utf8HasPrefix("引用:"))
    #expect(!line.utf8HasPrefix("引用："))
    #expect(try #require(line.utf8DroppingPrefix("引用:")) == "张三:明天到账")
    #expect(line.utf8DroppingPrefix("[链接]") == nil)
    #expect("url:".utf8DroppingPrefix("url:") == "")
    #expect("ur".utf8DroppingPrefix("url:") == nil)
  }
}
