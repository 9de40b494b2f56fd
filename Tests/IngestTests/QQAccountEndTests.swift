import Testing

@testable import Ingest

/// `QQHeader.endsWithoutAccount`, which lets detection skip splitting a sender, never says "no
/// account" of a header whose sender `splitSender` finds an account in.
@Suite struct QQAccountEndTests {
  static let senders = [
    "阿强(23456789)", "阿强(23456789)  ", "阿强(23456789)\u{3000}", "阿强(23456789)\t", "阿强<a@example.com>",
    "【管理员】王姐(10003)", "阿强", "Tom", "Tom)", "Tom>", "阿强(1234)", "阿强(12a45)", "小美🌸", "名字e\u{301}",
    "阿强(23456789) \u{301}", "李四（23456789）", "老周 ", "Ｔｏｍ", "阿强<a b@example.com>", "a",
  ]

  @Test(arguments: senders)
  func noAccountIsClaimedWhereTheSplitFindsOne(_ sender: String) throws {
    let line = "2019-09-23 20:43:38 " + sender
    let header = try #require(QQHeader.parse(Substring(line)))
    let claimed = Array(line.utf8).withUnsafeBufferPointer { QQHeader.endsWithoutAccount($0) }
    if claimed { #expect(header.accountID == nil, "\(sender)") }
  }

  @Test func everydayNamesAreAnsweredFromTheirLastBytes() {
    for sender in ["阿强", "Tom", "老周 ", "a", "小美", "王姐1"] {
      let line = Array(("2019-09-23 20:43:38 " + sender).utf8)
      #expect(line.withUnsafeBufferPointer { QQHeader.endsWithoutAccount($0) }, "\(sender)")
    }
  }
}
