/// The grammar of a refusal said after a term (LEXICON.md "Refusals"): `客户要求后台控制输赢，我当场
/// 拒绝了`, `客户想用USDT结算，被我拒绝了`, `控制输赢这种功能我是绝对不会做的`.
///
/// A refusal cue negates the term before it when, in the normalised text:
/// - no sentence end (`。`, `!`, `?`, a line break) and no contrast (但, 可是, 不过, 然而, 只是) lies
///   between the term and the cue;
/// - the words before the cue in its clause are a first-person agent (我, 我们, 咱们, 被我, 我这边)
///   and adverbs only (当场, 直接, 绝对, 都, 把他, the saying 说了 and whom it is told 跟他 …), or
///   adverbs only; when the cue shares the
///   term's clause, a topic may come between the term and the agent (`这种功能我是绝对不会做的`),
///   or stand with the agent unsaid when it names the kind of work or a thing of the trade
///   (`这种功能绝对不做`, `的活不碰`, `这种盘坚决不碰`; see `TopicNoun`); so `先别拒绝`, `客户拒绝`,
///   `我没拒绝`, `这种收款码一律不接` (the code may take no such payment) are no refusals of the term;
/// - the cue closes its clause: only particles and pronouns (了, 的, 掉, 他, 他们 …) follow it
///   before a clause mark, so `拒绝付款` and `拒绝了三次` are no refusals of the term;
/// - the cue's clause is no question (`这种站一律不碰？` asks, it does not refuse; `我拒绝了，你呢？`
///   refuses);
/// - no reversal (还是, 后来, 最后, 结果, 只好, 答应了 …) follows in the rest of the sentence;
/// - the cue is no one else's reported words (`他说这种盘坚决不碰`, `老板说过他们不接`;
///   `ReportedSpeech`), while the speaker's own saying (`我说了不做`) refuses.
///
/// Every check reads a bounded stretch of scalars around the cue.
struct RefusalClause {
  let scalars: [Unicode.Scalar]

  /// Whether `cue` (starting `reach` scalars or fewer after `termEnd`) refuses the term ending at
  /// `termEnd`.
  func refuses(termEnd: Int, cue: Occurrence) -> Bool {
    guard termEnd <= cue.start, cue.end <= scalars.count else { return false }
    guard ReportedSpeech(scalars: scalars).span(enclosing: cue.start, cue.end) == nil else { return false }
    let between = scalars[termEnd..<cue.start]
    guard !between.contains(where: Self.sentenceEnds.contains), !contains(Self.contrasts, in: termEnd..<cue.start)
    else { return false }
    let clauseMark = between.lastIndex(where: Self.isClauseMark)
    let clauseStart = clauseMark.map { $0 + 1 } ?? termEnd
    let thingCue = Self.isThingCue(scalars[cue.start..<cue.end])
    guard agentAndAdverbs(clauseStart..<cue.start, topicAllowed: clauseMark == nil, thingCue: thingCue) else { return false }
    guard let tailEnd = tailEnd(after: cue.end), tailEnd == scalars.count || scalars[tailEnd] != "?" else { return false }
    var sentenceEnd = tailEnd
    let limit = min(scalars.count, tailEnd + Self.reversalReach)
    while sentenceEnd < limit, !Self.sentenceEnds.contains(scalars[sentenceEnd]) { sentenceEnd += 1 }
    return !contains(Self.reversals, in: tailEnd..<sentenceEnd)
  }

  /// Whether the words of `range` are `[topic] [被] agent adverbs*` or `adverbs*`; `thingCue`
  /// says whether a thing could be the one refusing (`isThingCue`).
  private func agentAndAdverbs(_ range: Range<Int>, topicAllowed: Bool, thingCue: Bool) -> Bool {
    let words = scalars[range].filter { !$0.isWhitespaceScalar }
    guard let agent = words.lastIndex(where: Self.firstPerson.contains) else {
      return Self.isAdverbs(words[...]) || topicAllowed && Self.isTopicAndAdverbs(words[...], thingCue: thingCue)
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
  func tailEnd(after start: Int) -> Int? {
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

  /// Whether `words` are a topic naming what is refused (`这种功能`, `这类业务`, `的活`, `这种盘`:
  /// a marker (a demonstrative or 的) or none, then a noun of `topicNouns`) and adverbs only, with the
  /// agent left unsaid as Chinese leaves it (`控制输赢这种功能绝对不做`): the speaker's own refusal.
  /// Anyone else named in between (`这种方式客户拒绝`, `这种站站长不碰`) is no adverb, so it is no
  /// refusal by the speaker. Which markers and cues a noun admits is its `TopicNoun` kind's.
  private static func isTopicAndAdverbs(_ words: ArraySlice<Unicode.Scalar>, thingCue: Bool) -> Bool {
    var rest = words
    let marker = topicMarkers.first { rest.starts(with: $0.words) }
    if let marker { rest = rest.dropFirst(marker.words.count) }
    guard let noun = topicNouns.first(where: { rest.starts(with: $0.words) }),
      noun.kind.admits(marker: marker?.kind, thingCue: thingCue)
    else { return false }
    return isAdverbs(rest.dropFirst(noun.words.count))
  }

  /// Whether a thing, not only a person, can be the one doing `cue`: a code or a card "does not
  /// take" a payment (`不接`, `没接`, `不会接`), a system or a bank "refuses" (`拒绝`, `拒了`).
  static func isThingCue(_ cue: ArraySlice<Unicode.Scalar>) -> Bool {
    cue.contains("接") || cue.first == "拒"
  }

  static func isAdverbs(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
    var rest = words
    while !rest.isEmpty {
      guard let word = adverbs.first(where: { rest.starts(with: $0) }) else { return false }
      rest = rest.dropFirst(word.count)
    }
    return true
  }

  static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
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
    // The speaker's own saying and whom it is said to (`我说了不做`, `跟他说了不接`, `我跟客户说过不做`).
    "说了", "说过", "说", "讲了", "讲过", "跟你", "跟您", "跟他们", "跟他", "跟她", "跟客户", "跟对方", "和他", "和客户", "对他",
  ])
  /// The markers a topic may start with, longest first.
  static let topicMarkers = TopicMarker.table(
    kind: ["这种", "这类", "这样的", "此类", "那种", "那类", "这一类", "这几类", "这几种"],
    specific: ["这个", "这些", "那个", "那些", "这张", "这条", "这款", "的"])
  /// The nouns a topic may name, longest first.
  static let topicNouns = TopicNoun.table(
    work: [
      "功能", "业务", "单子", "单", "活儿", "活", "事情", "事", "项目", "需求", "生意", "东西", "要求", "买卖", "订单", "私活",
    ],
    product: [
      "软件", "系统", "平台", "盘", "盘子", "盘口", "台子", "站", "网站", "站子", "app", "小程序", "源码", "程序", "后台", "模板",
      "包网", "话术", "脚本",
    ],
    instrument: ["码", "二维码", "收款码", "卡", "银行卡", "号", "账号", "账户", "通道", "接口"])
  static let tailWords = words([
    "了", "的", "啦", "掉", "过", "他", "她", "它", "们", "对方", "客户", "人家", "这个", "这单", "这种", "啊", "呀", "哈",
    "呢", "哦", "喔", "噢",
  ])
  static let contrasts = words(["但", "可是", "不过", "然而", "只是"])
  static let reversals = words([
    "但", "可是", "不过", "然而", "只是", "还是", "结果", "后来", "最后", "最终", "只好", "只能", "答应了", "同意了",
  ])
}

/// A word that may start a refusal's topic (`这种`, `这个`, `的`).
struct TopicMarker {
  /// What the marker makes of the noun after it.
  enum Kind {
    /// A kind of thing (`这种`, `这类`, `这样的`): a category, which refuses nothing itself.
    case kind
    /// This very thing or things (`这个`, `这些`, `的`).
    case specific
  }

  let words: [Unicode.Scalar]
  let kind: Kind

  /// The markers of both kinds, longest first.
  static func table(kind: [String], specific: [String]) -> [TopicMarker] {
    let markers = kind.map { TopicMarker(words: Array($0.unicodeScalars), kind: .kind) }
      + specific.map { TopicMarker(words: Array($0.unicodeScalars), kind: .specific) }
    return markers.sorted { $0.words.count > $1.words.count }
  }
}

/// A noun that may name what a refusal's topic refuses.
struct TopicNoun {
  /// What the noun names, which decides the markers and cues it stands with.
  enum Kind {
    /// Work or a deal (功能, 业务, 单子, 活, 买卖): never the one refusing, so it stands with every
    /// cue.
    case work
    /// A thing made or run for the trade (盘, 站, app, 源码, 后台, 平台, 系统): a cue a thing can
    /// do too (`不接`, `拒绝`: a site takes no such traffic, a system refuses a login) counts only
    /// after a kind marker: `这种站不接` refuses the work, `这个站不接` may say what the site takes.
    case product
    /// A means of payment or an account (码, 卡, 号, 通道, 接口), which takes or declines
    /// payments itself: a cue a thing can do never counts (`这种码不接` may say what the code
    /// takes); `这种码不碰` refuses it.
    case instrument

    /// Whether the noun stands as a topic after a marker of kind `marker` (nil: none, as in
    /// `菠菜站不碰`) before a cue, a thing cue when `thingCue`.
    func admits(marker: TopicMarker.Kind?, thingCue: Bool) -> Bool {
      switch self {
      case .work: true
      case .product: marker == .kind || !thingCue
      case .instrument: !thingCue
      }
    }
  }

  let words: [Unicode.Scalar]
  let kind: Kind

  /// The nouns of every kind, longest first.
  static func table(work: [String], product: [String], instrument: [String]) -> [TopicNoun] {
    let nouns = work.map { TopicNoun(words: Array($0.unicodeScalars), kind: .work) }
      + product.map { TopicNoun(words: Array($0.unicodeScalars), kind: .product) }
      + instrument.map { TopicNoun(words: Array($0.unicodeScalars), kind: .instrument) }
    return nouns.sorted { $0.words.count > $1.words.count }
  }
}
