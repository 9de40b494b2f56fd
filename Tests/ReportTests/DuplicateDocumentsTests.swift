import Foundation
import Ingest
import Testing

@testable import Report
import TestSupport

/// Byte-identical evidence files are listed each with its findings, but the clause summary and
/// the amounts count their findings once.
@Suite struct DuplicateDocumentsTests {
  /// A folder holding one chat, or the chat and a byte-identical copy of it in a subfolder.
  static func folder(copies: Bool) throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("duplicates")
    let folder = temporary.url
    let chat = """
      2023-06-01 10:00:00 小李
      后台要能控制输赢

      2023-06-01 10:01:00 老周
      开发费三千元，钱用U结算，不走公账

      """
    try chat.write(to: folder.appendingPathComponent("chat.txt"), atomically: true, encoding: .utf8)
    if copies {
      try FileManager.default.createDirectory(at: folder.appendingPathComponent("copy"), withIntermediateDirectories: true)
      try chat.write(to: folder.appendingPathComponent("copy/chat.txt"), atomically: true, encoding: .utf8)
    }
    return temporary
  }

  @Test func aCopyIsListedButCountedOnce() throws {
    let singleFolder = try Self.folder(copies: false)
    defer { singleFolder.remove() }
    let doubledFolder = try Self.folder(copies: true)
    defer { doubledFolder.remove() }
    let (single, doubled) = (singleFolder.url, doubledFolder.url)
    let pipeline = ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: ["小李"])
    let one = try pipeline.run(folder: single)
    #expect(!one.findings.isEmpty)
    #expect(!one.amounts.isEmpty)
    for report in [try pipeline.run(folder: doubled), try pipeline.runSpilling(folder: doubled, htmlLimit: 0)] {
      #expect(report.counts.active == 2 * one.counts.active)
      #expect(report.clauses.map { "\($0.id) \($0.findings) \($0.score)" } == one.clauses.map { "\($0.id) \($0.findings) \($0.score)" })
      #expect(report.amounts.map { "\($0.totalFen) \($0.currency) \($0.findingCount)" } == one.amounts.map { "\($0.totalFen) \($0.currency) \($0.findingCount)" })
      let copy = try #require(report.documents.first { $0.path == "copy/chat.txt" })
      #expect(copy.diagnostics.contains { $0.code == "report.duplicate" && $0.message.hasPrefix("identical to chat.txt") })
      let original = try #require(report.documents.first { $0.path == "chat.txt" })
      #expect(!original.diagnostics.contains { $0.code == "report.duplicate" })
    }
  }

  @Test func onlyTheSameContentIsACopy() {
    var duplicates = DuplicateDocuments()
    let first = EvidenceDocument(path: "a.txt", sha256: "aa", bytes: 3, format: .plainText, status: .parsed)
    let other = EvidenceDocument(path: "b.txt", sha256: "bb", bytes: 3, format: .plainText, status: .parsed)
    let copy = EvidenceDocument(path: "c.txt", sha256: "aa", bytes: 3, format: .plainText, status: .parsed)
    let unhashed = EvidenceDocument(path: "d.txt", sha256: "", bytes: 0, format: .plainText, status: .error)
    let unhashedToo = EvidenceDocument(path: "e.txt", sha256: "", bytes: 0, format: .plainText, status: .error)
    #expect([first, other, copy, unhashed, unhashedToo].map { duplicates.original(of: $0) } == [nil, nil, "a.txt", nil, nil])
  }
}
