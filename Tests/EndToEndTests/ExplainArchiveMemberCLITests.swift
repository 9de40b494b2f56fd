import Foundation
import Testing

/// `mingjian lexicon explain` on an archive member cited as findings cite it, with `--subject`.
@Suite struct ExplainArchiveMemberCLITests {
  /// IngestTests' archive fixture: `聊天记录/张三/张三.txt` is a MemoTrace chat of 张三 and 李四.
  static let member = "Tests/IngestTests/Fixtures/archives/chats.zip!/聊天记录/张三/张三.txt"

  @Test func aMemberIsReadInPlaceAndTheSpeakerConstraintIsChecked() throws {
    let rule = "neutral-help.reported-stopped"
    let counterpart = try CommandRunner.run(["lexicon", "explain", "--rule", rule, "\(Self.member):2", "--subject", "李四"])
    #expect(counterpart.status == 0, "stderr: \(counterpart.stderr)")
    #expect(counterpart.stdout.contains("at \(Self.member):1-2 · message by 张三"))
    #expect(counterpart.stdout.contains("speaker: subject — does not hold: “张三” is not among the subjects (--subject 李四)"))
    let subject = try CommandRunner.run(["lexicon", "explain", "--rule", rule, "\(Self.member):2", "--subject", "张三"])
    #expect(subject.stdout.contains("speaker: subject — holds: “张三” is a subject (--subject 张三)"))
    let missing = try CommandRunner.run(["lexicon", "explain", "--rule", rule, "Tests/IngestTests/Fixtures/archives/chats.zip!/无此文件.txt:1"])
    #expect(missing.status == 2 && missing.stderr.contains("the archive has no member 无此文件.txt (it holds "))
    let far = try CommandRunner.run(["lexicon", "explain", "--rule", rule, "\(Self.member):99"])
    #expect(far.status == 2 && far.stderr.contains("line 99 is out of range; the member's last text unit ends at line 5"))
  }
}
