import Foundation
import Testing

@testable import Ingest

/// The warnings on the header lines of `最近联系人` messages dropped as repeats say that they were
/// dropped and where their words are cited, never that they were kept; a read in pieces gives the
/// same warnings as a whole read.
@Suite struct QQDroppedRepeatWarningTests {
  static let separator = String(repeating: "=", count: 64)

  /// A block of `messages` (header and body each) of the conversation with 阿强, in `group`.
  static func block(_ group: String, _ messages: [String]) -> [String] {
    [separator, "消息分组:\(group)", separator, "消息对象:阿强", separator, ""] + messages.flatMap { [$0, ""] }
  }

  @Test func droppedRepeatsAreWarnedOfAsDropped() throws {
    let readable = "2023-03-05 9:10:02 小李(10001001)\n在吗"
    let damaged = "2023-03-05 9:1X:40 阿强(20001001)\n钱用U结算\n不走公账"
    let badTime = "2023-13-05 9:11:00 阿强(20001001)\n后台要能控制输赢"
    let text = (Self.block("我的好友", [readable, damaged, badTime]) + Self.block("最近联系人", [readable, damaged, badTime]))
      .joined(separator: "\n")
    let document = EvidenceReader.read(data: Data(text.utf8), path: "全部消息记录.txt", options: IngestOptions())
    #expect(document.format == .qqMessageManagerTXT)
    #expect(document.units.map(\.line) == [7, 10, 14])
    let warnings = document.diagnostics.filter { $0.severity == .warning }
    #expect(warnings.compactMap(\.line).sorted() == [10, 14, 26, 30])
    let kept = warnings.filter { $0.line == 10 || $0.line == 14 }
    let dropped = warnings.filter { $0.line == 26 || $0.line == 30 }
    #expect(kept.allSatisfy { $0.message.contains("kept") && !$0.message.contains("dropped") })
    #expect(dropped.allSatisfy { !$0.message.contains("kept") && $0.message.contains("repeats a message of another block and is dropped") })
    #expect(
      dropped.first?.message
        == "line 26: the message header \"2023-03-05 9:1X:40 阿强(20001001)\" could not be read; the message on lines 26–28, in the 最近联系人 block, repeats a message of another block and is dropped: its words are cited there, with their speaker and time unknown"
    )
    #expect(dropped.last?.message.hasPrefix("line 30: the time \"2023-13-05 9:11:00\" is not a valid date and time") == true)
    #expect(dropped.last?.message.hasSuffix("its words are cited there, without a time") == true)
    #expect(document.diagnostics.last?.message.hasPrefix("3 messages of the 最近联系人 block") == true)
  }

  /// A header-like line in the body of a dropped repeat is noted as text of a dropped message.
  @Test func headerLikeLinesOfDroppedRepeatsAreNotedAsDropped() throws {
    let quoted = "2023-03-05 9:12:00 小李(10001001)\n转发：\n2023-03-05 9:10:05 阿强(20001001)"
    let text = (Self.block("我的好友", [quoted]) + Self.block("最近联系人", [quoted])).joined(separator: "\n")
    let document = EvidenceReader.read(data: Data(text.utf8), path: "全部消息记录.txt", options: IngestOptions())
    #expect(document.units.map(\.line) == [7])
    let notes = document.diagnostics.filter { $0.code == "ingest.header-like-body-line" }
    #expect(notes.map(\.line) == [9, 19])
    #expect(notes.first?.message.hasSuffix("kept as message text") == true)
    #expect(
      notes.last?.message
        == "line 19 looks like a message header but follows a body line without a blank line; it is text of a message that, in the 最近联系人 block, repeats a message of another block and is dropped: it is cited there"
    )
  }

  /// Two messages whose times are not valid repeat each other only when the times are written
  /// the same.
  @Test func invalidTimesWrittenDifferentlyAreNoRepeat() throws {
    let body = "后台要能控制输赢"
    let text = (Self.block("我的好友", ["2023-13-05 9:11:00 阿强(20001001)\n\(body)"])
      + Self.block("最近联系人", ["2023-14-05 9:11:00 阿强(20001001)\n\(body)", "2023-13-05 9:11:00 阿强(20001001)\n\(body)"]))
      .joined(separator: "\n")
    let document = EvidenceReader.read(data: Data(text.utf8), path: "全部消息记录.txt", options: IngestOptions())
    #expect(document.units.map(\.line) == [7, 16])
    #expect(document.diagnostics.map(\.code) == ["ingest.bad-time", "ingest.bad-time", "ingest.bad-time", "ingest.duplicate-block"])
    #expect(document.diagnostics.last?.message == "1 message of the 最近联系人 block repeats a message of another block and is cited there instead")
  }

  @Test func droppedRepeatWarningsReadInPiecesAreThoseOfAWholeRead() throws {
    let messages = (0..<1_500).map { index in
      let time = String(format: "2016-02-%02d %02d:%02d:%02d", 1 + index / 86_400, index / 3_600 % 24, index / 60 % 60, index % 60)
      let header = index % 97 == 3 ? String(time.dropLast()) + "X" : index % 101 == 5 ? "2016-13-01" + time.dropFirst(10) : time
      return header + " " + (index % 2 == 0 ? "阿强(20001001)" : "小李(10001001)") + "\n第\(index)条，平常的话"
    }
    let text = (Self.block("我的好友", messages) + Self.block("最近联系人", messages)).joined(separator: "\n")
    let (whole, streamed, pieces, manifest) = try SieveParity.readWholeAndInPieces(text, name: "全部消息记录.txt")
    #expect(whole.format == .qqMessageManagerTXT)
    #expect(pieces > 3)
    #expect(streamed == whole.units)
    #expect(whole.units.count == 1_500)
    #expect(manifest.diagnostics.filter { $0.code != "streamed" } == whole.diagnostics)
    let damaged = (0..<1_500).filter { $0 % 97 == 3 || $0 % 101 == 5 }.count
    let warnings = whole.diagnostics.filter { $0.severity == .warning }
    #expect(warnings.count == 2 * damaged)
    #expect(warnings.filter { $0.message.contains("is dropped: its words are cited there") }.count == damaged)
    #expect(warnings.filter { $0.message.contains("kept") }.count == damaged)
  }
}
