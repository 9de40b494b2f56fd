import Foundation
import Testing

/// `mingjian scan` with a subject who is not among the speakers, or an empty one.
@Suite(.serialized) struct SubjectWarningCLITests {
  @Test(arguments: ["张三", "小 李"])
  func aSubjectMatchingNoSpeakerIsWarnedAboutOnStandardError(subject: String) throws {
    let out = try RepositoryPaths.temporaryDirectory().appendingPathComponent("report")
    let result = try CommandRunner.run(["scan", "corpus/demo", "-o", out.path, "--subject", subject])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("mingjian: warning: subject “\(subject)” matches no speaker"))
    #expect(result.stderr.contains("“小李”"), "the speakers found are listed")
    #expect(!result.stdout.contains("warning"))
    let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(html.contains("<dd class=\"warning\">Warning: subject “\(subject)”"))
  }

  @Test func aMatchingSubjectBringsNoWarning() throws {
    let out = try RepositoryPaths.temporaryDirectory().appendingPathComponent("report")
    let result = try CommandRunner.run(["scan", "corpus/demo", "-o", out.path, "--subject", "小李", "--format", "json"])
    #expect(result.status == 0)
    #expect(!result.stderr.contains("warning"))
  }

  @Test(arguments: ["", "  "])
  func anEmptySubjectIsAUsageError(subject: String) throws {
    let out = try RepositoryPaths.temporaryDirectory().appendingPathComponent("report")
    let result = try CommandRunner.run(["scan", "corpus/demo", "-o", out.path, "--subject", subject])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--subject needs a name or account id"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
