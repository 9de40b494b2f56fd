import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// A finding on a Telegram service message cites an action of its actor, not words: its
/// excerpt says it is a service event, its speaker is the actor, and its role follows
/// `--subject` as a message's does.
@Suite struct TelegramServiceFindingTests {
  /// IngestTests' Telegram export whose first message is a service message.
  static let export = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("IngestTests/Fixtures/telegram-service/result.json")

  private func scan(subjects: [String]) throws -> CaseReport {
    let temporary = try TemporaryFolder("tg-service")
    defer { temporary.remove() }
    let folder = temporary.url
    try FileManager.default.copyItem(at: Self.export, to: folder.appendingPathComponent("result.json"))
    return try ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: subjects).run(folder: folder)
  }

  @Test func theActorIsTheSpeakerAndTheExcerptSaysItIsAnAction() throws {
    let report = try scan(subjects: ["张三"])
    let finding = try #require(report.findings.first { $0.rule == "tech.win-control" })
    #expect(finding.line == 6 && finding.messageID == "1")
    #expect(finding.speaker == "张三")
    #expect(finding.speakerRole == .subject)
    #expect(finding.excerpt.hasPrefix("[service: edit_group_title] "))
    let html = HTMLReportWriter().render(report)
    #expect(html.contains("<code>tech.win-control</code> · 张三 (action) · subject · 2023-03-02T20:10:00+08:00"))
    #expect(html.contains("<p class=\"excerpt\">[service: edit_group_title] 后台<mark"))
    #expect(try scan(subjects: ["李四"]).findings.first { $0.rule == "tech.win-control" }?.speakerRole == .counterpart)
    #expect(try scan(subjects: ["user1001"]).findings.first { $0.rule == "tech.win-control" }?.speakerRole == .subject)
  }
}
