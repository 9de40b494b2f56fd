import Foundation
import Testing

@testable import Report
import TestSupport

@Suite struct ReportOutputTests {
  @Test func writesTheChosenFormats() throws {
    let temporary = try TemporaryFolder("out")
    defer { temporary.remove() }
    let directory = temporary.url.appendingPathComponent("nested/report")
    let report = SampleCase.report()
    try ReportOutput.write(report, to: directory, formats: Set(ReportFormat.allCases), force: false)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names == ["findings.csv", "findings.json", "index.html"])
    #expect(
      try Data(contentsOf: directory.appendingPathComponent("findings.json"))
        == JSONReportWriter().render(report))
    #expect(
      try Data(contentsOf: directory.appendingPathComponent("findings.csv"))
        == CSVReportWriter().render(report))
    #expect(
      try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        == HTMLReportWriter().render(report))
  }

  @Test func refusesANonEmptyDirectoryWithoutForce() throws {
    let temporary = try TemporaryFolder("out")
    defer { temporary.remove() }
    let directory = temporary.url.appendingPathComponent("report")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try "old".write(
      to: directory.appendingPathComponent("findings.json"), atomically: true, encoding: .utf8)
    #expect(throws: ReportError.directoryExists(path: directory.path)) {
      try ReportOutput.write(SampleCase.report(), to: directory, formats: [.json], force: false)
    }
    try ReportOutput.write(SampleCase.report(), to: directory, formats: [.json], force: true)
    let text = try String(
      contentsOf: directory.appendingPathComponent("findings.json"), encoding: .utf8)
    #expect(text.contains("mingjian.findings/1"))
  }

  /// What a scan checks before it starts refuses what `write` would refuse, and creates nothing.
  @Test func theCheckBeforeAScanRefusesWhatWritingWould() throws {
    let temporary = try TemporaryFolder("out")
    defer { temporary.remove() }
    let root = temporary.url
    let evidence = root.appendingPathComponent("evidence")
    try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
    let missing = root.appendingPathComponent("report")
    try ReportOutput.check(missing, evidence: evidence, force: false)
    #expect(!FileManager.default.fileExists(atPath: missing.path))
    #expect(throws: ReportError.insideEvidenceFolder(path: evidence.appendingPathComponent("out").path, evidence: evidence.path)) {
      try ReportOutput.check(evidence.appendingPathComponent("out"), evidence: evidence, force: true)
    }
    let full = root.appendingPathComponent("full")
    try FileManager.default.createDirectory(at: full, withIntermediateDirectories: true)
    try "old".write(to: full.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    #expect(throws: ReportError.directoryExists(path: full.path)) {
      try ReportOutput.check(full, evidence: evidence, force: false)
    }
    try ReportOutput.check(full, evidence: evidence, force: true)
    let file = root.appendingPathComponent("file")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    #expect(throws: ReportError.notADirectory(path: file.path)) {
      try ReportOutput.check(file, evidence: evidence, force: true)
    }
  }

  @Test func writesIntoAnExistingEmptyDirectory() throws {
    let temporary = try TemporaryFolder("out")
    defer { temporary.remove() }
    let directory = temporary.url.appendingPathComponent("report")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try ReportOutput.write(SampleCase.report(), to: directory, formats: [.csv], force: false)
    #expect(
      FileManager.default.fileExists(atPath: directory.appendingPathComponent("findings.csv").path))
  }

  @Test func refusesAFileInPlaceOfTheDirectory() throws {
    let temporary = try TemporaryFolder("out")
    defer { temporary.remove() }
    let file = temporary.url.appendingPathComponent("file")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    #expect(throws: ReportError.notADirectory(path: file.path)) {
      try ReportOutput.write(SampleCase.report(), to: file, formats: [.json], force: true)
    }
  }

  @Test func neverWritesIntoTheEvidenceFolder() throws {
    let temporary = try TemporaryFolder("out")
    defer { temporary.remove() }
    let evidence = temporary.url.appendingPathComponent("evidence")
    try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
    var report = SampleCase.report()
    report.evidenceFolder = evidence
    for target in [
      evidence, evidence.appendingPathComponent("report"),
      evidence.appendingPathComponent("a/../out"),
    ] {
      #expect(throws: ReportError.insideEvidenceFolder(path: target.path, evidence: evidence.path))
      {
        try ReportOutput.write(report, to: target, formats: [.html], force: true)
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: evidence.path).isEmpty)
    let sibling = URL(fileURLWithPath: evidence.path + "-report")
    try ReportOutput.write(report, to: sibling, formats: [.html], force: false)
  }

  @Test func aSymlinkIntoTheEvidenceFolderIsRefusedToo() throws {
    let temporary = try TemporaryFolder("out")
    defer { temporary.remove() }
    let evidence = temporary.url.appendingPathComponent("evidence")
    let link = temporary.url.appendingPathComponent("link")
    try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: evidence)
    var report = SampleCase.report()
    report.evidenceFolder = evidence
    let target = link.appendingPathComponent("out")
    #expect(throws: ReportError.insideEvidenceFolder(path: target.path, evidence: evidence.path)) {
      try ReportOutput.write(report, to: target, formats: [.json], force: false)
    }
  }

  @Test func errorMessagesNameThePathAndWhatToDo() {
    #expect(ReportError.directoryExists(path: "out").description.contains("--force"))
    #expect(
      ReportError.cannotWrite(path: "out/index.html", reason: "disk full").description
        == "cannot write file out/index.html: disk full")
    #expect(
      ReportError.insideEvidenceFolder(path: "ev/r", evidence: "ev").description
        .contains("evidence is never modified"))
  }
}
