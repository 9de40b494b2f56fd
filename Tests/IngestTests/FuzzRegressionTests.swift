import Foundation
import Testing

@testable import Ingest

/// Inputs found by the fuzz targets in `Fuzz/` that once stopped the process; each must now
/// become a document with a status and a reason.
@Suite struct FuzzRegressionTests {
  /// A DOCX whose damaged ZIP headers made ZIPFoundation's in-memory archive seek past the end of
  /// the data and trap ("Range requires lowerBound <= upperBound").
  @Test(arguments: ["bad/zip-offset-past-end.docx", "bad/zip-offset-past-end.xlsx"])
  func zipOffsetPastTheEndIsReportedNotATrap(path: String) throws {
    let document = try Fixture.document(path)
    #expect(document.status != .parsed)
    #expect(document.reason?.isEmpty == false)
    #expect(document.units.allSatisfy { $0.line >= 1 && $0.line <= $0.endLine })
  }

  /// An XLSX whose damaged worksheet markup gave a row number 0, so a unit cited line 0.
  @Test func xlsxRowNumbersStayPositive() throws {
    let document = try Fixture.document("bad/xlsx-row-zero.xlsx")
    #expect(document.format == .xlsx)
    #expect(!document.units.isEmpty)
    #expect(document.units.allSatisfy { $0.line >= 1 && $0.line <= $0.endLine && $0.firstBodyLine >= 1 })
  }

  /// An XLSX whose member claims more compressed bytes than the whole file: ZIPFoundation kept
  /// reading past the end for over 30 seconds.
  @Test func zipMemberLargerThanTheFileIsRejectedAtOnce() throws {
    let start = Date()
    let document = try Fixture.document("bad/zip-oversized-member.xlsx")
    #expect(document.status == .error)
    #expect(document.reason?.contains("claims") == true)
    #expect(Date().timeIntervalSince(start) < 5)
  }

  /// An XLSX whose worksheet's deflate stream never ends before the end of the file:
  /// ZIPFoundation's Linux inflate loop ignored the compressed size and spun on empty reads at
  /// the end of the file for good. Its bytes now stop at the compressed size: the sheet is reported
  /// (its stream, padded, inflates past the declared size) and the rest of the workbook is read.
  @Test func zipMemberWhoseStreamNeverEndsIsReported() throws {
    let document = try Fixture.document("bad/zip-member-stream-never-ends.xlsx")
    #expect(document.format == .xlsx)
    #expect(document.status == .partial)
    #expect(document.reason?.isEmpty == false)
    let messages = document.diagnostics.map(\.message)
    #expect(messages.contains { $0.hasPrefix("sheet 聊天记录: member xl/worksheets/sheet1.xml") && $0.hasSuffix("not read") })
  }

  /// The other inputs of the same timeout class from the fuzzing sessions (each damaged
  /// differently) also end with a status and a reason.
  @Test(arguments: ["bad/zip-stream-never-ends-2.xlsx", "bad/zip-stream-never-ends-3.xlsx", "bad/zip-stream-never-ends-4.xlsx"])
  func otherNeverEndingStreamsAreReported(path: String) throws {
    let document = try Fixture.document(path)
    #expect(document.status != .parsed)
    #expect(document.reason?.isEmpty == false)
  }

  /// Deterministic damage to a numbered DOCX and an XLSX (bytes overwritten, files cut short):
  /// every copy is read to a status, with a reason unless parsed, and never cites line 0.
  @Test(arguments: ["docx/numbered-articles.docx", "xlsx/chat.xlsx"])
  func damagedOfficeFilesAlwaysEndWithAStatus(path: String) throws {
    let original = [UInt8](try Fixture.data(path))
    var generator = SplitMix(seed: 0x6D69_6E67_6A69_616E)
    for round in 0..<150 {
      var bytes = original
      if round % 3 == 2 {
        bytes.removeLast(Int(generator.next() % UInt64(bytes.count - 4)))
      } else {
        for _ in 0...(generator.next() % 4) {
          bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
        }
      }
      let document = EvidenceReader.read(data: Data(bytes), path: path)
      #expect((document.status == .parsed) == (document.reason == nil), "round \(round): \(document.reason ?? "")")
      #expect(document.units.allSatisfy { $0.line >= 1 && $0.line <= $0.endLine }, "round \(round)")
    }
  }

  /// JSON that ends, after its last line break, where a value was expected: the error cites the
  /// last line, not the line a final break would start (fuzzing found 60 such inputs).
  @Test(arguments: [
    ("{\n \"name\\u0000\":\n", 2),
    ("{\n \"messages\": [\n", 2),
    ("{\r\n \"name\":\r\n", 2),
  ])
  func aJSONErrorAtTheEndCitesTheLastLine(text: String, line: Int) throws {
    let source = SourceText(text: text, path: "result.json", encoding: .utf8, options: IngestOptions())
    let problem = try #require(TelegramJSONParser().parse(source).diagnostics.first)
    #expect(problem.line == line)
    #expect(problem.message.hasPrefix("line \(line):"))
  }

  @Test func aJavaScriptErrorAtTheEndCitesTheLastLine() throws {
    let text = "<html><script>\nconst chatMessages = [\n{ type:1,\n"
    let document = EvidenceReader.read(data: Data(text.utf8), path: "测试群.html")
    #expect(document.format == .wechatMemoTraceHTML)
    let problem = try #require(document.diagnostics.first { $0.code == "ingest.unparsed-line" })
    #expect(problem.line == 3)
  }
}
