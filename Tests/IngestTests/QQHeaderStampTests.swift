import Testing

@testable import Ingest

/// The byte-level reading of the commonest QQ header gives what the scalar-by-scalar reading gives.
@Suite struct QQHeaderStampTests {
  @Test func fastAndScannedStampsAgree() {
    let times = ["2016-01-01 12:05:30", "2016-13-01 25:61:61", "2016/01/01 12:05:30", "2016-1-01 12:05:30", "2016-01-01  12:05:30"]
    let senders = [
      "老王(12345678)", "AMY(1)", "AM 老王", "PM\t小李", "AM", "PMX", " 前导空格", "\t制表", "\u{3000}全角空格", "\u{00A0}不换行",
      "\u{2003}em", "我的小号<a@b.c>", "a", "x ", "【管理员】张(三)(10001)", "\u{0007}响铃", "é", "😀(1)", "ab",
    ]
    var checked = 0
    for time in times {
      for sender in senders {
        for gap in [" ", "  ", ""] {
          let line = Substring(time + gap + sender)
          #expect(QQHeader.stamp(line) == QQHeader.scannedStamp(line), "\(line)")
          checked += 1
        }
      }
    }
    #expect(checked == 285)
    #expect(QQHeader.stamp("2016-01-01 12:05:30 老王(12345678)")?.senderOffset == 20)
  }

  /// Detection reads a stamp from a line's bytes, taking the line as a `Substring` only for a
  /// header of another shape: the same stamp as from the `Substring`, for every line.
  @Test func aStampFromBytesIsTheStampOfTheLine() {
    let times = ["2016-01-01 12:05:30", "2016-13-01 25:61:61", "2016/01/01 12:05:30", "2016-1-01 12:05:30", "2016-01-01 下午 1:05:30"]
    let senders = ["老王(12345678)", "AM 老王", "AM", " 前导空格", "\u{3000}全角空格", "我的小号<a@b.c>", "a", "😀(1)", ""]
    var lines = ["", " 2016-01-01 12:05:30 老王", "好的", "２016-01-01 12:05:30 老王", "2016", "2016-01-01 12:05:30"]
    for time in times {
      for sender in senders { lines += [time + " " + sender, time + "  " + sender, time + " " + sender + " PM"] }
    }
    for line in lines {
      let text = Substring(line)
      let fromBytes = Array(line.utf8).withUnsafeBufferPointer { QQHeader.stamp($0, line: text) }
      #expect(fromBytes == QQHeader.stamp(text), "\(line.debugDescription)")
    }
  }
}
