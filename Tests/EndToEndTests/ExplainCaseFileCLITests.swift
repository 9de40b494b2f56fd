import Foundation
import Testing
import TestSupport

/// `mingjian lexicon explain FILE:LINE` reads the subjects of the `case.yml` a scan of the
/// evidence folder reads (the nearest one in FILE's folder or above it) and adds `--subject` to
/// them as scan does; a member of a nested archive is cited and read as a finding cites it.
@Suite struct ExplainCaseFileCLITests {
  static let rule = "neutral-help.reported-stopped"

  /// A MemoTrace chat: 王五 asks (lines 1-2), 张三 says he reported the site (lines 4-5).
  static let chat = """
    2023-05-01 21:40:12 王五
    有人说你们的站是诈骗的

    2023-05-01 21:41:03 张三
    我向网警举报了，源码授权也收回了

    """

  /// A scratch folder holding `evidence/chats/张三.txt`, `evidence/chats.zip` (IngestTests'
  /// archive fixture, with `nested.zip!/deep.txt`) and, when given, `evidence/case.yml`.
  private static func scratch(caseFile: String?) throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("e2e")
    let root = temporary.url
    let chats = root.appendingPathComponent("evidence/chats")
    try FileManager.default.createDirectory(at: chats, withIntermediateDirectories: true)
    try Data(chat.utf8).write(to: chats.appendingPathComponent("张三.txt"))
    try FileManager.default.copyItem(
      at: RepositoryPaths.root.appendingPathComponent("Tests/IngestTests/Fixtures/archives/chats.zip"),
      to: root.appendingPathComponent("evidence/chats.zip"))
    if let caseFile { try Data(caseFile.utf8).write(to: root.appendingPathComponent("evidence/case.yml")) }
    return temporary
  }

  private static func explain(_ location: String, _ extra: [String] = [], in folder: URL) throws -> CommandRunner.Outcome {
    try CommandRunner.run(
      ["lexicon", "explain", "--lexicons", RepositoryPaths.lexicons.path, "--rule", rule, location] + extra, in: folder)
  }

  /// The first line printed, with the case.yml path shortened to the part below the scratch
  /// folder (the path printed is absolute, as the current folder resolves it).
  private static func subjectsLine(_ outcome: CommandRunner.Outcome) -> String {
    let first = outcome.stdout.prefix { $0 != "\n" }
    guard let from = first.range(of: "(from /"), let evidence = first.range(of: "/evidence/", range: from.upperBound..<first.endIndex)
    else { return String(first) }
    return String(first[..<from.upperBound].dropLast()) + String(first[evidence.lowerBound...])
  }

  /// The rules of the findings (active and suppressed) a scan of `evidence` writes to findings.json.
  private static func scannedRules(in folder: URL) throws -> [String] {
    let scan = try CommandRunner.run(
      ["scan", "evidence", "-o", "out", "--format", "json", "--lexicons", RepositoryPaths.lexicons.path], in: folder)
    #expect(scan.status == 0, "stderr: \(scan.stderr)")
    let data = try Data(contentsOf: folder.appendingPathComponent("out/findings.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let findings = (object["findings"] as? [[String: Any]] ?? []) + (object["suppressed"] as? [[String: Any]] ?? [])
    return findings.compactMap { $0["rule"] as? String }
  }

  @Test func caseFileSubjectsGiveTheRolesAScanGives() throws {
    let subjectFolder = try Self.scratch(caseFile: "subjects: [张三]\n")
    defer { subjectFolder.remove() }
    let subject = subjectFolder.url
    let held = try Self.explain("evidence/chats/张三.txt:5", in: subject)
    #expect(held.status == 0, "stderr: \(held.stderr)")
    #expect(Self.subjectsLine(held) == "subjects: 张三 (from /evidence/case.yml)")
    #expect(held.stdout.contains("speaker: subject — holds: “张三” is a subject (--subject 张三)"))
    #expect(held.stdout.contains("result: fires"))
    #expect(try Self.scannedRules(in: subject).contains(Self.rule))

    let counterpartFolder = try Self.scratch(caseFile: "subjects: [王五]\n")
    defer { counterpartFolder.remove() }
    let counterpart = counterpartFolder.url
    let refused = try Self.explain("evidence/chats/张三.txt:5", in: counterpart)
    #expect(refused.stdout.contains("speaker: subject — does not hold: “张三” is not among the subjects (--subject 王五)"))
    #expect(refused.stdout.contains("result: no signal (the speaker constraint does not hold; the match alone holds)"))
    #expect(try !Self.scannedRules(in: counterpart).contains(Self.rule))
  }

  @Test func subjectOptionsAreAddedToTheCaseFileAsScanAddsThem() throws {
    let temporary = try Self.scratch(caseFile: "subjects: [王五]\n")
    defer { temporary.remove() }
    let folder = temporary.url
    let result = try Self.explain("evidence/chats/张三.txt:5", ["--subject", "张三", "--subject", "王五"], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(Self.subjectsLine(result) == "subjects: 王五 (from /evidence/case.yml); 张三 (--subject)")
    #expect(result.stdout.contains("speaker: subject — holds: “张三” is a subject (--subject 张三, 王五)"))
  }

  @Test func withoutACaseFileOnlySubjectOptionsCount() throws {
    let temporary = try Self.scratch(caseFile: nil)
    defer { temporary.remove() }
    let folder = temporary.url
    let bare = try Self.explain("evidence/chats/张三.txt:5", in: folder)
    #expect(bare.status == 0, "stderr: \(bare.stderr)")
    #expect(bare.stdout.hasPrefix("rule \(Self.rule) on "))
    #expect(bare.stdout.contains("no --subject given, so whose words these are is unknown"))
    let named = try Self.explain("evidence/chats/张三.txt:5", ["--subject", "王五"], in: folder)
    #expect(named.stdout.contains("“张三” is not among the subjects (--subject 王五)"))
  }

  /// The nearest case.yml wins; the search starts at the file's own folder.
  @Test func theNearestCaseFileAboveTheFileIsRead() throws {
    let temporary = try Self.scratch(caseFile: "subjects: [王五]\n")
    defer { temporary.remove() }
    let folder = temporary.url
    try Data("subjects: [张三]\n".utf8).write(to: folder.appendingPathComponent("evidence/chats/case.yml"))
    let result = try Self.explain("evidence/chats/张三.txt:5", in: folder)
    #expect(Self.subjectsLine(result) == "subjects: 张三 (from /evidence/chats/case.yml)")
    #expect(result.stdout.contains("result: fires"))
    let fromAbove = try Self.explain(
      folder.appendingPathComponent("evidence/chats/../chats/张三.txt").path + ":5", in: RepositoryPaths.root)
    #expect(Self.subjectsLine(fromAbove) == "subjects: 张三 (from /evidence/chats/case.yml)")
  }

  /// A member of an archive, nested or not, takes the case.yml beside the archive on disk.
  @Test func archiveMembersTakeTheCaseFileBesideTheArchive() throws {
    let temporary = try Self.scratch(caseFile: "subjects: [张三]\n")
    defer { temporary.remove() }
    let folder = temporary.url
    let member = try Self.explain("evidence/chats.zip!/聊天记录/张三/张三.txt:2", in: folder)
    #expect(member.status == 0, "stderr: \(member.stderr)")
    #expect(Self.subjectsLine(member) == "subjects: 张三 (from /evidence/case.yml)")
    #expect(member.stdout.contains("speaker: subject — holds: “张三” is a subject (--subject 张三)"))
    for cited in ["evidence/chats.zip!/nested.zip!/deep.txt:1", "evidence/chats.zip/nested.zip/deep.txt:1"] {
      let nested = try Self.explain(cited, in: folder)
      #expect(nested.status == 0, "stderr: \(nested.stderr)")
      #expect(Self.subjectsLine(nested) == "subjects: 张三 (from /evidence/case.yml)")
      #expect(nested.stdout.contains("\nrule \(Self.rule) on “deep”\n"))
      #expect(nested.stdout.contains("at evidence/chats.zip!/nested.zip!/deep.txt:1 · line"))
    }
  }

  /// A member missing from a nested archive is named with the members it does hold.
  @Test func aMissingMemberOfANestedArchiveIsNamed() throws {
    let archive = "Tests/IngestTests/Fixtures/archives/chats.zip!/nested.zip!/"
    let missing = try CommandRunner.run(["lexicon", "explain", "--rule", Self.rule, archive + "absent.txt:1"])
    #expect(missing.status == 2)
    #expect(
      missing.stderr.contains(
        "chats.zip: the archive has no member nested.zip!/absent.txt (it holds nested.zip, nested.zip!/deep.txt, note.txt, "),
      "stderr: \(missing.stderr)")
    let far = try CommandRunner.run(["lexicon", "explain", "--rule", Self.rule, archive + "deep.txt:9"])
    #expect(far.status == 2)
    #expect(
      far.stderr.contains("chats.zip!/nested.zip!/deep.txt: line 9 is out of range; the member's last text unit ends at line 1"),
      "stderr: \(far.stderr)")
  }

  /// A case.yml that cannot be used stops explain as it stops scan, naming the file and the line.
  @Test func aBrokenCaseFileIsAnErrorNamingIt() throws {
    let temporary = try Self.scratch(caseFile: "subjects: [\"\"]\n")
    defer { temporary.remove() }
    let folder = temporary.url
    let result = try Self.explain("evidence/chats/张三.txt:5", in: folder)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("mingjian: /"), "stderr: \(result.stderr)")
    #expect(result.stderr.contains("/evidence/case.yml:1: the subject is empty"), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
