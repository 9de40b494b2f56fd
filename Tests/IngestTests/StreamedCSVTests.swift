import Foundation
import Testing

@testable import Ingest

/// A large CSV chat export reaches the scan in batches with the units, lines and diagnostics of
/// a whole read.
@Suite struct StreamedCSVTests {
  /// A MemoTrace v1 CSV of `rows` messages; every 100th spans two lines (a quoted line break),
  /// and one row has too few fields.
  static func memoTraceCSV(rows: Int) -> String {
    var text = "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"
    for index in 0..<rows {
      let content = index % 100 == 0 ? "\"第\(index)条，\n接口做了AES加密\"" : "第\(index)条：删除重复订单"
      let fields = index == 7 ? "\(index),5,1,0" : "\(index),5,1,0,\(index % 2),\(1_682_948_412 + index),2,\(content),2023-05-01 21:40:12,,张三,"
      text += fields + "\n"
    }
    return text
  }

  @Test func aLargeMemoTraceCSVComesInBatchesWithTheUnitsOfAWholeRead() throws {
    let rows = UnitBatches.standardSize + 250
    let (temporary, folder, entry) = try StreamedReadingTests.folder("张三_utf8.csv", Array(Self.memoTraceCSV(rows: rows).utf8))
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let batched = StreamedReadingTests.streamed(folder, entry, policy: StreamingPolicy())

    #expect(whole.format == .wechatMemoTraceCSV)
    #expect(whole.units.count == rows - 1)
    #expect(whole.units.last?.line == rows + 1 + (rows + 99) / 100)
    #expect(whole.diagnostics.map(\.line) == [10])
    #expect(batched.pieces == 2)
    #expect(batched.units == whole.units)
    #expect(batched.document.unitCount == rows - 1)
    #expect(batched.document.diagnostics == whole.diagnostics)
  }
}
