import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// What others said in a conversation in which no message of a subject appears is `thirdParty`,
/// not what the subject was told (`counterpart`): in findings.json, findings.csv and index.html.
/// Only when that is certain — every message of the conversation read, or the file holding no
/// spelling of a subject — are the words relabelled; the rules that fire stay the same.
@Suite struct ThirdPartyRoleTests {
  static let line = "做个菠菜平台，后台要能控制输赢"

  /// A fresh evidence folder holding `files` (relative path → text).
  static func folder(_ files: [String: String]) throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("third")
    let folder = temporary.url
    for (path, text) in files {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return temporary
  }

  /// A MemoTrace v1 chat of `messages` (speaker, text), a minute apart.
  static func memoTrace(_ messages: [(String, String)]) -> String {
    messages.enumerated().map { index, message in
      String(format: "2023-07-%02d %02d:%02d:00 ", 1 + index / 1_440, index / 60 % 24, index % 60)
        + "\(message.0)\n\(message.1)"
    }.joined(separator: "\n\n") + "\n"
  }

  /// A Telegram Desktop `result.json` with one chat per `chats` entry (name, messages).
  static func telegram(_ chats: [(name: String, messages: [(String, String)])]) -> String {
    var id = 0
    let lists = chats.map { chat in
      let messages = chat.messages.map { message in
        id += 1
        let seconds = 1_688_000_000 + id * 60
        return """
          {"id": \(id), "type": "message", "date": "2023-06-29T\(String(format: "%02d:%02d", 8 + id / 60, id % 60)):00", \
          "date_unixtime": "\(seconds)", "from": "\(message.0)", "from_id": "user\(message.0.unicodeScalars.first?.value ?? 0)", \
          "text": "\(message.1)", "text_entities": []}
          """
      }
      return "{\"name\": \"\(chat.name)\", \"type\": \"private_group\", \"id\": \(id), \"messages\": [\(messages.joined(separator: ",\n"))]}"
    }
    return """
      {"about": "synthetic", "chats": {"about": "synthetic", "list": [\(lists.joined(separator: ",\n"))]}}
      """
  }

  static func pipeline(subjects: [String] = ["小李"], streaming: StreamingPolicy = StreamingPolicy()) throws -> ScanPipeline {
    ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: subjects, streaming: streaming)
  }

  /// The in-memory and the spilling scan of `folder`, checked to write the same findings files.
  static func scans(_ folder: URL, _ pipeline: ScanPipeline) throws -> (memory: CaseReport, spilled: CaseReport) {
    let memory = try pipeline.run(folder: folder)
    let spilled = try pipeline.runSpilling(folder: folder, htmlLimit: 50)
    #expect(JSONReportWriter().render(spilled) == JSONReportWriter().render(memory))
    #expect(CSVReportWriter().render(spilled) == CSVReportWriter().render(memory))
    #expect(spilled.clauses == memory.clauses)
    return (memory, spilled)
  }

  /// The roles of the findings on `line` said by `speaker`.
  static func roles(_ report: CaseReport, speaker: String, path: String? = nil) -> Set<SpeakerRole> {
    Set((report.findings + report.suppressed).filter { $0.speaker == speaker && path.map($0.path.hasSuffix) ?? true }.map(\.speakerRole))
  }

  @Test func aChatInWhichTheSubjectSpeaksKeepsCounterpart() throws {
    let temporary = try Self.folder([
      "微信-老周.txt": Self.memoTrace([("小李", "好的，明天见"), ("老周", Self.line), ("小李", Self.line)])
    ])
    defer { temporary.remove() }
    let folder = temporary.url
    for report in try [Self.scans(folder, Self.pipeline()).memory, Self.scans(folder, Self.pipeline()).spilled] {
      #expect(Self.roles(report, speaker: "老周") == [.counterpart])
      #expect(Self.roles(report, speaker: "小李") == [.subject])
    }
  }

  @Test func aChatInWhichNoSubjectSpeaksIsThirdParties() throws {
    let temporary = try Self.folder([
      "微信-老周.txt": Self.memoTrace([("阿强", "好的，明天见，小李也来"), ("老周", Self.line), ("阿强", Self.line)])
    ])
    defer { temporary.remove() }
    let folder = temporary.url
    let (memory, spilled) = try Self.scans(folder, Self.pipeline())
    for report in [memory, spilled] {
      #expect(Self.roles(report, speaker: "老周") == [.thirdParty])
      #expect(Self.roles(report, speaker: "阿强") == [.thirdParty])
    }
    let json = String(decoding: JSONReportWriter().render(spilled), as: UTF8.self)
    #expect(json.contains("\"speakerRole\" : \"thirdParty\""))
    #expect(!json.contains("\"counterpart\""))
    #expect(json.contains("\"thirdParty\" : {"), "the clause's byRole is keyed thirdParty")
    let csv = String(decoding: CSVReportWriter().render(spilled), as: UTF8.self)
    #expect(csv.contains(",老周,thirdParty,"))
    let html = HTMLReportWriter().render(spilled)
    #expect(html.contains("third parties: <time>"))
    #expect(html.contains(HTML.escape(ClauseMatrixSection.thirdPartyNote)))
    #expect(spilled.timeline.map(\.role).allSatisfy { $0 == .thirdParty } && !spilled.timeline.isEmpty)
  }

  @Test func withoutSubjectsEveryRoleIsUnknown() throws {
    let temporary = try Self.folder([
      "微信-老周.txt": Self.memoTrace([("阿强", "好的"), ("老周", Self.line)])
    ])
    defer { temporary.remove() }
    let folder = temporary.url
    let (memory, spilled) = try Self.scans(folder, Self.pipeline(subjects: []))
    for report in [memory, spilled] {
      #expect(Self.roles(report, speaker: "老周") == [.unknown])
      #expect(!HTMLReportWriter().render(report).contains("third parties"))
    }
  }

  /// Each chat of a Telegram export is a conversation of its own: the subject's group is what
  /// the subject was told, the chat between two others is third parties', and a chat in which
  /// one person writes and no subject answers (most likely the subject's own chat) stays told.
  @Test func eachChatOfATelegramExportIsDecidedOnItsOwn() throws {
    let export = Self.telegram([
      (name: "项目群", messages: [("小李", "收到"), ("老周", Self.line)]),
      (name: "两人私聊", messages: [("老周", Self.line), ("阿强", "好的")]),
      (name: "", messages: [("阿强", Self.line)]),
    ])
    let temporary = try Self.folder(["result.json": export])
    defer { temporary.remove() }
    let folder = temporary.url
    let (memory, spilled) = try Self.scans(folder, Self.pipeline())
    for report in [memory, spilled] {
      // 老周's line in 项目群 comes first in the file, the one in 两人私聊 second.
      let byLine = Dictionary(grouping: report.findings.filter { $0.speaker == "老周" }, by: \.line)
        .mapValues { Set($0.map(\.speakerRole)) }
      #expect(byLine.sorted { $0.key < $1.key }.map(\.value) == [[.counterpart], [.thirdParty]])
      #expect(Self.roles(report, speaker: "阿强") == [.counterpart])
    }
    // The speaker who told the subject something is shown so on the timeline.
    #expect(spilled.timeline.first { $0.speaker == "老周" }?.role == .counterpart)
    // The same export in a scan that builds every message.
    var whole = try Self.pipeline()
    whole.sievesUnits = false
    #expect(JSONReportWriter().render(try whole.run(folder: folder)) == JSONReportWriter().render(spilled))
  }

  /// A large chat read in pieces through the sieve, whose subject speaks only in messages the
  /// sieve leaves unread, stays what the subject was told; with a subject who never speaks, it
  /// is third parties' as in a scan that builds every message, whether or not the name occurs.
  /// (`SubjectWarningTests` checks that the sieve leaves 阿杰's messages of this chat unread.)
  @Test(arguments: [false, true])
  func aSievedChatIsDecidedAsAWholeReadDecides(inPieces: Bool) throws {
    let temporary = try SubjectWarningTests.sievedChat()
    defer { temporary.remove() }
    let folder = temporary.url
    let streaming = inPieces ? StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 16 << 10) : StreamingPolicy()
    let expected: [(subjects: [String], role: SpeakerRole)] = [
      (["阿杰"], .counterpart), (["张三"], .thirdParty), (["阿"], .thirdParty),
    ]
    for (subjects, role) in expected {
      let pipeline = try Self.pipeline(subjects: subjects, streaming: streaming)
      let (memory, spilled) = try Self.scans(folder, pipeline)
      for report in [memory, spilled] {
        #expect(Self.roles(report, speaker: "老周") == [role], "\(subjects)")
        if inPieces { #expect(report.documents.first?.diagnostics.contains { $0.message.contains("pieces") } == true) }
      }
      var whole = pipeline
      whole.sievesUnits = false
      // The subject warning says how the speakers were found, which differs; the findings not.
      var wholeReport = try whole.run(folder: folder)
      wholeReport.subjectWarnings = memory.subjectWarnings
      #expect(JSONReportWriter().render(wholeReport) == JSONReportWriter().render(memory))
    }
  }

  /// Only a conversation whose every unit read is a chat unit with a known speaker, none a
  /// subject's, is third parties' for certain; one with unread messages waits on them.
  @Test func aConversationIsThirdPartiesOnlyWhenNothingLeavesItUnsure() throws {
    func message(_ conversation: String?, _ speaker: String?, kind: UnitKind = .message, line: Int) -> TextUnit {
      TextUnit(kind: kind, line: line, text: "话", speaker: speaker, conversation: conversation)
    }
    var units: [TextUnit] = []
    var told: [Signal] = []
    func add(_ conversation: String?, _ others: [TextUnit]) {
      units += others
      units.append(message(conversation, "老周", line: units.count + 1))
      told.append(
        Signal(ruleID: "r", path: "a", unitIndex: units.count - 1, line: units.count, endLine: units.count, matched: [],
          speakerRole: .counterpart, why: ""))
    }
    add("他人群", [message("他人群", "阿强", line: 1)])
    add("小李群", [message("小李群", nil, kind: .system, line: 3), message("小李群", "小李", kind: .transfer, line: 4)])
    add("坏头", [message("坏头", nil, line: 6)])
    add("邮件", [message("邮件", "阿强", kind: .paragraph, line: 8)])
    add("未读", [TextUnit(kind: .elided, line: 10, endLine: 11, text: "", conversation: "未读")])
    add(nil, [message(nil, "阿强", kind: .system, line: 13), message(nil, nil, kind: .system, line: 14)])
    add("账号", [TextUnit(kind: .message, line: 16, text: "话", speakerID: "xiaoli_01", conversation: "账号")])
    add("独白", [message("独白", "老周", line: 18)])
    let document = EvidenceDocument(path: "a", sha256: "", bytes: 0, format: .plainText, status: .parsed, units: units)
    let scan = DocumentScan(scanner: SignalScanner(lexicon: try SpillingScanTests.shipped()), subjects: ["小李", "xiaoli_01"])
    var voices = ConversationVoices()
    voices.add(document, scan: scan)
    voices.noteTold(told, in: units)
    #expect(voices.certain == ["他人群", ""])
    #expect(voices.withUnreadMessages == ["未读"])
    var relabelled = told
    ConversationVoices.relabel(&relabelled, in: units, thirdParty: voices.certain)
    #expect(relabelled.map(\.speakerRole) == [.thirdParty, .counterpart, .counterpart, .counterpart, .counterpart, .thirdParty, .counterpart, .counterpart])

  }

  /// Telegram Desktop writes at most 1,000 messages per `messages*.html`: the subject may speak
  /// in another file of the chat, so a Telegram HTML chat keeps `counterpart`.
  @Test func aTelegramHTMLChatKeepsCounterpart() throws {
    let message = { (id: Int, speaker: String, text: String) in
      """
      <div class="message default clearfix" id="message\(id)"><div class="body">
      <div class="pull_right date details" title="14.05.2023 16:4\(id):00 UTC+08:00">16:4\(id)</div>
      <div class="from_name">\(speaker)</div>
      <div class="text">\(text)</div>
      </div></div>
      """
    }
    let html = """
      <!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body>
      <div class="page_wrap"><div class="page_header"><div class="content"><div class="text bold">两人私聊</div></div></div>
      <div class="page_body chat_page"><div class="history">
      \(message(1, "阿强", "好的"))
      \(message(2, "老周", Self.line))
      </div></div></div></body></html>
      """
    let temporary = try Self.folder(["ChatExport/messages.html": html])
    defer { temporary.remove() }
    let folder = temporary.url
    let (memory, spilled) = try Self.scans(folder, Self.pipeline())
    #expect(memory.documents.first?.format == .telegramHTML)
    for report in [memory, spilled] { #expect(Self.roles(report, speaker: "老周") == [.counterpart]) }
  }
}
