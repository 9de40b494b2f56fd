import Testing

@testable import Ingest

/// `UTF8Order`: the byte order of UTF-8 paths, as comparing their `utf8` views gives it.
@Suite struct UTF8OrderTests {
  @Test func ordersByBytesNotByCharacters() {
    #expect(UTF8Order.precedes("chat-0009.txt", "chat-0010.txt"))
    #expect(!UTF8Order.precedes("chat-0010.txt", "chat-0009.txt"))
    #expect(UTF8Order.precedes("", "a"))
    #expect(!UTF8Order.precedes("a", ""))
    #expect(!UTF8Order.precedes("", ""))
    #expect(UTF8Order.precedes("聊天", "聊天记录/张三.txt"))
    #expect(!UTF8Order.precedes("同一个", "同一个"))
    // é as one scalar (C3 A9) and as e + combining acute (65 CC 81): equal as Strings, not as bytes.
    #expect(UTF8Order.precedes("caf\u{65}\u{301}", "caf\u{E9}"))
    #expect(!UTF8Order.precedes("caf\u{E9}", "caf\u{65}\u{301}"))
    // Full-width Ａ (EF BC A1) comes after every CJK character led by E4–E9.
    #expect(UTF8Order.precedes("账单", "Ａ"))
  }

  /// Random paths of shared prefixes, CJK, ASCII and long names (stored out of line) agree with
  /// the element-by-element comparison of their UTF-8 views, in both directions.
  @Test func agreesWithComparingUTF8Views() {
    let parts = ["chat-", "0", "1", "9", "/", "聊天", "记录", "张", ".txt", "a", "Z", "é", "\u{301}", "😀", "长长长长长长长长长长"]
    var random = SeededRandom(seed: 0x5554_4638)
    let paths = (0..<400).map { _ in (0..<random.next(below: 8)).map { _ in parts[random.next(below: parts.count)] }.joined() }
    var disagreements: [(String, String)] = []
    for (index, left) in paths.enumerated() {
      let right = paths[random.next(below: paths.count)]
      for (left, right) in [(left, right), (right, left), (left, paths[index])]
      where UTF8Order.precedes(left, right) != left.utf8.lexicographicallyPrecedes(right.utf8) {
        disagreements.append((left, right))
      }
    }
    #expect(disagreements.isEmpty)
    #expect(paths.sorted(by: UTF8Order.precedes) == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }
}
