/// The grammar of a refusal said after a term (LEXICON.md "Refusals"): `客户要求后台控制输赢，我当场
/// 拒绝了`, `客户想用USDT结算，被我拒绝了`, `控制输赢这种功能我是绝对不会做的`.
///
/// A refusal cue negates the term before it when, in the normalised text:
/// - no sentence end (`。`, `!`, `?`, a line break) and no contrast (但, 可是, 不过, 然而, 只是) lies
///   between the term and the cue;
/// - the words before the cue in its clause are a first-person agent (我, 我们, 咱们, 被我, 我这边)
///   and adverbs only (当场, 直接, 绝对, 都, 把他 …), or adverbs only; when the cue shares the
///   term's clause, a topic may come between the term and the agent (`这种功能我是绝对不会做的`),
///   or stand with the agent unsaid when it names the kind of work (`这种功能绝对不做`, `的活不碰`);
///   so `先别拒绝`, `客户拒绝`, `我没拒绝` are no refusals of the term;
/// - the cue closes its clause: only particles and pronouns (了, 的, 掉, 他, 他们 …) follow it
///   before a clause mark, so `拒绝付款` and `拒绝了三次` are no refusals of the term;
/// - no reversal (还是, 后来, 最后, 结果, 只好, 答应了 …) follows in the rest of the sentence.
///
/// Every check reads a bounded stretch of scalars around the cue.
struct RefusalClause {
  let scalars: [Unicode.Scalar]

  /// Whether `cue` (starting `reach` scalars or fewer after `termEnd`) refuses the term ending at
  /// `termEnd`.
  func refuses(termEnd: Int, cue: Occurrence) -> Bool {
    guard termEnd <= cue.start, cue.end <= scalars.count else { return false }
    let between = scalars[termEnd..<cue.start]
    guard !between.contains(where: Self.sentenceEnds.contains), !contains(Self.contrasts, in: termEnd..<cue.start)
    else { return false }
    let clauseMark = between.lastIndex(where: Self.isClauseMark)
    let clauseStart = clauseMark.map { $0 + 1 } ?? termEnd
    guard agentAndAdverbs(clauseStart..<cue.start, topicAllowed: clauseMark == nil) else { return false }
    guard let tailEnd = tailEnd(after: cue.end) else { return false }
    var sentenceEnd = tailEnd
    let limit = min(scalars.count, tailEnd + Self.reversalReach)
    while sentenceEnd < limit, !Self.sentenceEnds.contains(scalars[sentenceEnd]) { sentenceEnd += 1 }
    return !contains(Self.reversals, in: tailEnd..<sentenceEnd)
  }

  /// Whether the words of `range` are `[topic] [被] agent adverbs*` or `adverbs*`.
  private func agentAndAdverbs(_ range: Range<Int>, topicAllowed: Bool) -> Bool {
    let words = scalars[range].filter { !$0.isWhitespaceScalar }
    guard let agent = words.lastIndex(where: Self.firstPerson.contains) else {
      return Self.isAdverbs(words[...]) || topicAllowed && Self.isTopicAndAdverbs(words[...])
    }
    var afterAgent = agent + 1
    for suffix in Self.agentSuffixes where words[afterAgent...].starts(with: suffix) {
      afterAgent += suffix.count
      break
    }
    guard Self.isAdverbs(words[afterAgent...]) else { return false }
    if topicAllowed { return true }
    let beforeAgent = agent > 0 && words[agent - 1] == "被" ? agent - 1 : agent
    return Self.isAdverbs(words[..<beforeAgent])
  }

  /// Where the particles and pronouns after a cue end (at a clause mark, a sentence end or the end
  /// of the unit), or nil when anything else follows the cue in its clause.
  private func tailEnd(after start: Int) -> Int? {
    var position = start
    while position < scalars.count, !Self.isClauseMark(scalars[position]), !Self.sentenceEnds.contains(scalars[position]) {
      guard position - start < Self.tailReach,
        let word = Self.tailWords.first(where: { scalars[position...].starts(with: $0) })
      else { return nil }
      position += word.count
    }
    return position
  }

  private func contains(_ phrases: [[Unicode.Scalar]], in range: Range<Int>) -> Bool {
    range.contains { index in phrases.contains { scalars[index...].starts(with: $0) } }
  }

  /// Whether `words` are a topic naming the kind of work refused (`这种功能`, `这类业务`, `的活`: a
  /// demonstrative or 的, then a noun of `topicNouns`) and adverbs only, with the agent left
  /// unsaid as Chinese leaves it (`控制输赢这种功能绝对不做`): the speaker's own refusal. Anyone else
  /// named in between (`这种方式客户拒绝`) is no adverb, so it is no refusal by the speaker.
  private static func isTopicAndAdverbs(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
    var rest = words
    if let demonstrative = topicMarkers.first(where: { rest.starts(with: $0) }) {
      rest = rest.dropFirst(demonstrative.count)
    }
    guard let noun = topicNouns.first(where: { rest.starts(with: $0) }) else { return false }
    return isAdverbs(rest.dropFirst(noun.count))
  }

  private static func isAdverbs(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
    var rest = words
    while !rest.isEmpty {
      guard let word = adverbs.first(where: { rest.starts(with: $0) }) else { return false }
      rest = rest.dropFirst(word.count)
    }
    return true
  }

  private static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
    clauseMarks.contains(scalar) || scalar.isWhitespaceScalar && scalar != "\n" && scalar != "\r"
  }

  private static func words(_ list: [String]) -> [[Unicode.Scalar]] {
    list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
  }

  /// How many scalars of particles and pronouns may follow a cue.
  static let tailReach = 6
  /// How far after the cue's clause a reversal is looked for, within the sentence.
  static let reversalReach = 24

  static let sentenceEnds: Set<Unicode.Scalar> = ["。", "!", "?", "\n", "\r"]
  static let clauseMarks: Set<Unicode.Scalar> = [",", "、", ";", ":", "~", "…"]
  static let firstPerson: Set<Unicode.Scalar> = ["我", "咱"]
  static let agentSuffixes = words(["们这边", "们这里", "这边", "这里", "们"])
  static let adverbs = words([
    "是", "都", "也", "就", "还", "已经", "早就", "早", "当场", "直接", "立刻", "马上", "立马", "当时", "当即", "果断",
    "坚决", "绝对", "肯定", "一律", "全部", "全都", "统统", "一直", "从来", "根本", "一概", "一口", "婉言", "当面", "给",
    "把他们", "把他", "把她", "把对方", "把客户", "把人",
  ])
  static let topicMarkers = words(["这种", "这类", "这样的", "这个", "这些", "此类", "那种", "那类", "的"])
  static let topicNouns = words([
    "功能", "业务", "单子", "单", "活儿", "活", "事情", "事", "项目", "需求", "生意", "东西", "软件", "系统", "平台", "要求",
  ])
  static let tailWords = words([
    "了", "的", "啦", "掉", "过", "他", "她", "它", "们", "对方", "客户", "人家", "这个", "这单", "这种", "啊", "呀", "哈",
    "呢", "哦", "喔", "噢",
  ])
  static let contrasts = words(["但", "可是", "不过", "然而", "只是"])
  static let reversals = words([
    "但", "可是", "不过", "然而", "只是", "还是", "结果", "后来", "最后", "最终", "只好", "只能", "答应了", "同意了",
  ])
}
