/// What the words right after an after-cue make of it (LEXICON.md "Negation"): an after-cue
/// (`杀猪盘客户不接`) negates the term before it, unless what follows it at once
/// - undoes it with a second no: `不做不行`, `不接白不接` (not taking it would be a waste),
///   `不做可惜`, or 就 and what saying no would cost (`博彩的活儿不接就亏了`, `不做就没钱赚`) — a
///   double negation: the speaker argues for taking it; `不接就是不接`, `不做就行`, `不接就没事`
///   stay a no;
/// - makes it a condition: `不做的话` — hypothetical;
/// - asks it: `杀猪盘的你们不接吗？`, `不做吗` at the end — a question.
enum AfterCueSequel: Equatable {
  /// A second no (or the cost of the no) ending at `end`.
  case secondNo(end: Int)
  /// A condition ending at `end`.
  case condition(end: Int)
  /// A question ending at `end` (after its `?` or its final 吗).
  case question(end: Int)

  /// The sequel of the after-cue at `cue` in the normalised `scalars`, or nil when it stands.
  init?(cue: Range<Int>, in scalars: [Unicode.Scalar]) {
    let rest = scalars[cue.upperBound...]
    let said = scalars[cue]
    if let no = Self.secondNos.first(where: { rest.starts(with: $0) }) {
      self = .secondNo(end: cue.upperBound + no.count)
    } else if rest.starts(with: Self.waste), rest.dropFirst(Self.waste.count).starts(with: said) {
      self = .secondNo(end: cue.upperBound + Self.waste.count + said.count)
    } else if rest.starts(with: Self.conditional) {
      self = .condition(end: cue.upperBound + Self.conditional.count)
    } else if rest.starts(with: Self.then), let cost = Self.costs.first(where: { rest.dropFirst().starts(with: $0) }) {
      self = .secondNo(end: cue.upperBound + 1 + cost.count)
    } else if let end = Self.questionEnd(after: cue.upperBound, in: scalars) {
      self = .question(end: end)
    } else {
      return nil
    }
  }

  /// Where a question closing the after-cue ends: particles (了, 的, 啊 …, at most
  /// `particleReach`) then `?`, or a final 吗 / 么 at the end of the text or before a clause or
  /// sentence mark.
  private static func questionEnd(after start: Int, in scalars: [Unicode.Scalar]) -> Int? {
    var position = start
    var asks = false
    while position < scalars.count, position - start < particleReach, particles.contains(scalars[position]) {
      asks = asks || askingParticles.contains(scalars[position])
      position += 1
    }
    if position < scalars.count, scalars[position] == "?" { return position + 1 }
    guard asks else { return nil }
    guard position == scalars.count || RefusalClause.clauseMarks.contains(scalars[position])
      || RefusalClause.sentenceEnds.contains(scalars[position]) || scalars[position].isWhitespaceScalar
    else { return nil }
    return position
  }

  /// The second nos that undo an after-cue, longest first.
  static let secondNos = ["不可以", "不行", "不成", "可惜"].map { Array($0.unicodeScalars) }
  /// 白 before the after-cue said again (`不接白不接`).
  static let waste = Array("白".unicodeScalars)
  /// The conditional particle.
  static let conditional = Array("的话".unicodeScalars)
  /// 就, which turns the after-cue into its cost when one follows.
  static let then = Array("就".unicodeScalars)
  /// What may follow 就 as the cost of saying no (`不接就亏了`, `不做就没钱赚`, `不接就便宜别人了`);
  /// not 没 alone: `不接就没事` is a reason to say no.
  static let costs = [
    "亏", "没钱", "没饭", "没单", "没生意", "没活", "没收入", "便宜", "可惜", "浪费", "白费", "少赚", "损失", "丢单", "得罪",
  ].map { Array($0.unicodeScalars) }
  /// How many particles may stand between an after-cue and its `?`.
  static let particleReach = 3
  /// Particles that may close an after-cue's clause.
  static let particles: Set<Unicode.Scalar> = ["了", "的", "啊", "呀", "吗", "么", "呢", "吧", "嘛"]
  /// Particles that ask.
  static let askingParticles: Set<Unicode.Scalar> = ["吗", "么"]
}
