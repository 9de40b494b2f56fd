import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// The HTML report's "who" cells mark the actor of a Telegram service event as having done an
/// action (`张三 (action)`), in the finding's meta line, its context table and the source view,
/// escaped, and the timeline marks the finding under the actor's name; a message of the same
/// person and an event without an actor are not marked.
@Suite struct ServiceActionWhoTests {
  /// An actor name that needs escaping.
  static let actor = "张<三>&'"
  /// `actor` as the report writes it.
  static let escaped = "张&lt;三&gt;&amp;&#39;"

  /// A Telegram JSON export: the actor renames the group to a win-control title (a finding),
  /// then writes a message, then an unnamed actor pins it.
  static let export = """
    {
     "name": "项目群", "type": "private_group", "id": 7001,
     "messages": [
      {"id": 1, "type": "service", "date": "2023-03-02T20:10:00", "actor": "\(actor)", "actor_id": "user1001",
       "action": "edit_group_title", "title": "后台控制输赢代理群", "text": ""},
      {"id": 2, "type": "message", "date": "2023-03-02T20:11:00", "from": "\(actor)", "from_id": "user1001", "text": "在吗"},
      {"id": 3, "type": "service", "date": "2023-03-02T20:12:00", "action": "pin_message", "message_id": 2, "text": ""}
     ]
    }
    """

  /// The reports of the in-memory and the spilling scan of a folder holding `export`.
  private func reports() throws -> [CaseReport] {
    let temporary = try TemporaryFolder("tg-who")
    defer { temporary.remove() }
    let folder = temporary.url
    let evidence = folder.appendingPathComponent("evidence")
    try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
    try Data(Self.export.utf8).write(to: evidence.appendingPathComponent("result.json"))
    let pipeline = ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: ["user1001"])
    return [
      try pipeline.run(folder: evidence),
      try pipeline.runSpilling(folder: evidence, htmlLimit: 0, spillDirectory: folder),
    ]
  }

  @Test func theActorOfAServiceEventIsMarkedInEveryWhoCell() throws {
    for report in try reports() {
      let finding = try #require(report.findings.first { $0.rule == "tech.win-control" })
      #expect(finding.speaker == Self.actor && finding.speakerRole == .subject)
      let html = HTMLReportWriter().render(report)
      #expect(html.contains("<p class=\"meta\">\(Self.escaped) (action) · subject · 2023-03-02T20:10:00+08:00 · "))
      #expect(html.contains("<td class=\"who\">\(Self.escaped) (action) · 2023-03-02T20:10:00+08:00</td>"))
      #expect(html.contains("<td>\(Self.escaped) (action) · 2023-03-02T20:10:00+08:00</td>"))
      #expect(html.contains("\">\(finding.title)</a> (action) · "))
      #expect(!html.contains(Self.actor))
    }
  }

  @Test func messagesAndEventsWithoutAnActorAreNotMarked() throws {
    for report in try reports() {
      let html = HTMLReportWriter().render(report)
      #expect(html.contains("<td class=\"who\">\(Self.escaped) · 2023-03-02T20:11:00+08:00</td>"))
      #expect(html.contains("<td class=\"who\">system notice · 2023-03-02T20:12:00+08:00</td>"))
      let beforeMarks = html.components(separatedBy: " (action)").dropLast()
      #expect(!beforeMarks.isEmpty && beforeMarks.allSatisfy { $0.hasSuffix(Self.escaped) || $0.hasSuffix("</a>") })
    }
  }

  /// findings.csv keeps its columns: the speaker column names the actor, and the excerpt says the
  /// unit is a service event, as findings.json's does.
  @Test func theCSVExcerptSaysItIsAnAction() throws {
    for report in try reports() {
      let csv = String(decoding: CSVReportWriter().render(report), as: UTF8.self)
      let row = try #require(csv.split(separator: "\r\n").first { $0.contains("tech.win-control") })
      #expect(row.contains(",\(Self.actor),subject,"))
      #expect(row.contains(",[service: edit_group_title] 后台控制输赢代理群,"))
    }
  }

  @Test func theLabelOfAUnit() {
    let event = TextUnit(
      kind: .system, line: 1, text: "[service: pin_message] message 2", speaker: "王五",
      attributes: [TextUnit.serviceActionAttribute: "pin_message"])
    #expect(WhoLabel.speaker(of: event) == "王五 (action)")
    var unnamed = event
    unnamed.speaker = nil
    #expect(WhoLabel.speaker(of: unnamed) == "system notice")
    var spoken = event
    spoken.attributes = [:]
    spoken.kind = .message
    #expect(WhoLabel.speaker(of: spoken) == "王五")
    let paragraph = TextUnit(kind: .paragraph, line: 3, text: "甲方")
    #expect(WhoLabel.row(paragraph).isEmpty)
  }
}
