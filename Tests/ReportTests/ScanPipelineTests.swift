import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

@Suite struct ScanPipelineTests {
  /// A temporary evidence folder with a few plain-text files and a PNG.
  static func makeEvidence() throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("report")
    let root = temporary.url
    let manager = FileManager.default
    try manager.createDirectory(
      at: root.appendingPathComponent("case-a"), withIntermediateDirectories: true)
    for index in 0..<12 {
      let text = (0..<20).map { line in
        line % 5 == 2 ? "第\(index)号：后台要能控制输赢" : "普通的一行 \(index)-\(line)"
      }.joined(separator: "\n")
      try text.write(
        to: root.appendingPathComponent("case-a/note-\(index).txt"), atomically: true,
        encoding: .utf8)
    }
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).write(
      to: root.appendingPathComponent("截图.png"))
    return temporary
  }

  /// One rule (控制输赢, item (四)) over the sample case's packs and clauses.
  static let lexicon = LexiconSet(
    packs: SampleCase.lexicon.packs,
    rules: [
      LexiconRule(
        id: "gambling.win-control", packID: "gambling", title: "要求后台控制输赢", level: .high,
        weight: 0.9, clauses: ["interp2019.art11.4"], match: .term("控制输赢"))
    ],
    clauses: SampleCase.catalogue)
  var lexicon: LexiconSet { Self.lexicon }

  @Test func scansEveryFileAndKeepsTheManifestComplete() throws {
    let temporary = try Self.makeEvidence()
    defer { temporary.remove() }
    let root = temporary.url
    let report = try ScanPipeline(lexicon: lexicon, subjects: []).run(folder: root)
    #expect(report.documents.count == 13)
    #expect(report.documents.map(\.path) == report.documents.map(\.path).sorted())
    #expect(report.findings.count == 12 * 4)
    #expect(report.findings.first?.line == 3)
    #expect(report.evidenceFolder == root)
  }

  @Test func parallelRunEqualsASequentialRunByteForByte() throws {
    let temporary = try Self.makeEvidence()
    defer { temporary.remove() }
    let root = temporary.url
    let parallel = try ScanPipeline(lexicon: lexicon, subjects: ["小李"]).run(folder: root)
    let folder = try EvidenceFolder(root: root)
    let scanner = SignalScanner(lexicon: lexicon)
    let documents = folder.entries().map(folder.read)
    let sequential = CaseReport(
      documents: documents,
      signals: documents.flatMap { scanner.scan($0, subjects: ["小李"]) },
      lexicon: lexicon, subjects: ["小李"])
    let writer = JSONReportWriter()
    #expect(writer.render(parallel) == writer.render(sequential))
    let again = try ScanPipeline(lexicon: lexicon, subjects: ["小李"]).run(folder: root)
    #expect(HTMLReportWriter().render(again) == HTMLReportWriter().render(parallel))
  }

  @Test func aMissingFolderIsTheOnlyFatalError() {
    let missing = URL(fileURLWithPath: "/nonexistent/mingjian-\(UUID().uuidString)")
    #expect(throws: IngestError.folderNotFound(path: missing.path)) {
      try ScanPipeline(lexicon: lexicon, subjects: []).run(folder: missing)
    }
  }
}
