/// A kind of enclosing span that `inside` / `not_inside` test a rule's matched parts against.
///
/// Spans are found in the normalised text of the unit (or of the joined units of a paragraph or
/// document scope); see `EnclosingSpans` for the exact markers.
public enum SpanKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Quoted words: text between 「」, 『』, “”, ‘’ or straight double quotes, and a chat export's
  /// quote line (`引用:` / `引用：` to the end of its line).
  case quote
  /// A forwarded message: from a forward marker (`[聊天记录]`, `【合并转发的聊天记录】`,
  /// `[转发]` …) to the end of the unit.
  case forward
  /// A prohibition: the clause (up to ，：。；！？ or a line break on each side) holding 不得, 禁止,
  /// 严禁, 不准, 不允许 or 切勿, with a following clause that continues it (包括, 例如 …) and, when
  /// the cue opens its clause (“一律禁止”), the clause before it in the same sentence.
  case prohibition
  /// Someone else's words reported by the speaker (`他说这种盘坚决不碰`, `老板说过他们不接博彩的`,
  /// `听客户讲别家都不做这个`): after a reporting verb (说, 讲, 表示, 称, 告诉) whose subject is not
  /// the speaker, to the end of its clause (see `ReportedSpeech`). Only a part that says no (one
  /// holding a negation cue, after-cue or refusal of the rule's `negation` vocabulary: 不做,
  /// 坚决不, 拒绝) is placed by it: the no is the other person's, while what was reported to the
  /// speaker (`客户说要做菠菜，我拒绝了`) is still what the speaker refuses.
  case reported
}
