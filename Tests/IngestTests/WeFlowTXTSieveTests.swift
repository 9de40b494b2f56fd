import Testing

@testable import Ingest

/// WeFlow TXT shares MemoTrace's record shape, so it is read in pieces (and takes the unit sieve:
/// `UnitSieveTests`).
@Suite struct WeFlowTXTSieveTests {
  @Test func aLargeFileReadInPiecesGivesTheUnitsOfAWholeRead() throws {
    let records = (0..<4_000).map { index in
      let time = String(format: "2024-03-01 %02d:%02d:%02d", index / 3_600, index / 60 % 60, index % 60)
      let body = index % 7 == 0 ? "[转账] ￥\(index).00 已收款" : "第\(index)条\n第二行"
      return "\(time) '\(index % 2 == 0 ? "张三" : "我")'\n\(body)"
    }
    let (whole, streamed, pieces, manifest) = try SieveParity.readWholeAndInPieces(
      records.joined(separator: "\n\n") + "\n", name: "张三.txt")
    #expect(whole.format == .wechatWeFlowTXT)
    #expect(whole.units.count == 4_000)
    #expect(pieces > 3)
    #expect(manifest.format == .wechatWeFlowTXT && manifest.unitCount == 4_000)
    #expect(streamed == whole.units)
    #expect(streamed.filter { $0.kind == .transfer }.count == 572)
  }
}
