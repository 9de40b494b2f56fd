import Foundation
import Ingest
import Testing

@testable import Signals
import TestSupport

/// `lexicon explain FILE:LINE`: the unit read from a file or an archive member in place, the
/// errors that name what is wrong, and the rule's speaker constraint decided with `--subject`.
@Suite struct ExplainEvidenceLineTests {
  static let chat = "2023-05-01 21:40:12 张三\n后台要能控制输赢\n\n2023-05-01 21:41:03 李四\n可以控制输赢\n"

  /// SpeakerRoleTests' rules: one per speaker constraint, each on 控制输赢.
  static let lexicon = SpeakerRoleTests.lexicon

  /// A scratch folder holding `case.zip` (chats/a.txt, a MemoTrace chat, and note.txt) and
  /// `plain.txt`, removed when the value goes.
  final class Evidence {
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
      temporary = try TemporaryFolder("explain")
      try StoredZip.bytes([("chats/a.txt", ExplainEvidenceLineTests.chat), ("note.txt", "备注\n")])
        .write(to: folder.appendingPathComponent("case.zip"))
      try Data("第一行\n第二行\n第三行\n".utf8).write(to: folder.appendingPathComponent("plain.txt"))
    }

    deinit { temporary.remove() }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
  }

  private func error(_ path: String, _ line: Int) -> EvidenceLineError? {
    do {
      _ = try EvidenceLine.read(path: path, line: line)
      return nil
    } catch {
      return error
    }
  }

  @Test func readsAMemberInPlaceAsFindingsCiteIt() throws {
    let evidence = try Evidence()
    let cited = evidence.path("case.zip") + "!/chats/a.txt"
    let line = try EvidenceLine.read(path: cited, line: 2)
    #expect(line.path == cited)
    #expect(line.unit.text == "后台要能控制输赢")
    #expect(line.unit.speaker == "张三")
    let slashed = try EvidenceLine.read(path: evidence.path("case.zip/chats/a.txt"), line: 5)
    #expect(slashed.path == cited)
    #expect(slashed.unit.speaker == "李四")
    #expect(try EvidenceLine.read(path: evidence.path("plain.txt"), line: 3).unit.text == "第三行")
  }

  @Test func errorsNameTheFileAndWhatIsWrong() throws {
    let evidence = try Evidence()
    let archive = evidence.path("case.zip")
    let missing = try #require(error(archive + "!/chats/b.txt", 1))
    #expect(missing == .memberMissing(archive: archive, member: "chats/b.txt", members: ["chats/a.txt", "note.txt"]))
    #expect(missing.description == "\(archive): the archive has no member chats/b.txt (it holds chats/a.txt, note.txt)")
    #expect(error(archive + "!/chats/a.txt", 40) == .lineAfterLastUnit(path: archive + "!/chats/a.txt", line: 40, lastLine: 5))
    let plain = evidence.path("plain.txt")
    let outOfRange = try #require(error(plain, 4))
    #expect(outOfRange == .lineOutOfRange(path: plain, line: 4, lineCount: 3))
    #expect(outOfRange.description == "\(plain): line 4 is out of range; the file has 3 lines")
    #expect(error(plain + "/x.txt", 1) == .notAnArchive(path: plain + "/x.txt", file: plain))
    #expect(error(evidence.path("absent.zip") + "!/a.txt", 1) == .fileNotFound(path: evidence.path("absent.zip")))
    #expect(error(evidence.path("absent.txt"), 1) == .fileNotFound(path: evidence.path("absent.txt")))
    #expect(error(archive + "!/chats/a.txt", 3) == .noUnitAtLine(path: archive + "!/chats/a.txt", line: 3))
    if case .notParsed(let path, let status, _) = error(archive, 1) {
      #expect(path == archive && status == .unsupported)
    } else {
      Issue.record("a ZIP named alone is no text")
    }
  }

  @Test func theSubjectDecidesWhetherTheSpeakerConstraintHolds() throws {
    let evidence = try Evidence()
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    let line = try EvidenceLine.read(path: evidence.path("case.zip") + "!/chats/a.txt", line: 2)
    let explain = { (rule: String, subjects: Set<String>) in
      try #require(scanner.explain(rule: rule, unit: line.unit, path: line.path, subjects: subjects))
    }

    let bySubject = try explain("sp.subject", ["张三"])
    #expect(bySubject.speaker?.holds == true)
    #expect(bySubject.speaker?.role == .subject)
    #expect(bySubject.signal?.speakerRole == .subject)
    #expect(bySubject.signal?.path == line.path)
    #expect(bySubject.render().contains("speaker: subject — holds: “张三” is a subject (--subject 张三)"))
    #expect(bySubject.render().contains("at \(line.path):1-2 · message by 张三"))

    let byCounterpart = try explain("sp.subject", ["李四"])
    #expect(byCounterpart.speaker?.holds == false)
    #expect(byCounterpart.tree.matched)
    #expect(byCounterpart.signal == nil)
    let rendered = byCounterpart.render()
    #expect(rendered.contains("speaker: subject — does not hold: “张三” is not among the subjects (--subject 李四): a counterpart, not a subject"))
    #expect(rendered.hasSuffix("result: no signal (the speaker constraint does not hold; the match alone holds)"))

    let noSubject = try explain("sp.subject", [])
    #expect(noSubject.speaker?.holds == true)
    #expect(noSubject.signal?.speakerRole == .unknown)
    #expect(noSubject.speaker?.reason.hasPrefix("no --subject given") == true)

    let anyone = try explain("sp.any", ["李四"])
    #expect(anyone.speaker?.holds == true)
    #expect(anyone.signal?.speakerRole == .counterpart)
  }

  /// The same decision as a scan: a system notice never counts for a subject rule, and a unit
  /// without a speaker counts, marked unknown.
  @Test func speakerChecksAgreeWithTheScan() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    let units = [
      TextUnit(kind: .system, line: 1, text: "张三撤回了一条消息：控制输赢", speaker: "张三"),
      TextUnit(kind: .paragraph, line: 2, text: "本系统可控制输赢"),
      TextUnit(kind: .message, line: 3, text: "能控制输赢", speakerID: "zhangsan_01"),
    ]
    let scanned = Set(
      scanner.scan(EvidenceDocumentFixture.document(units), subjects: ["zhangsan_01"])
        .filter { $0.ruleID == "sp.subject" }.map(\.line))
    for unit in units {
      let explanation = try #require(scanner.explain(rule: "sp.subject", unit: unit, path: "t.txt", subjects: ["zhangsan_01"]))
      #expect((explanation.signal != nil) == scanned.contains(unit.line))
      #expect(explanation.speaker?.holds == scanned.contains(unit.line))
    }
    #expect(scanned == [2, 3])
  }
}
