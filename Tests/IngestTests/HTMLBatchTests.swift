import Foundation
import Testing

@testable import Ingest

/// A large HTML page is handed to the scan in batches of units while it is parsed, with the
/// units, lines, hash and diagnostics of a whole read.
@Suite struct HTMLBatchTests {
  /// A saved chat page with a title and `messages` paragraphs, each on lines of its own, or all
  /// on one line: `messages + 1` units.
  static func page(messages: Int, oneLine: Bool = false) -> String {
    let separator = oneLine ? "" : "\n"
    let body = (0..<messages).map { index in
      "<div class=\"msg\">\(separator)<p>第\(index)条：订单表里的重复订单我已经删除了，接口做了AES加密</p>\(separator)</div>"
    }
    return "<!DOCTYPE html>\n<html><head><title>聊天记录</title></head><body>\n\(body.joined(separator: separator))\n</body></html>\n"
  }

  /// On this thread, and parsed on a thread of its own (`parserThreadBytes`), the same.
  @Test(arguments: [8 << 20, 0])
  func aLargePageComesInBatchesWithTheUnitsOfAWholeRead(parserThreadBytes: Int) throws {
    let messages = UnitBatches.standardSize * 2 + 500
    let (temporary, folder, entry) = try StreamedReadingTests.folder("chat.html", Array(Self.page(messages: messages).utf8))
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let batched = StreamedReadingTests.streamed(folder, entry, policy: StreamingPolicy(parserThreadBytes: parserThreadBytes))

    #expect(whole.format == .html)
    #expect(whole.units.count == messages + 1)
    #expect(batched.pieces == 3)
    #expect(batched.units == whole.units)
    #expect(batched.units.last?.line == messages * 3 + 1)
    #expect(batched.document.units.isEmpty)
    #expect(batched.document.unitCount == messages + 1)
    #expect(batched.document.sha256 == whole.sha256)
    #expect(batched.document.status == whole.status)
    #expect(batched.document.diagnostics == whole.diagnostics)
  }

  @Test(arguments: [8 << 20, 0])
  func aSmallPageStaysOneDocument(parserThreadBytes: Int) throws {
    let (temporary, folder, entry) = try StreamedReadingTests.folder("chat.html", Array(Self.page(messages: 40).utf8))
    defer { temporary.remove() }
    let batched = StreamedReadingTests.streamed(folder, entry, policy: StreamingPolicy(parserThreadBytes: parserThreadBytes))
    #expect(batched.pieces == 1)
    #expect(batched.document.units.count == 41)
    #expect(batched.document.units == folder.read(entry).units)
  }

  @Test func theLongLineWarningCountsTheBlocksOfEveryBatch() throws {
    let messages = UnitBatches.standardSize + 8_000
    let (temporary, folder, entry) = try StreamedReadingTests.folder(
      "page.html", Array(Self.page(messages: messages, oneLine: true).utf8))
    defer { temporary.remove() }
    let batched = StreamedReadingTests.streamed(folder, entry, policy: StreamingPolicy())
    #expect(batched.pieces == 2)
    let warning = try #require(batched.document.diagnostics.first { $0.code == "ingest.long-line" })
    #expect(warning.line == 3)
    #expect(warning.message.contains("holds \(messages) text blocks"))
    #expect(batched.document.diagnostics == folder.read(entry).diagnostics)
  }
}
