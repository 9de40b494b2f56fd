import Foundation
import Signals
import Testing

@testable import Ingest
@testable import Report
import TestSupport

/// A subject's name written escaped in an export (`&amp;`, `\'`, `\u5f20`) is found in the
/// file's bytes, so that a sieved chat where only the escaped form occurs is counted again and
/// no wrong "subject not found" warning is given.
@Suite struct EscapedSubjectPresenceTests {
  static let names = ["张三", "阿杰&小王", "O'Neil", "say \"hi\"", "a\\b", "<老板>", "x/y", "😀王", "zhangsan_01"]

  @Test func spellingsCoverWhatExportersWrite() {
    let spellings = { (name: String) in Set(EscapedSpellings.of(name).map { String(decoding: $0, as: UTF8.self) }) }
    #expect(EscapedSpellings.of("张三").first == Array("张三".utf8))
    #expect(spellings("张三") == [
      "张三", #"\u5f20\u4e09"#, #"\u5F20\u4E09"#, "&#24352;&#19977;", "&#x5f20;&#x4e09;", "&#x5F20;&#x4E09;",
    ])
    #expect(spellings("zhangsan_01") == ["zhangsan_01"])
    #expect(spellings("阿杰&小王").isSuperset(of: ["阿杰&amp;小王", #"阿杰\u0026小王"#, #"\u963f\u6770&amp;\u5c0f\u738b"#]))
    #expect(spellings("O'Neil").isSuperset(of: [#"O\'Neil"#, "O&#x27;Neil", "O&#39;Neil", "O&apos;Neil"]))
    #expect(spellings("say \"hi\"").isSuperset(of: [#"say \"hi\""#, "say &quot;hi&quot;", "say &#34;hi&#34;"]))
    #expect(spellings("a\\b").contains(#"a\\b"#))
    #expect(spellings("x/y").contains(#"x\/y"#))
    #expect(spellings("😀王").contains(#"\ud83d\ude00\u738b"#))
  }

  /// Every spelling reads back as the name through what the parsers undo: MemoTrace's name
  /// unescaping, or a JSON string's escapes and then HTML references.
  @Test(arguments: names)
  func everySpellingReadsBackAsTheName(_ name: String) throws {
    for bytes in EscapedSpellings.of(name) {
      let spelling = String(decoding: bytes, as: UTF8.self)
      let json = try? JSONDecoder().decode(String.self, from: Data(("\"" + spelling + "\"").utf8))
      let readings = [TextEscapes.memoTraceName(spelling), json.map { TextEscapes.htmlUnescape($0) }]
      #expect(readings.contains(name), "\(spelling) is no spelling of \(name)")
    }
  }

  @Test func escapedNamesInAFileArePresent() throws {
    let temporary = try TemporaryFolder("escaped")
    defer { temporary.remove() }
    let folder = temporary.url
    let files = [
      "memotrace.txt": "2023-07-01 10:00:00 阿杰&amp;小王\n在吗\n\n2023-07-01 10:01:00 O\\'Neil\n在\n",
      "ascii.json": #"{"messages": [{"from": "\u5f20\u4e09", "text": "hi"}]}"#,
      "plain.txt": "2023-07-01 10:00:00 老周\n在吗\n",
    ]
    for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    let evidence = try EvidenceFolder(root: folder)
    let read = Dictionary(uniqueKeysWithValues: evidence.entries().map { ($0.relativePath, ($0, evidence.read($0))) })
    let presence = { (subjects: [String], file: String) throws -> Bool in
      let (entry, document) = try #require(read[file])
      return SubjectPresence.mayName(subjects, in: entry, document: document)
    }
    #expect(try presence(["阿杰&小王"], "memotrace.txt"))
    #expect(try presence(["O'Neil"], "memotrace.txt"))
    #expect(try !presence(["张三", "老周"], "memotrace.txt"), "a file with escapes but neither name")
    #expect(try presence(["张三"], "ascii.json"))
    #expect(try !presence(["李四"], "ascii.json"))
    #expect(try !presence(["阿杰&小王", "O'Neil", "张三"], "plain.txt"))
  }

  /// The MemoTrace chat of `SubjectWarningTests.sievedChat`, with the subject's name written as
  /// MemoTrace escapes it in the messages the sieve leaves unread.
  @Test func aSubjectWrittenEscapedInUnreadMessagesIsNotWarnedAbout() throws {
    let temporary = try SubjectWarningTests.sievedChat(speaker: "阿杰&amp;小王")
    defer { temporary.remove() }
    let folder = temporary.url
    let lexicon = try SpillingScanTests.shipped()
    let pipeline = ScanPipeline(lexicon: lexicon, subjects: ["阿杰&小王"])
    var evidence = try EvidenceFolder(root: folder)
    evidence.unitSieve = pipeline.unitSieve(keeping: DocumentExcerpt())
    var sieved = SpeakerCensus()
    for entry in evidence.entries() { _ = evidence.read(entry, streaming: StreamingPolicy()) { sieved.add($0) } }
    #expect(!sieved.matches("阿杰&小王") && !sieved.sievedPaths.isEmpty, "the sieve leaves 阿杰&小王's messages unread")
    #expect(try pipeline.runSpilling(folder: folder, htmlLimit: 50).subjectWarnings.isEmpty)
    let absent = try ScanPipeline(lexicon: lexicon, subjects: ["张三"]).runSpilling(folder: folder, htmlLimit: 50)
    #expect(absent.subjectWarnings.map(\.subject) == ["张三"])
  }
}
