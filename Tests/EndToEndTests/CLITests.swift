import Foundation
import Testing
import TestSupport

/// The `mingjian` executable as a user meets it: outputs, exit codes and messages.
@Suite(.serialized) struct CLITests {
  @Test func scanWritesThreeOutputsAndIsByteIdenticalOnRerun() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let out = temporary.url.appendingPathComponent("report")
    let args = ["scan", "corpus/demo", "-o", out.path, "--subject", "小李"]
    let first = try CommandRunner.run(args)
    #expect(first.status == 0, "stderr: \(first.stderr)")
    for name in ["index.html", "findings.json", "findings.csv"] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
    }
    let json1 = try Data(contentsOf: out.appendingPathComponent("findings.json"))
    let csv = try Data(contentsOf: out.appendingPathComponent("findings.csv"))
    #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF], "CSV must start with a UTF-8 BOM")

    let refused = try CommandRunner.run(args)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("--force"))

    let second = try CommandRunner.run(args + ["--force"])
    #expect(second.status == 0)
    let json2 = try Data(contentsOf: out.appendingPathComponent("findings.json"))
    #expect(json1 == json2, "findings.json must be byte-identical on re-run")
  }

  @Test func caseFileNamesTheSubjectsAndIsListedButNotSearched() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let root = temporary.url
    let evidence = root.appendingPathComponent("evidence")
    try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
    try "subjects: [小李]\n# 后台要能控制输赢 is a note here, not evidence\n".write(
      to: evidence.appendingPathComponent("case.yml"), atomically: true, encoding: .utf8)
    try "2023-05-01 10:00:00 小李\n做一个菠菜平台，后台要能控制输赢\n\n".write(
      to: evidence.appendingPathComponent("小李.txt"), atomically: true, encoding: .utf8)
    let out = root.appendingPathComponent("report")
    let result = try CommandRunner.run(["scan", evidence.path, "-o", out.path, "--format", "json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("findings.json")))
    let file = try #require(json as? [String: Any])
    #expect(file["subjects"] as? [String] == ["小李"])
    let documents = try #require(file["documents"] as? [[String: Any]])
    let caseFile = try #require(documents.first { $0["path"] as? String == "case.yml" })
    #expect(caseFile["status"] as? String == "unsupported")
    #expect((caseFile["reason"] as? String)?.contains("case file") == true)
    #expect((caseFile["sha256"] as? String)?.count == 64)
    let findings = try #require(file["findings"] as? [[String: Any]])
    #expect(!findings.isEmpty)
    #expect(findings.allSatisfy { $0["path"] as? String == "小李.txt" })
    #expect(findings.contains { $0["speakerRole"] as? String == "subject" })
  }

  @Test func maxFileMBSetsTheSizeAboveWhichFilesAreOnlyHashed() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let root = temporary.url
    let evidence = root.appendingPathComponent("evidence")
    try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
    let chat = (0..<30_000).map { "2023-05-01 10:\(String(format: "%02d", $0 / 60 % 60)):00 小李\n第\($0)条，明天上午十点开会\n\n" }
    try chat.joined().write(to: evidence.appendingPathComponent("小李.txt"), atomically: true, encoding: .utf8)
    func document(_ extra: [String]) throws -> [String: Any] {
      let out = root.appendingPathComponent("report-\(extra.count)")
      let result = try CommandRunner.run(["scan", evidence.path, "-o", out.path, "--format", "json", "--force"] + extra)
      #expect(result.status == 0, "stderr: \(result.stderr)")
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("findings.json")))
      return try #require((json as? [String: Any])?["documents"].flatMap { $0 as? [[String: Any]] }?.first)
    }
    #expect(try document([])["status"] as? String == "parsed")
    let limited = try document(["--max-file-mb", "1"])
    #expect(limited["status"] as? String == "unsupported")
    #expect((limited["reason"] as? String)?.hasSuffix("above the 1048576-byte limit for parsing; hashed but not read") == true)
    #expect((limited["sha256"] as? String)?.count == 64)
    let refused = try CommandRunner.run(["scan", evidence.path, "-o", root.appendingPathComponent("r0").path, "--max-file-mb", "0"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("--max-file-mb must be between 1 and 2047"))
  }

  /// A report directory the scan may not write is refused before the evidence is read, not
  /// after a long scan: here the evidence folder does not even exist.
  @Test func aRefusedReportDirectoryStopsTheScanBeforeItStarts() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let root = temporary.url
    let out = root.appendingPathComponent("report")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try "old".write(to: out.appendingPathComponent("findings.json"), atomically: true, encoding: .utf8)
    let refused = try CommandRunner.run(["scan", root.appendingPathComponent("missing").path, "-o", out.path])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("report directory already exists") && refused.stderr.contains("--force"))
    #expect(!refused.stderr.contains("missing"))
  }

  /// Run from another folder, a scan finds the packs of the checkout it was built in, and a
  /// missing evidence folder is named as such (not as a lexicon problem).
  @Test func scansFromAnyFolderWithTheCheckoutsLexicons() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let elsewhere = temporary.url
    let demo = RepositoryPaths.root.appendingPathComponent("corpus/demo").path
    let scanned = try CommandRunner.run(["scan", demo, "-o", "report", "--format", "json"], in: elsewhere)
    #expect(scanned.status == 0, "stderr: \(scanned.stderr)")
    #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("report/findings.json").path))
    let missing = try CommandRunner.run(["scan", "no/such/folder", "-o", "r"], in: elsewhere)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("evidence folder not found") && !missing.stderr.contains("lexicon"))
    let noPacks = try CommandRunner.run(["lexicon", "check", "--lexicons", "no-packs-here"], in: elsewhere)
    #expect(noPacks.status == 2)
    #expect(noPacks.stderr.contains("no lexicon folder at no-packs-here") && noPacks.stderr.contains("--lexicons"))
  }

  /// A negative number given to a numeric option is a value refused by its check, not a
  /// missing value; `lexicon explain` says why a FILE:LINE cannot be read, naming the file.
  @Test func badValuesAreNamedForWhatTheyAre() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let out = temporary.url.appendingPathComponent("r").path
    let negative = try CommandRunner.run(["scan", "corpus/demo", "-o", out, "--html-limit", "-1"])
    #expect(negative.status == 2 && negative.stderr.contains("--html-limit must be 0 (all) or more"))
    let member = try CommandRunner.run(["lexicon", "explain", "--rule", "tech.pay-crypto", "e/chats.zip!/a.txt:4"])
    #expect(member.status == 2 && member.stderr.contains("mingjian: e/chats.zip: no such file"))
    let missing = try CommandRunner.run(["lexicon", "explain", "--rule", "tech.pay-crypto", "nofile.txt:3"])
    #expect(missing.status == 2 && missing.stderr.contains("mingjian: nofile.txt: no such file"))
  }

  /// The summary names a file that could not be read once, then why.
  @Test func theSummaryNamesAnUnreadableFileOnce() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let root = temporary.url
    let evidence = root.appendingPathComponent("evidence")
    try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
    #expect(FileManager.default.createFile(atPath: evidence.appendingPathComponent("empty.txt").path, contents: Data()))
    let result = try CommandRunner.run(["scan", evidence.path, "-o", root.appendingPathComponent("r").path, "--format", "json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("empty.txt") })
    #expect(line.components(separatedBy: "empty.txt").count == 2, "\(line)")
  }

  @Test func missingEvidenceFolderIsAFatalErrorNamingIt() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let out = temporary.url.appendingPathComponent("r")
    let result = try CommandRunner.run(["scan", "no/such/folder", "-o", out.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no/such/folder"))
  }

  @Test func lexiconTestPassesOnShippedPacks() throws {
    let result = try CommandRunner.run(["lexicon", "test", "lexicons"])
    #expect(result.status == 0, "\(result.stdout.suffix(2000))")
    let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.range(of: #"^\d+ passed, 0 failed$"#, options: .regularExpression) != nil)
  }

  @Test func malformedLexiconNamesFileLineAndColumnAndExits2() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let folder = temporary.url
    try FileManager.default.copyItem(
      at: RepositoryPaths.lexicons.appendingPathComponent("clauses.yml"),
      to: folder.appendingPathComponent("clauses.yml"))
    let pack = """
      lexicon: 1
      pack:
        id: broken
        title: 坏的
        version: "1"
      rules:
        - id: broken.rule
          title: 坏规则
          colour: red
          match:
            any: [后台]
          clauses: [interp2019.art11.4]
      """
    try pack.write(to: folder.appendingPathComponent("broken.yml"), atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["lexicon", "test", folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("broken.yml:9:5"), "stderr: \(result.stderr)")
  }

  @Test func clausesListsTheSevenArticle11Items() throws {
    let result = try CommandRunner.run(["clauses"])
    #expect(result.status == 0)
    for item in 1...7 { #expect(result.stdout.contains("interp2019.art11.\(item)")) }
  }

  @Test func unknownFormatIsAUsageError() throws {
    let result = try CommandRunner.run(["scan", "corpus/demo", "-o", "/tmp/x", "--format", "pdf"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown format"))
  }

  @Test func lexiconCheckPassesAndExplainTracesARuleOnAnEvidenceLine() throws {
    let check = try CommandRunner.run(["lexicon", "check"])
    #expect(check.status == 0, "\(check.stdout.suffix(1500))")
    let explain = try CommandRunner.run([
      "lexicon", "explain", "--rule", "tech.pay-offbook", "corpus/demo/微信-老周.txt:20",
    ])
    #expect(explain.status == 0, "\(explain.stderr)")
    #expect(explain.stdout.contains("钱用U结算") && explain.stdout.contains("result: fires"))
  }

  @Test func formatsListsEveryFormatWithItsDetection() throws {
    let result = try CommandRunner.run(["formats"])
    #expect(result.status == 0)
    for id in ["wechat-memotrace-txt", "qq-txt", "telegram-json", "whatsapp-txt", "docx", "pdf"] {
      #expect(result.stdout.contains(id))
    }
    #expect(result.stdout.contains("detected by:"))
  }

  @Test func evalPrintsPerItemScoresAndTheCleanCaseLine() throws {
    let result = try CommandRunner.run(["eval", "corpus"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("interp2019.art11.4") && result.stdout.contains("overall"))
    #expect(result.stdout.contains("clean cases with an Art. 11 finding: 0 of"))
  }

  @Test func lexiconNewScaffoldsAPackThatPassesItsOwnTests() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let folder = temporary.url.appendingPathComponent("lexicons")
    try FileManager.default.copyItem(at: RepositoryPaths.lexicons, to: folder)
    let created = try CommandRunner.run(["lexicon", "new", "loan-fraud", "--lexicons", folder.path])
    #expect(created.status == 0, "\(created.stderr)")
    let tested = try CommandRunner.run(["lexicon", "test", folder.path])
    #expect(tested.status == 0 && tested.stdout.contains("loan-fraud.example-control"))
    let again = try CommandRunner.run(["lexicon", "new", "loan-fraud", "--lexicons", folder.path])
    #expect(again.status == 2 && again.stderr.contains("exists"))
    let badID = try CommandRunner.run(["lexicon", "new", "Loan Fraud", "--lexicons", folder.path])
    #expect(badID.status == 2)
  }
}
