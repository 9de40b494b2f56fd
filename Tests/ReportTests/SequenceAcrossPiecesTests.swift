import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// A sequence rule whose `first` step ends one piece of a large chat read in pieces and whose
/// `then` step comes more than three messages later in the next piece gives the signal of a
/// whole read, with the unit sieve off and on (a JSON-only scan, where most messages are elided),
/// for a MemoTrace TXT chat (sieved piece by piece) and a QQ TXT export (sieved as a whole).
@Suite struct SequenceAcrossPiecesTests {
  /// `first` (a notice) then `then` (carrying on, by the subject) within 12 messages, and within
  /// 12 minutes (the messages are a minute apart).
  static let lexicon = LexiconSet(
    packs: SampleCase.lexicon.packs,
    rules: [
      LexiconRule(
        id: "seq.notice-continue", packID: "gambling", title: "告知后继续", level: .high, weight: 0.9,
        clauses: ["interp2019.art11.4"], speaker: .subject,
        match: .sequence(first: .term("网警通知"), then: .term("照常运营"), window: SequenceWindow(messages: 12)),
        scope: .conversation),
      LexiconRule(
        id: "seq.notice-continue-minutes", packID: "gambling", title: "告知后十二分钟内继续", level: .high, weight: 0.9,
        clauses: ["interp2019.art11.4"], speaker: .subject,
        match: .sequence(first: .term("网警通知"), then: .term("照常运营"), window: SequenceWindow(seconds: 12 * 60)),
        scope: .conversation),
    ],
    clauses: SampleCase.catalogue)

  /// The gap, in messages, from each notice to its carrying-on: 4 to 13 (inside the window up
  /// to 12) and 15 (outside it), in turn.
  static let gaps = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15]

  /// A chat export of 3,000 messages (MemoTrace TXT, or a QQ message-manager TXT, whose sieve
  /// works on the whole file) with a notice every 61 messages, carried on after the next of
  /// `gaps`; the indexes of each notice and its carrying-on.
  static func chatFolder(qq: Bool) throws -> (folder: TemporaryFolder, pairs: [(notice: Int, then: Int)]) {
    var bodies = (0..<3_000).map { (speaker: $0 % 2 == 0 ? "小李" : "老周", text: "第\($0)条，周报记得交") }
    var pairs: [(notice: Int, then: Int)] = []
    for (round, notice) in stride(from: 20, to: 2_950, by: 61).enumerated() {
      let gap = gaps[round % gaps.count]
      bodies[notice] = ("老周", "网警通知我们平台涉赌")
      bodies[notice + gap] = ("小李", "没事，照常运营")
      pairs.append((notice, notice + gap))
    }
    let messages = bodies.enumerated().map { index, body in
      String(format: "2023-06-%02d %02d:%02d:00 ", 1 + index / 1_440, index / 60 % 24, index % 60)
        + (qq ? "\(body.speaker)(\(body.speaker == "小李" ? 12_345_678 : 23_456_789))" : body.speaker) + "\n\(body.text)\n"
    }
    let separator = String(repeating: "=", count: 64)
    let head = ["消息记录（此消息记录为文本格式，不支持重新导入）", "", separator, "消息分组:我的好友", separator, "消息对象:老周", separator, "", ""]
    let text = (qq ? head.joined(separator: "\n") : "") + messages.joined(separator: "\n")
    let temporary = try TemporaryFolder("seq-pieces")
    let folder = temporary.url
    try text.write(to: folder.appendingPathComponent(qq ? "全部消息记录.txt" : "群聊.txt"), atomically: true, encoding: .utf8)
    return (temporary, pairs)
  }

  static let pieces = StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 2_048)

  /// The findings of a scan, each with its `unitIndex` (which counts a sieve's elided runs, and
  /// within a piece) set to 0.
  private func findings(_ folder: URL, streaming: StreamingPolicy?, sieves: Bool) throws -> [Finding] {
    var pipeline = ScanPipeline(
      lexicon: Self.lexicon, subjects: ["小李"], preparesHTML: !sieves, streaming: streaming ?? StreamingPolicy())
    pipeline.sievesUnits = sieves
    return try pipeline.run(folder: folder).findings.map { finding in
      var placed = finding
      placed.unitIndex = 0
      return placed
    }
  }

  @Test(arguments: [false, true])
  func signalsAcrossPiecesAreThoseOfAWholeRead(qq: Bool) throws {
    let (temporary, pairs) = try Self.chatFolder(qq: qq)
    defer { temporary.remove() }
    let folder = temporary.url
    let within = pairs.filter { $0.then - $0.notice <= 12 }

    // The line of each message, and the first line of each piece: a pair straddles a cut when
    // the cut falls between its two messages.
    let evidence = try EvidenceFolder(root: folder)
    let entry = try #require(evidence.entries().first)
    let lines = evidence.read(entry).units.map(\.line)
    #expect(lines.count == 3_000)
    var cuts: [Int] = []
    _ = evidence.read(entry, streaming: Self.pieces) { piece in
      if let first = piece.units.first?.line { cuts.append(first) }
    }
    #expect(cuts.count > 20, "the chat is read in pieces")
    let straddling = within.filter { pair in
      pair.then - pair.notice > 3 && cuts.contains { lines[pair.notice] < $0 && $0 <= lines[pair.then] }
    }
    #expect(straddling.count >= 3, "notices carried on more than 3 messages later, in the next piece")
    var sieved = evidence
    sieved.unitSieve = ScanPipeline(lexicon: Self.lexicon, subjects: ["小李"]).unitSieve(keeping: nil)
    var elided = 0
    _ = sieved.read(entry, streaming: Self.pieces) { piece in
      elided += piece.units.filter { $0.kind == .elided }.reduce(0) { $0 + $1.span }
    }
    #expect(elided > 2_500, "the sieve leaves most messages unread")

    let whole = try findings(folder, streaming: nil, sieves: false)
    for rule in ["seq.notice-continue", "seq.notice-continue-minutes"] {
      #expect(whole.filter { $0.rule == rule }.map(\.line) == within.map { lines[$0.then] })
    }
    #expect(whole.allSatisfy { $0.speakerRole == .subject && $0.related.count == 1 })
    #expect(try findings(folder, streaming: Self.pieces, sieves: false) == whole)
    #expect(try findings(folder, streaming: Self.pieces, sieves: true) == whole)
    #expect(try findings(folder, streaming: nil, sieves: true) == whole)
  }
}
