import Foundation
import Testing

@testable import Ingest

/// Checks shared by the tests of the parsers that take a unit sieve or are read in pieces.
enum SieveParity {
  /// Expects `sieved` to hold `whole`'s units where one within `radius` of them holds `token`, and
  /// elided units on the same lines elsewhere; returns the indices of the units holding `token`.
  @discardableResult
  static func expectKept(_ sieved: [TextUnit], _ whole: [TextUnit], token: String, radius: Int) -> Set<Int> {
    #expect(sieved.count == whole.count)
    let hits = Set(whole.indices.filter { whole[$0].text.contains(token) })
    for index in whole.indices where index < sieved.count {
      if hits.contains(where: { abs($0 - index) <= radius }) {
        #expect(sieved[index] == whole[index])
      } else {
        #expect(sieved[index].kind == .elided)
        #expect(sieved[index].line == whole[index].line && sieved[index].endLine == whole[index].endLine)
        #expect(sieved[index].conversation == whole[index].conversation)
      }
    }
    return hits
  }

  /// A sieve passing the bodies that hold `token`, keeping `radius` messages on either side.
  static func sieve(passing token: String, radius: Int) -> UnitSieve {
    UnitSieve(radius: radius, minimumUnits: 0) {
      { body in String(decoding: body, as: UTF8.self).contains(token) }
    }
  }

  /// `text` written as `name` in a fresh folder, read whole and in pieces of about 30 KB: the
  /// whole read, the units of the pieces in order, how many pieces, and the manifest entry.
  static func readWholeAndInPieces(_ text: String, name: String) throws -> (
    whole: EvidenceDocument, streamed: [TextUnit], pieces: Int, manifest: EvidenceDocument
  ) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mingjian-pieces-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    let evidence = try EvidenceFolder(root: folder)
    let entry = try #require(evidence.entries().first)
    let whole = evidence.read(entry)
    var pieces = 0
    var streamed: [TextUnit] = []
    let manifest = evidence.read(entry, streaming: StreamingPolicy(thresholdBytes: 50_000, pieceBytes: 30_000)) { piece in
      pieces += 1
      streamed += piece.units
    }
    return (whole, streamed, pieces, manifest)
  }
}
