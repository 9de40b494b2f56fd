import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// The units the HTML report keeps of a document do not depend on how it was cut: a document read
/// in pieces gives the index.html and findings.json of a whole read.
@Suite struct PieceCutExcerptTests {
  /// `UnitSieveScanTests.evidence()` (a large MemoTrace chat, its CRLF copy and a small one) with
  /// two more cut from the large one: 1,990 messages (kept whole) and 2,050 (just above the
  /// whole-document limit).
  static func evidence() throws -> TemporaryFolder {
    let temporary = try UnitSieveScanTests.evidence()
    let folder = temporary.url
    let large = try String(contentsOf: folder.appendingPathComponent("项目群.txt"), encoding: .utf8)
    let records = large.components(separatedBy: "\n\n")
    for (name, count) in [("近线.txt", 1_990), ("过线.txt", 2_050)] {
      try (records.prefix(count).joined(separator: "\n\n") + "\n").write(
        to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return temporary
  }

  /// The shipped lexicons, loaded once.
  static var lexicon: LexiconSet {
    get throws { try loaded.get() }
  }
  private static let loaded = Result { try SpillingScanTests.shipped() }

  /// A scan of `folder` as `mingjian scan` runs it, the `streamed` notes dropped (a read in pieces
  /// says so in the manifest): index.html showing `limit` findings per group, and findings.json.
  static func outputs(
    _ folder: URL, sieves: Bool, limit: Int, streaming: StreamingPolicy
  ) throws -> (html: String, json: Data, report: CaseReport) {
    var pipeline = ScanPipeline(lexicon: try lexicon, subjects: ["小李"], streaming: streaming)
    pipeline.sievesUnits = sieves
    var report = try pipeline.runSpilling(folder: folder, htmlLimit: limit)
    for index in report.documents.indices { report.documents[index].diagnostics.removeAll { $0.code == "streamed" } }
    return (HTMLReportWriter(findingLimit: limit).render(report), JSONReportWriter().render(report), report)
  }

  /// The lines of the first and of the last unit of each piece but the first and the last.
  static func pieceEdges(_ folder: URL, _ path: String, _ streaming: StreamingPolicy) throws -> (firsts: Set<Int>, lasts: Set<Int>) {
    let evidence = try EvidenceFolder(root: folder)
    let entry = try #require(evidence.entries().first { $0.relativePath == path })
    var pieces: [[TextUnit]] = []
    _ = evidence.read(entry, streaming: streaming) { pieces.append($0.units) }
    return (
      Set(pieces.dropFirst().compactMap { $0.first?.line }), Set(pieces.dropLast().compactMap { $0.last?.line })
    )
  }

  @Test(arguments: [true, false])
  func aReadInPiecesWritesTheReportOfAWholeRead(sieves: Bool) throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    for limit in [0, 3] {
      let whole = try Self.outputs(folder, sieves: sieves, limit: limit, streaming: StreamingPolicy())
      let documents = Dictionary(uniqueKeysWithValues: whole.report.documents.map { ($0.path, $0) })
      #expect(documents["项目群.txt"]?.isExcerpted == true && documents["过线.txt"]?.isExcerpted == true)
      #expect(documents["近线.txt"]?.units.count == 1_990)
      for pieceBytes in [700, 40_000] {
        let streaming = StreamingPolicy(thresholdBytes: 1_000, pieceBytes: pieceBytes)
        let cut = try Self.outputs(folder, sieves: sieves, limit: limit, streaming: streaming)
        #expect(cut.html == whole.html, "limit \(limit), pieces of \(pieceBytes) bytes")
        #expect(cut.json == whole.json, "limit \(limit), pieces of \(pieceBytes) bytes")
      }
    }
  }

  @Test func findingsLieOnTheEdgesOfPieces() throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let streaming = StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 700)
    let report = try Self.outputs(folder, sieves: true, limit: 0, streaming: streaming).report
    for path in ["项目群.txt", "项目群-crlf.txt", "过线.txt"] {
      let edges = try Self.pieceEdges(folder, path, streaming)
      let lines = Set(report.findings.filter { $0.path == path }.map(\.line))
      #expect(!lines.isDisjoint(with: edges.firsts), "\(path): a finding on the first unit of a piece")
      #expect(!lines.isDisjoint(with: edges.lasts), "\(path): a finding on the last unit of a piece")
    }
  }
}
