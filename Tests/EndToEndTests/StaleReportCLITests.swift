import Foundation
import Testing
import TestSupport

/// `scan --force` into a folder holding an earlier report leaves no stale report file beside the
/// new one, says which it removed, and `--help` says so.
@Suite(.serialized) struct StaleReportCLITests {
  @Test func forceRemovesTheEarlierReportFilesThisRunDoesNotWrite() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let out = temporary.url.appendingPathComponent("stale")
    let first = try CommandRunner.run(["scan", "corpus/demo", "-o", out.path, "--subject", "小李"])
    #expect(first.status == 0, "stderr: \(first.stderr)")
    try "mine".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let second = try CommandRunner.run(["scan", "corpus/demo", "-o", out.path, "--force", "--format", "csv"])
    #expect(second.status == 0, "stderr: \(second.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["findings.csv", "notes.txt"])
    #expect(
      second.stderr.contains(
        "removed findings.json, index.html from \(out.path): files of an earlier report that this run does not write"),
      "stderr: \(second.stderr)")
  }

  @Test func theHelpOfScanSaysWhatForceRemoves() throws {
    let help = try CommandRunner.run(["scan", "--help"])
    #expect(help.status == 0)
    let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("this tool's report files the run does not write"), "\(help.stdout)")
    #expect(text.contains("are removed") && text.contains("Other files are left alone."))
  }
}
