import Foundation
import Testing

@testable import Ingest
import TestSupport

/// Checks shared by the tests of the parsers that take a unit sieve or are read in pieces.
enum SieveParity {
  /// Expects `runs` to hold `whole`'s units where one within `radius` of them holds `token`, and
  /// elided runs on the same lines elsewhere; returns the indices of the units holding `token`.
  @discardableResult
  static func expectKept(_ runs: [TextUnit], _ whole: [TextUnit], token: String, radius: Int) -> Set<Int> {
    let sieved = expanded(runs, along: whole)
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

  /// `sieved` with each elided run (`TextUnit.span` messages) written as one elided unit per
  /// message, on the lines of the matching messages of `whole`, the same read without a sieve.
  /// Expects every run to cover exactly its messages' lines and to stand for at least one message.
  static func expanded(_ sieved: [TextUnit], along whole: [TextUnit]) -> [TextUnit] {
    var units: [TextUnit] = []
    for unit in sieved {
      guard unit.kind == .elided else {
        #expect(unit.span == 1)
        units.append(unit)
        continue
      }
      #expect(unit.span >= 1)
      let messages = whole[min(units.count, whole.count)..<min(units.count + unit.span, whole.count)]
      #expect(messages.count == unit.span)
      #expect(unit.line == messages.first?.line && unit.endLine == messages.last?.endLine)
      units += messages.map { TextUnit.elided(line: $0.line, endLine: $0.endLine, conversation: unit.conversation) }
    }
    #expect(TextUnit.count(of: sieved) == units.count)
    return units
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
    let temporary = try TemporaryFolder("pieces")
    defer { temporary.remove() }
    let folder = temporary.url
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
