import Testing

@testable import Ingest

/// The byte-level split of simple QQ senders gives what the character-level split gives.
@Suite struct QQSimpleSenderTests {
  static let senders = [
    "老王(12345678)", "老王(1234)", "老王(123a5678)", "老王()", "(12345)", "【管理员】王姐(10003)", "【管理员】", "【】老王(12345)",
    "【冒泡】a<b@c.d>", "阿强<a@example.com>", "阿强<a @example.com>", "阿强<a　@example.com>", "阿强<example.com>", "<a@b>",
    "昵称(备注)", "AMY", "a b(12345)", "【群主】【管理员】x(99999)", "老王（12345678）", "老王(12345678)(87654321)", "x)(12345)",
    "【管理员】系统消息(10000)", "系统消息(10000)", "昵称<>", "「小号」<q@q.q>", "ＡＢＣ(11111)",
  ]
  /// Senders the byte-level split leaves to the character-level one.
  static let others = ["e\u{301}(12345)", "老王\u{302A}(12345)", "老王\t(12345)", "😀(12345)", "老王(١٢٣٤٥)"]

  @Test func simpleSendersSplitAsByCharacter() {
    for sender in Self.senders {
      let fast = QQHeader.splitSimpleSender(Substring(sender))
      #expect(fast != nil, "\(sender)")
      if let fast { #expect(fast == QQHeader.splitSenderByCharacter(Substring(sender)), "\(sender)") }
    }
    for sender in Self.others {
      #expect(QQHeader.splitSimpleSender(Substring(sender)) == nil, "\(sender)")
    }
  }
}
