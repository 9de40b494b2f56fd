import Foundation
import Testing

@testable import Ingest

/// WeFlow TXT shares MemoTrace's record shape, so it takes the unit sieve and is read in pieces.
@Suite struct WeFlowTXTSieveTests {
  static let path = "wechat-memotrace/张三-weflow.txt"

  @Test func fixtureReadWithASieveKeepsWhatPasses() throws {
    let text = String(decoding: try Fixture.data(Self.path), as: UTF8.self)
    var source = SourceText(text: text, path: Self.path, encoding: .utf8, options: IngestOptions())
    let parser = ParserRegistry.parser(for: source)
    #expect(parser.format == .wechatWeFlowTXT)
    let whole = parser.parse(source)
    let token = whole.units.first { $0.kind == .message }?.text.prefix(1) ?? "的"
    source.sieve = UnitSieve(radius: 0, minimumUnits: 0) {
      { body in String(decoding: body, as: UTF8.self).contains(token) }
    }
    let sieved = parser.parse(source)
    #expect(sieved.diagnostics == whole.diagnostics)
    #expect(sieved.units.count == whole.units.count)
    #expect(sieved.units.contains { $0.kind == .elided })
    for (kept, reference) in zip(sieved.units, whole.units) {
      #expect(kept.line == reference.line && kept.endLine == reference.endLine)
      if kept.kind == .elided { #expect(!reference.text.contains(token)) } else { #expect(kept == reference) }
    }
  }

  @Test func aLargeFileReadInPiecesGivesTheUnitsOfAWholeRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mingjian-weflow-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let records = (0..<4_000).map { index in
      let time = String(format: "2024-03-01 %02d:%02d:%02d", index / 3_600, index / 60 % 60, index % 60)
      let body = index % 7 == 0 ? "[转账] ￥\(index).00 已收款" : "第\(index)条\n第二行"
      return "\(time) '\(index % 2 == 0 ? "张三" : "我")'\n\(body)"
    }
    try (records.joined(separator: "\n\n") + "\n").write(
      to: folder.appendingPathComponent("张三.txt"), atomically: true, encoding: .utf8)
    let evidence = try EvidenceFolder(root: folder)
    let entry = try #require(evidence.entries().first)
    let whole = evidence.read(entry)
    #expect(whole.format == .wechatWeFlowTXT)
    #expect(whole.units.count == 4_000)
    var pieces = 0
    var streamed: [TextUnit] = []
    let manifest = evidence.read(entry, streaming: StreamingPolicy(thresholdBytes: 50_000, pieceBytes: 30_000)) { piece in
      pieces += 1
      streamed += piece.units
    }
    #expect(pieces > 3)
    #expect(manifest.format == .wechatWeFlowTXT && manifest.unitCount == 4_000)
    #expect(streamed == whole.units)
    #expect(streamed.filter { $0.kind == .transfer }.count == 572)
  }
}
