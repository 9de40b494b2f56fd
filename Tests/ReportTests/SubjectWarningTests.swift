import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// A subject whom no speaker matches is reported, with the speakers found, in every output.
@Suite struct SubjectWarningTests {
  /// A document with two speakers (one with padding and an account id) and a system notice.
  static let chat = EvidenceDocument(
    path: "chat.txt", sha256: String(repeating: "1", count: 64), bytes: 10, format: .plainText, status: .parsed,
    units: [
      TextUnit(kind: .message, line: 1, text: "在吗", speaker: "老周"),
      TextUnit(kind: .message, line: 2, text: "在", speaker: " 阿杰 ", speakerID: "ajie_01"),
      TextUnit(kind: .message, line: 3, text: "好", speaker: "老周"),
      TextUnit(kind: .message, line: 4, text: "行", speaker: "老周"),
      TextUnit(kind: .system, line: 5, text: "撤回了一条消息"),
    ])

  @Test func theCensusCountsTrimmedNamesAndAccountIDsAsSubjectMatchingDoes() {
    var census = SpeakerCensus()
    census.add(Self.chat)
    #expect(census.messages == ["老周": 3, "阿杰": 1])
    #expect(census.matches("阿杰") && census.matches(" 阿杰") && census.matches("ajie_01"))
    #expect(!census.matches("阿 杰") && !census.matches("张三"))
    #expect(census.mostFrequent(1) == ["老周"])
    #expect(census.sievedPaths.isEmpty)
  }

  @Test func anUnmatchedSubjectIsWarnedAboutWithTheMostFrequentSpeakers() {
    let report = CaseReport(
      documents: [Self.chat], signals: [], lexicon: SampleCase.lexicon, subjects: ["ajie_01", "张三"])
    #expect(report.subjectWarnings == [SubjectWarning(subject: "张三", speakers: ["老周", "阿杰"])])
    let message = report.subjectWarnings.first?.message ?? ""
    #expect(message.contains("“张三”") && message.contains("“老周”, “阿杰”"))
  }

  @Test func everyOutputCarriesTheWarningAndNoneWhenSubjectsMatch() throws {
    let report = CaseReport(documents: [Self.chat], signals: [], lexicon: SampleCase.lexicon, subjects: ["张三"])
    let html = HTMLReportWriter().render(report)
    #expect(html.contains("<dt>Subjects</dt><dd>张三</dd>\n<dd class=\"warning\">Warning: subject “张三” matches no speaker"))
    let rendered = try FindingsFileParity.expectRenderedEqualsEncoded(report)
    let file = try JSONDecoder().decode(FindingsFile.self, from: rendered)
    #expect(file.subjectWarnings?.map(\.subject) == ["张三"])
    #expect(file.subjectWarnings?.first?.speakers == ["老周", "阿杰"])
    #expect(!HTMLReportWriter().render(SampleCase.report()).contains("class=\"warning\""))
    #expect(!String(decoding: JSONReportWriter().render(SampleCase.report()), as: UTF8.self).contains("subjectWarnings"))
  }

  /// A MemoTrace chat long enough to be sieved, in which `speaker` (阿杰, as the export writes the
  /// name) speaks only in its first messages, far from the one message a rule fires on.
  static func sievedChat(speaker: String = "阿杰") throws -> TemporaryFolder {
    var messages = (0..<5).map { (speaker, "好的，明天见 \($0)") }
    messages += (0..<2_500).map { ("老周", "快递到了吗 \($0)") }
    messages.append(("老周", "做个菠菜平台，后台要能控制输赢"))
    messages += (0..<50).map { ("老周", "我到楼下了 \($0)") }
    let text = messages.enumerated().map { index, message in
      String(format: "2023-07-%02d %02d:%02d:00 ", 1 + index / 1_440, index / 60 % 24, index % 60)
        + "\(message.0)\n\(message.1)"
    }.joined(separator: "\n\n") + "\n"
    let temporary = try TemporaryFolder("subject")
    let folder = temporary.url
    try text.write(to: folder.appendingPathComponent("微信-老周.txt"), atomically: true, encoding: .utf8)
    return temporary
  }

  @Test func aSubjectWhoseMessagesWereLeftUnreadIsNotWarnedAbout() throws {
    let temporary = try Self.sievedChat()
    defer { temporary.remove() }
    let folder = temporary.url
    let lexicon = try SpillingScanTests.shipped()
    let pipeline = ScanPipeline(lexicon: lexicon, subjects: ["阿杰"])
    var evidence = try EvidenceFolder(root: folder)
    evidence.unitSieve = pipeline.unitSieve(keeping: DocumentExcerpt())
    var sieved = SpeakerCensus()
    for entry in evidence.entries() { _ = evidence.read(entry, streaming: StreamingPolicy()) { sieved.add($0) } }
    #expect(!sieved.matches("阿杰") && !sieved.sievedPaths.isEmpty, "the sieve leaves 阿杰's messages unread")

    #expect(try pipeline.run(folder: folder).subjectWarnings.isEmpty)
    let spilled = try pipeline.runSpilling(folder: folder, htmlLimit: 50)
    #expect(spilled.subjectWarnings.isEmpty)
    // 张三 occurs nowhere in the chat: it is not parsed again, and the speakers listed are
    // those of the messages read in full, as the warning says.
    let wrong = try ScanPipeline(lexicon: lexicon, subjects: ["张三"]).runSpilling(folder: folder, htmlLimit: 50)
    #expect(wrong.subjectWarnings == [SubjectWarning(subject: "张三", speakers: ["老周"], speakersFromReadMessages: true)])
    #expect(wrong.subjectWarnings.first?.message.contains("were only searched for “张三”, which they do not contain") == true)
    // 阿 occurs in the chat (in 阿杰) but is no speaker: the chat is counted again in full.
    let mentioned = try ScanPipeline(lexicon: lexicon, subjects: ["阿"]).run(folder: folder)
    #expect(mentioned.subjectWarnings == [SubjectWarning(subject: "阿", speakers: ["老周", "阿杰"])])
  }

  /// A chat's bytes tell whether a subject can be a speaker of its unread messages: only a
  /// UTF-8 file of its own, holding none of the subjects' bytes, is done with unparsed.
  @Test func subjectPresenceIsToldFromTheBytesOfAUTF8File() throws {
    let temporary = try Self.sievedChat()
    defer { temporary.remove() }
    let folder = temporary.url
    let evidence = try EvidenceFolder(root: folder)
    let entry = try #require(evidence.entries().first)
    let document = evidence.read(entry)
    #expect(document.encoding == "utf-8")
    #expect(!SubjectPresence.mayName(["张三"], in: entry, document: document))
    #expect(!SubjectPresence.mayName([" 张三 ", "zhangsan_01"], in: entry, document: document))
    #expect(SubjectPresence.mayName(["张三", "阿杰"], in: entry, document: document))
    #expect(SubjectPresence.mayName(["菠菜"], in: entry, document: document), "a word of a message counts as present")
    var gb = document
    gb.encoding = "gb18030"
    #expect(SubjectPresence.mayName(["张三"], in: entry, document: gb), "another encoding is parsed again")
    var resized = document
    resized.bytes += 1
    #expect(SubjectPresence.mayName(["张三"], in: entry, document: resized), "a file that is not the one read")
    #expect(SubjectPresence.mayName(["e\u{301}"], in: entry, document: document), "bytes that change under normalisation")
  }

  @Test(arguments: [
    ("张三", "李四张三", true), ("张三", "张", false), ("三", "张三", true), ("ab", "xaxbab", true), ("ab", "ba", false),
    ("张三", "", false), ("张三", "张四三", false),
  ])
  func occursFindsTheBytesAnywhere(_ needle: String, _ haystack: String, _ expected: Bool) {
    let found = Array(haystack.utf8).withUnsafeBytes { SubjectPresence.occurs(Array(needle.utf8), in: $0) }
    #expect(found == expected)
  }
}
