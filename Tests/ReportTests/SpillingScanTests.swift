import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// `ScanPipeline.runSpilling` keeps findings on disk and only the shown ones in memory, yet
/// writes the same findings.json and findings.csv as the in-memory scan.
@Suite struct SpillingScanTests {
  /// The package root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A folder of `files` chats with inculpatory, exculpatory, clause-less and negated lines,
  /// plus an image.
  static func evidence(files: Int = 6) throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("spill-case")
    let folder = temporary.url
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("群聊"), withIntermediateDirectories: true)
    let lines = [
      "后台要能控制输赢", "我们只卖标准版", "按u结算", "普通的一行", "我不会帮你控制输赢",
      "长期收四件套，身份证、卡、U盾、手机卡，一套一千五", "钱用U结算，不走公账",
    ]
    for file in 0..<files {
      let text = (0..<24).map { index in
        let time = String(format: "2023-06-%02d 10:%02d:00", 1 + file, index)
        return "\(time) \(index % 2 == 0 ? "小李" : "老周")\n第\(file)-\(index)条，\(lines[index % lines.count])\n"
      }.joined(separator: "\n")
      try text.write(
        to: folder.appendingPathComponent("群聊/chat-\(file).txt"), atomically: true, encoding: .utf8)
    }
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: folder.appendingPathComponent("截图.png"))
    return temporary
  }

  /// The sample case's lexicon with one more rule that cites no clause.
  static let lexicon = LexiconSet(
    packs: SampleCase.lexicon.packs,
    rules: SampleCase.rules + [
      LexiconRule(
        id: "misc.ordinary", packID: "payment", title: "普通", level: .low, weight: 0.1, clauses: [],
        match: .term("普通的一行"))
    ],
    clauses: SampleCase.catalogue)

  /// The shipped lexicons (with negation cues, so some findings are suppressed).
  static func shipped() throws -> LexiconSet {
    try LexiconLoader.load(directory: root.appendingPathComponent("lexicons"))
  }

  /// A fresh folder for spill files, outside the evidence.
  static func spillParent() throws -> TemporaryFolder {
    try TemporaryFolder("spill-parent")
  }

  @Test func spilledFindingsJSONAndCSVEqualTheInMemoryRendering() throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let sample = try ScanPipeline(lexicon: Self.lexicon, subjects: ["小李"]).run(folder: folder)
    #expect(sample.findings.contains { $0.clauses.isEmpty })
    #expect(sample.findings.contains { $0.clauses.count > 1 })
    let shipped = try ScanPipeline(lexicon: Self.shipped(), subjects: ["小李"]).run(folder: folder)
    #expect(!shipped.suppressed.isEmpty)
    for lexicon in [Self.lexicon, try Self.shipped()] {
      let pipeline = ScanPipeline(lexicon: lexicon, subjects: ["小李"])
      let memory = try pipeline.run(folder: folder)
      #expect(memory.findings.count > 20)
      for limit in [0, 1, 5] {
        let spilled = try pipeline.runSpilling(folder: folder, htmlLimit: limit)
        #expect(spilled.spilled != nil)
        #expect(JSONReportWriter().render(spilled) == JSONReportWriter().render(memory))
        #expect(CSVReportWriter().render(spilled) == CSVReportWriter().render(memory))
        #expect(spilled.counts == memory.counts)
        #expect(spilled.clauses == memory.clauses)
        #expect(spilled.documents.map(\.path) == memory.documents.map(\.path))
      }
    }
  }

  @Test func writtenFilesKeepTheIdsAndOrderOfTheInMemoryScan() throws {
    let evidenceFolder = try Self.evidence()
    defer { evidenceFolder.remove() }
    let outFolder = try Self.spillParent()
    defer { outFolder.remove() }
    let (folder, out) = (evidenceFolder.url, outFolder.url)
    let pipeline = ScanPipeline(lexicon: Self.lexicon, subjects: ["小李"])
    let memory = try pipeline.run(folder: folder)
    let spilled = try pipeline.runSpilling(folder: folder, htmlLimit: 2)
    try ReportOutput.write(spilled, to: out, formats: [.json, .csv], force: true)
    let json = try Data(contentsOf: out.appendingPathComponent("findings.json"))
    #expect(json == JSONReportWriter().render(memory))
    #expect(try Data(contentsOf: out.appendingPathComponent("findings.csv")) == CSVReportWriter().render(memory))
    let file = try JSONDecoder().decode(FindingsFile.self, from: json)
    #expect(file.findings.map(\.id) == memory.findings.map(\.id))
    #expect(file.suppressed.map(\.id) == memory.suppressed.map(\.id))
    #expect(Set(file.findings.map(\.id)).count == file.findings.count)
    #expect(spilled.findings.map(\.id) == memory.findings.map(\.id).filter(Set(spilled.findings.map(\.id)).contains))
  }

  @Test func streamedPiecesSpillTheFindingsOfAWholeRead() throws {
    let temporary = try ScanPipelineStreamingTests.chatFolder(records: 3_000)
    defer { temporary.remove() }
    let folder = temporary.url
    let pipeline = ScanPipeline(
      lexicon: Self.lexicon, subjects: ["小李"], streaming: StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 2_048))
    let whole = try pipeline.run(folder: folder)
    let pieces = try pipeline.runSpilling(folder: folder, htmlLimit: 3)
    #expect(whole.findings.count == 429)
    #expect(pieces.documents.first?.diagnostics.map(\.code) == ["streamed"])
    #expect(JSONReportWriter().render(pieces) == JSONReportWriter().render(whole))
    #expect(CSVReportWriter().render(pieces) == CSVReportWriter().render(whole))
    #expect(pieces.findings.map(\.id) == Array(whole.findings.prefix(3).map(\.id)))
  }

  @Test func withoutALimitTheHTMLEqualsTheInMemoryHTML() throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let pipeline = ScanPipeline(lexicon: Self.lexicon, subjects: ["小李"])
    let memory = try pipeline.run(folder: folder)
    let spilled = try pipeline.runSpilling(folder: folder, htmlLimit: 0)
    let writer = HTMLReportWriter(findingLimit: 0)
    #expect(writer.render(spilled) == writer.render(memory))
    #expect(spilled.timeline == memory.timeline)
    #expect(spilled.amounts == memory.amounts)
  }

  @Test func theHTMLShowsTheFirstNFindingsOfEachClauseAndSaysHowManyMore() throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let spilled = try ScanPipeline(lexicon: Self.lexicon, subjects: ["小李"]).runSpilling(folder: folder, htmlLimit: 3)
    let winControl = try #require(spilled.clauses.first { $0.id == "interp2019.art11.4" })
    #expect(winControl.findings > 3)
    let html = HTMLReportWriter(findingLimit: 3).render(spilled)
    let group = try #require(
      html.components(separatedBy: "<section class=\"group\" id=\"c-interp2019.art11.4\">").last?
        .components(separatedBy: "</section>").first)
    #expect(group.components(separatedBy: "<article class=\"card").count - 1 == 3)
    #expect(group.contains("\(winControl.findings - 3) more finding(s) not shown here; findings.json and findings.csv list all of them."))
    #expect(html.contains("Findings (\(spilled.counts.active))"))
    #expect(html.contains("findings.json and findings.csv list all \(spilled.counts.active) active findings"))
    #expect(html.contains("<a href=\"#\(HTMLContext.cardAnchor(winControl.firstFindingID, group: winControl.id))\">\(winControl.findings)</a>"))
    let cards = html.components(separatedBy: "<article class=\"card").count - 1
    #expect(cards <= 3 * (spilled.clauses.count + 2))
    let memoryHTML = HTMLReportWriter(findingLimit: 3).render(
      try ScanPipeline(lexicon: Self.lexicon, subjects: ["小李"]).run(folder: folder))
    #expect(memoryHTML.components(separatedBy: "<article class=\"card").count - 1 == cards)
  }

  @Test func theHTMLShowsTheFirstNSuppressedFindingsAndSaysHowManyMore() throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let spilled = try ScanPipeline(lexicon: Self.shipped(), subjects: ["小李"]).runSpilling(folder: folder, htmlLimit: 1)
    #expect(spilled.suppressed.count == 1)
    #expect(spilled.counts.suppressed > 1)
    let html = HTMLReportWriter(findingLimit: 1).render(spilled)
    let section = try #require(html.components(separatedBy: "<section id=\"suppressed\">").last?
      .components(separatedBy: "</section>").first)
    #expect(section.contains("<summary>\(spilled.counts.suppressed) suppressed"))
    #expect(section.components(separatedBy: "<article class=\"card").count - 1 == 1)
    #expect(section.contains("\(spilled.counts.suppressed - 1) more finding(s) not shown here; findings.json lists all of them."))
  }

  @Test func aPieceWhoseFindingsComeBeforeThoseSpilledIsRefused() throws {
    let temporary = try Self.spillParent()
    defer { temporary.remove() }
    let parent = temporary.url
    let spill = try FindingSpill(parent: parent, evidenceFolder: parent.appendingPathComponent("evidence"))
    var parts = SpilledParts(spill: spill, formats: [.json, .csv])
    let later = MadeFinding(
      finding: Finding(
        id: "", rule: "t.rule", title: "t", level: .high, path: "a.txt", unitIndex: 5, line: 10, endLine: 10,
        excerpt: "x", parts: [], polarity: .inculpatory, clauses: [], weight: 0.5, why: "w"))
    var earlier = later
    earlier.finding.line = 3
    earlier.finding.unitIndex = 1
    let laterSpilled = parts.spill([later])
    let earlierSpilled = parts.spill([earlier])
    let nothingSpilled = parts.spill([])
    #expect(laterSpilled && !earlierSpilled && nothingSpilled)
    #expect(parts.gathered.counts.active == 1)
    #expect(parts.gathered.activeJSON.count == 1)
  }

  @Test func amountsOfHiddenFindingsAreCountedButNotLinked() {
    var tally = AmountTally()
    tally.add(AmountEntry(speaker: "小李", role: .subject, fen: 150_000, findingID: "f-1"), listed: true)
    tally.add(AmountEntry(speaker: "小李", role: .subject, fen: 800_000, findingID: "f-2"), listed: false)
    let total = tally.totals(subjects: ["小李"])
    #expect(total == [AmountTotal(speaker: "小李", role: .subject, totalFen: 950_000, findingIDs: ["f-1"], findingCount: 2)])
  }

  @Test func unitsAreKeptOnlyForTheDocumentsOfShownFindings() throws {
    let temporary = try Self.evidence(files: 8)
    defer { temporary.remove() }
    let folder = temporary.url
    let spilled = try ScanPipeline(lexicon: Self.lexicon, subjects: ["小李"]).runSpilling(folder: folder, htmlLimit: 1)
    let shownPaths = Set((spilled.findings + spilled.suppressed).map(\.path))
    #expect(shownPaths == ["群聊/chat-0.txt"])
    for document in spilled.documents {
      #expect(document.units.isEmpty == !shownPaths.contains(document.path), "\(document.path)")
    }
    let lean = try ScanPipeline(lexicon: Self.lexicon, subjects: ["小李"], preparesHTML: false)
      .runSpilling(folder: folder, htmlLimit: 1)
    #expect(lean.findings.isEmpty && lean.suppressed.isEmpty && lean.timeline.isEmpty)
    #expect(lean.documents.allSatisfy { $0.units.isEmpty })
    #expect(JSONReportWriter().render(lean) == JSONReportWriter().render(spilled))
  }

  @Test func candidatesThatFindNoPlaceKeepNoUnitsInALargeDocument() throws {
    let temporary = try TemporaryFolder("spill-prune")
    defer { temporary.remove() }
    let folder = temporary.url
    let chat = { (count: Int, body: (Int) -> String) in
      (0..<count).map { index in
        String(format: "2023-06-01 %02d:%02d:00 小李\n", index / 60 % 24, index % 60) + body(index) + "\n"
      }.joined(separator: "\n")
    }
    try chat(4) { "第\($0)条，后台要能控制输赢" }.write(
      to: folder.appendingPathComponent("a-first.txt"), atomically: true, encoding: .utf8)
    try chat(3_000) { index in
      index == 100 || index == 200 ? "第\(index)条，后台要能控制输赢" : index == 1_000 || index == 2_000 ? "第\(index)条，我们只卖标准版" : "第\(index)条，周报"
    }.write(to: folder.appendingPathComponent("b-large.txt"), atomically: true, encoding: .utf8)
    let spilled = try ScanPipeline(lexicon: Self.lexicon, subjects: ["小李"]).runSpilling(folder: folder, htmlLimit: 2)
    let large = try #require(spilled.document("b-large.txt"))
    let shown = spilled.findings.filter { $0.path == "b-large.txt" }
    #expect(shown.count == 2 && shown.allSatisfy { $0.rule == "neutral.standard-product" })
    #expect(large.isExcerpted)
    #expect(large.units.count == 14)
    for finding in shown { #expect(large.units[finding.unitIndex].line == finding.line) }
  }

  @Test func theSpillFileIsGoneAfterTheScanAndNeverInTheEvidenceFolder() throws {
    let evidenceFolder = try Self.evidence()
    defer { evidenceFolder.remove() }
    let parentFolder = try Self.spillParent()
    defer { parentFolder.remove() }
    let (folder, parent) = (evidenceFolder.url, parentFolder.url)
    let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
    let pipeline = ScanPipeline(lexicon: Self.lexicon, subjects: [])
    let report = try pipeline.runSpilling(folder: folder, htmlLimit: 5, spillDirectory: parent)
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    #expect(!JSONReportWriter().render(report).isEmpty)
    let inside = folder.appendingPathComponent("群聊")
    #expect(throws: ScanError.spill(path: inside.path, reason: "it is inside the evidence folder \(folder.path)")) {
      try pipeline.runSpilling(folder: folder, htmlLimit: 5, spillDirectory: inside)
    }
    #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() == before)
  }

  @Test func aMissingFolderIsAnIngestError() {
    let missing = URL(fileURLWithPath: "/nonexistent/mingjian-\(UUID().uuidString)")
    #expect(throws: ScanError.ingest(.folderNotFound(path: missing.path))) {
      try ScanPipeline(lexicon: Self.lexicon, subjects: []).runSpilling(folder: missing, htmlLimit: 5)
    }
    #expect(ScanError.ingest(.folderNotFound(path: "x")).description == IngestError.folderNotFound(path: "x").description)
  }

  @Test func theDemoCaseWithTheShippedLexiconsSpillsTheSameReport() throws {
    let lexicon = try LexiconLoader.load(directory: Self.root.appendingPathComponent("lexicons"))
    let demo = Self.root.appendingPathComponent("corpus/demo")
    let pipeline = ScanPipeline(lexicon: lexicon, subjects: ["小李"])
    let memory = try pipeline.run(folder: demo)
    let spilled = try pipeline.runSpilling(folder: demo, htmlLimit: 0)
    #expect(!memory.suppressed.isEmpty && !memory.timeline.isEmpty)
    #expect(JSONReportWriter().render(spilled) == JSONReportWriter().render(memory))
    #expect(CSVReportWriter().render(spilled) == CSVReportWriter().render(memory))
    #expect(HTMLReportWriter(findingLimit: 0).render(spilled) == HTMLReportWriter(findingLimit: 0).render(memory))
  }
}
