import Foundation
import Testing

@testable import Ingest

/// wechat-dump TXT takes the unit sieve and a large file is read in pieces cut before a header.
@Suite struct WechatDumpTXTSieveTests {
  /// `count` messages; every 61st holds 命中, every 9th runs over a second line, every 13th is a
  /// transfer whose amount is on its second line.
  static func dump(count: Int) -> String {
    (0..<count).map { index in
      let time = String(format: "2015-03-01 %02d:%02d:%02d", index / 3_600, index / 60 % 60, index % 60)
      let type = index % 13 == 0 ? WechatDumpTXTParser.transferType : 1
      let body = index % 61 == 0 ? "第\(index)条，命中" : "第\(index)条"
      let more = index % 13 == 0 ? "\n转账金额 ￥\(index).00" : index % 9 == 0 ? "\n第二行\n" : ""
      return "\(type)|\(index % 2 == 0 ? "me" : "张三"):\(time):\(body)\(more)"
    }.joined(separator: "\n") + "\n"
  }

  @Test func sievedReadKeepsWhatPasses() {
    var source = SourceText(text: Self.dump(count: 3_000), path: "张三.txt", encoding: .utf8, options: IngestOptions())
    let whole = WechatDumpTXTParser().parse(source)
    source.sieve = SieveParity.sieve(passing: "命中", radius: 1)
    let sieved = WechatDumpTXTParser().parse(source)
    #expect(sieved.diagnostics == whole.diagnostics)
    #expect(whole.units.count == 3_000)
    #expect(SieveParity.expectKept(sieved.units, whole.units, token: "命中", radius: 1).count == 50)
    #expect(whole.units[9].text == "第9条\n第二行" && whole.units[9].endLine == whole.units[9].line + 1)
    #expect(whole.units[13].attributes["amountFen"] == "1300")
  }

  @Test func aLargeFileReadInPiecesGivesTheUnitsOfAWholeRead() throws {
    let (whole, streamed, pieces, manifest) = try SieveParity.readWholeAndInPieces(Self.dump(count: 4_000), name: "张三.txt")
    #expect(whole.format == .wechatDumpTXT && whole.units.count == 4_000)
    #expect(pieces > 3)
    #expect(manifest.format == .wechatDumpTXT && manifest.unitCount == 4_000)
    #expect(streamed == whole.units)
  }
}
