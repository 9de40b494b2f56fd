import Foundation
import Testing

@testable import Ingest
import TestSupport

/// Each piece of a file read in pieces is sieved alone; a message within `radius` of one that
/// passes is built whole all the same when the two lie on either side of a cut.
@Suite struct PieceSieveEdgeTests {
  @Test func theMessagesNearAPassAcrossACutAreBuiltWhole() throws {
    let text = UnitSieveTests.chat(count: 6_000)
    let temporary = try TemporaryFolder("piece-sieve")
    defer { temporary.remove() }
    let folder = temporary.url
    try text.write(to: folder.appendingPathComponent("群聊.txt"), atomically: true, encoding: .utf8)
    var evidence = try EvidenceFolder(root: folder)
    let entry = try #require(evidence.entries().first)
    let whole = evidence.read(entry).units
    evidence.unitSieve = UnitSieveTests.sieve(radius: 2, minimumUnits: 0)
    let hits = whole.indices.filter { whole[$0].text.contains("命中") }
    var cutsNearAHit = 0
    for pieceBytes in stride(from: 5_000, to: 9_000, by: 500) {
      var pieces: [[TextUnit]] = []
      _ = evidence.read(entry, streaming: StreamingPolicy(thresholdBytes: 1_000, pieceBytes: pieceBytes)) { pieces.append($0.units) }
      #expect(pieces.count > 15)
      let sieved = SieveParity.expanded(pieces.flatMap { $0 }, along: whole)
      #expect(sieved.count == whole.count)
      var start = 0
      for piece in pieces {
        let end = start + TextUnit.count(of: piece)
        #expect(piece.first?.kind != .elided && piece.last?.kind != .elided)
        cutsNearAHit += hits.filter { (start - 2..<start).contains($0) || (end..<end + 2).contains($0) }.count
        start = end
      }
      for index in whole.indices where hits.contains(where: { abs($0 - index) <= 2 }) {
        #expect(sieved[index] == whole[index], "pieces of \(pieceBytes) bytes, message \(index)")
      }
      #expect(sieved.filter { $0.kind == .elided }.count > 4_000)
    }
    #expect(cutsNearAHit > 0, "a pass lies within the radius of a message across a cut")
  }
}
