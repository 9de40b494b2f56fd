import Foundation
import Testing
import TestSupport

/// `mingjian scan` with a subject who is not among the speakers, or an empty one.
@Suite(.serialized) struct SubjectWarningCLITests {
  @Test(arguments: ["张三", "小 李"])
  func aSubjectMatchingNoSpeakerIsWarnedAboutOnStandardError(subject: String) throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let out = temporary.url.appendingPathComponent("report")
    let result = try CommandRunner.run(["scan", "corpus/demo", "-o", out.path, "--subject", subject])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("mingjian: warning: subject “\(subject)” matches no speaker"))
    #expect(result.stderr.contains("“小李”"), "the speakers found are listed")
    #expect(!result.stdout.contains("warning"))
    let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(html.contains("<dd class=\"warning\">Warning: subject “\(subject)”"))
  }

  @Test func aMatchingSubjectBringsNoWarning() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let out = temporary.url.appendingPathComponent("report")
    let result = try CommandRunner.run(["scan", "corpus/demo", "-o", out.path, "--subject", "小李", "--format", "json"])
    #expect(result.status == 0)
    #expect(!result.stderr.contains("warning"))
  }

  @Test(arguments: ["", "  "])
  func anEmptySubjectIsAUsageError(subject: String) throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let out = temporary.url.appendingPathComponent("report")
    let result = try CommandRunner.run(["scan", "corpus/demo", "-o", out.path, "--subject", subject])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--subject needs a name or account id"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  /// An empty subject in case.yml (here a YAML null, once read as a subject "null") stops the
  /// scan with a message naming case.yml and the line, as an empty `--subject` does.
  @Test(arguments: ["subjects:\n  - 小李\n  - null\n", "subjects:\n  - 小李\n  -\n"])
  func anEmptySubjectInTheCaseFileStopsTheScan(caseFile: String) throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let root = temporary.url
    let evidence = root.appendingPathComponent("evidence")
    try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
    try caseFile.write(to: evidence.appendingPathComponent("case.yml"), atomically: true, encoding: .utf8)
    try "2023-05-01 10:00:00 小李\n做一个菠菜平台，后台要能控制输赢\n\n".write(
      to: evidence.appendingPathComponent("小李.txt"), atomically: true, encoding: .utf8)
    let out = root.appendingPathComponent("report")
    let result = try CommandRunner.run(["scan", evidence.path, "-o", out.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("case.yml:3: subject 2 is"), "stderr: \(result.stderr)")
    #expect(!result.stderr.contains("warning"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
