import Foundation
import Testing

@testable import Report
import TestSupport

/// With `force`, a report folder never holds the report of an earlier run beside the new one: the
/// tool's report files this run does not write are removed, and nothing else is.
@Suite struct StaleReportFilesTests {
  /// A fresh folder holding a full report of the sample case and a file the user put there.
  static func folderWithAFullReport() throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("stale")
    let directory = temporary.url
    try ReportOutput.write(SampleCase.report(), to: directory, formats: Set(ReportFormat.allCases), force: false)
    try "mine".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    return temporary
  }

  @Test func forceRemovesTheReportFilesThisRunDoesNotWrite() throws {
    let temporary = try Self.folderWithAFullReport()
    defer { temporary.remove() }
    let directory = temporary.url
    try "half".write(to: directory.appendingPathComponent(".findings.json.partial"), atomically: true, encoding: .utf8)
    #expect(
      ReportOutput.staleFiles(in: directory, writing: [.csv]) == [".findings.json.partial", "findings.json", "index.html"])
    let removed = try ReportOutput.write(SampleCase.report(), to: directory, formats: [.csv], force: true)
    #expect(removed == [".findings.json.partial", "findings.json", "index.html"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["findings.csv", "notes.txt"])
    #expect(try String(contentsOf: directory.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
  }

  @Test func rewritingEveryFormatRemovesNothing() throws {
    let temporary = try Self.folderWithAFullReport()
    defer { temporary.remove() }
    let directory = temporary.url
    #expect(ReportOutput.staleFiles(in: directory, writing: Set(ReportFormat.allCases)).isEmpty)
    let removed = try ReportOutput.write(SampleCase.report(), to: directory, formats: Set(ReportFormat.allCases), force: true)
    #expect(removed.isEmpty)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        == ["findings.csv", "findings.json", "index.html", "notes.txt"])
  }

  /// A folder that merely has a report file's name is not the tool's file and is left alone.
  @Test func aFolderNamedLikeAReportFileIsNotRemoved() throws {
    let temporary = try TemporaryFolder("stale")
    defer { temporary.remove() }
    let directory = temporary.url
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("index.html"), withIntermediateDirectories: true)
    let removed = try ReportOutput.write(SampleCase.report(), to: directory, formats: [.json], force: true)
    #expect(removed.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["findings.json", "index.html"])
  }

  @Test func aFileThatCannotBeRemovedIsNamed() {
    let message = ReportError.cannotRemove(path: "out/index.html", reason: "permission denied").description
    #expect(message.hasPrefix("cannot remove out/index.html, a report file of an earlier run"))
    #expect(message.contains("permission denied"))
  }
}
