/// The speaker's answer to a request someone else made (`ReportedRequest`), said in a later
/// clause of the same sentence (LEXICON.md "Answers to a request"): a refusal there refuses what
/// was asked, so the terms of the request are not the speaker's own act or acceptance
/// (`客户说要用U付款，我说不行，必须公对公`, `他说可以做菠菜平台，我说这种盘坚决不碰`,
/// `老板让我加控制输赢，这个我们不碰`, `对方要走USDT，免谈`).
///
/// A refusal cue (the rule's `refusals` or `requestRefusals`) answers the request when, in the
/// normalised text:
/// - it lies after the request, in a later clause of its sentence (no sentence end between);
/// - the words before it in its clause are the speaker answering: a first-person agent, adverbs
///   and sayings (说, 跟他说, 回他, 直接 …), and at most one topic pointing back at the request
///   (这个, 这种, 这事, 这种盘: `RefusalClause` markers and nouns), in the order
///   `[agent] [adverbs] [topic] [agent] [adverbs]`, each part optional; so `人民币不行`,
///   `他说不行` and `发票我说不行` answer nothing;
/// - it closes its clause (particles and pronouns, or the cue said again, follow it: `不行不行`),
///   which is no question (`我说不行吗？`), so `不行就换个通道` refuses nothing;
/// - no clause between the request and it accepts (`我说可以，…`), and nothing in the rest of
///   the sentence reverses it (`RefusalClause.reversals`: 后来, 还是, 答应了 …), haggles over it
///   (`我说不行，得加钱`, `这个价不行`: the no is to the price) or accepts (`我说不行，加钱就可以`);
/// - it is not someone else's reported words (`客户说要用U，他老板说不行`).
///
/// Every check reads a bounded stretch of scalars around the cue.
struct RequestAnswer {
  let scalars: [Unicode.Scalar]

  /// Whether `cue` refuses the request `request` (which ends where its clause ends).
  func refuses(request: Range<Int>, cue: Occurrence) -> Bool {
    guard request.upperBound <= cue.start, cue.end <= scalars.count else { return false }
    let between = scalars[request.upperBound..<cue.start]
    guard !between.contains(where: RefusalClause.sentenceEnds.contains),
      let mark = between.lastIndex(where: RefusalClause.isClauseMark)
    else { return false }
    guard ReportedSpeech(scalars: scalars).span(enclosing: cue.start, cue.end) == nil else { return false }
    let thingCue = RefusalClause.isThingCue(scalars[cue.start..<cue.end])
    guard Self.isAnswer(words(mark + 1..<cue.start), thingCue: thingCue) else { return false }
    guard let tailEnd = tailEnd(after: cue), tailEnd == scalars.count || scalars[tailEnd] != "?" else { return false }
    guard !clauses(in: request.upperBound..<(mark + 1)).contains(where: accepts) else { return false }
    var sentenceEnd = tailEnd
    let limit = min(scalars.count, tailEnd + RefusalClause.reversalReach)
    while sentenceEnd < limit, !RefusalClause.sentenceEnds.contains(scalars[sentenceEnd]) { sentenceEnd += 1 }
    let rest = tailEnd..<sentenceEnd
    let reversed = rest.contains { index in
      (RefusalClause.reversals + Self.counterOffers).contains { scalars[index...].starts(with: $0) }
    }
    return !reversed && !clauses(in: rest).contains(where: accepts)
  }

  /// Where the particles and pronouns after the cue end, past the cue said again (`不行不行`).
  private func tailEnd(after cue: Occurrence) -> Int? {
    let said = scalars[cue.start..<cue.end]
    var position = cue.end
    while scalars[position...].starts(with: said) { position += said.count }
    return RefusalClause(scalars: scalars).tailEnd(after: position)
  }

  /// The clauses of `range`, cut at clause marks, without whitespace.
  private func clauses(in range: Range<Int>) -> [ArraySlice<Unicode.Scalar>] {
    scalars[range].split(whereSeparator: RefusalClause.isClauseMark).map { ArraySlice($0.filter { !$0.isWhitespaceScalar }) }
  }

  private func words(_ range: Range<Int>) -> ArraySlice<Unicode.Scalar> {
    ArraySlice(scalars[range].filter { !$0.isWhitespaceScalar })
  }

  /// Whether `clause` takes a request up: the speaker answering (`isAnswer`'s words) with a yes
  /// standing alone (`我说可以`, `行，安排`, `没问题`), or a clause ending in a yes on a condition
  /// (`加钱就可以`, `U也行`).
  private func accepts(_ clause: ArraySlice<Unicode.Scalar>) -> Bool {
    var body = clause
    while let particle = RefusalClause.tailWords.first(where: { body.reversed().starts(with: $0.reversed()) }) {
      body = body.dropLast(particle.count)
    }
    if Self.conditionalYeses.contains(where: { body.reversed().starts(with: $0.reversed()) }) { return true }
    return Self.yeses.contains { yes in
      body.count >= yes.count && body.reversed().starts(with: yes.reversed())
        && Self.isAnswer(body.dropLast(yes.count), thingCue: false)
    }
  }

  /// Whether `words` are `[agent] [adverbs] [topic] [agent] [adverbs]`, each part optional.
  static func isAnswer(_ words: ArraySlice<Unicode.Scalar>, thingCue: Bool) -> Bool {
    var rest = droppingAdverbs(droppingAgent(words))
    if rest.isEmpty { return true }
    guard let afterTopic = droppingTopic(rest, thingCue: thingCue) else { return false }
    rest = droppingAdverbs(droppingAgent(afterTopic))
    return rest.isEmpty
  }

  /// `words` without a first-person agent at their start (我, 我们, 咱们, 我这边).
  private static func droppingAgent(_ words: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    guard let first = words.first, RefusalClause.firstPerson.contains(first) else { return words }
    let rest = words.dropFirst()
    guard let suffix = RefusalClause.agentSuffixes.first(where: { rest.starts(with: $0) }) else { return rest }
    return rest.dropFirst(suffix.count)
  }

  /// `words` without the adverbs and sayings at their start.
  private static func droppingAdverbs(_ words: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var rest = words
    while let adverb = adverbs.first(where: { rest.starts(with: $0) }) { rest = rest.dropFirst(adverb.count) }
    return rest
  }

  /// `words` past a topic pointing back at the request at their start (a marker, then a noun the
  /// marker and cue admit, or none: `这个`, `这种盘`, `这事`), or nil when they start with none.
  private static func droppingTopic(_ words: ArraySlice<Unicode.Scalar>, thingCue: Bool) -> ArraySlice<Unicode.Scalar>? {
    guard let marker = topicMarkers.first(where: { words.starts(with: $0.words) }) else { return nil }
    let rest = words.dropFirst(marker.words.count)
    guard let noun = RefusalClause.topicNouns.first(where: { rest.starts(with: $0.words) }) else { return rest }
    return noun.kind.admits(marker: marker.kind, thingCue: thingCue) ? rest.dropFirst(noun.words.count) : nil
  }

  private static func words(_ list: [String]) -> [[Unicode.Scalar]] {
    list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
  }

  /// `RefusalClause`'s adverbs and sayings, and the ways of answering (回他, 回复, 告诉他 …),
  /// longest first.
  static let adverbs = (RefusalClause.adverbs + words([
    "回复他们", "回复他", "回复对方", "回复客户", "回复", "回他们", "回他", "回她", "回对方", "回客户", "回了句", "回了", "回",
    "告诉他们", "告诉他", "告诉对方", "告诉客户", "表示", "一句话",
  ])).sorted { $0.count > $1.count }
  /// The markers a topic pointing back at the request starts with: `RefusalClause`'s but 的
  /// (nothing stands before it here), and 这, 那 before a noun or alone (`这事`, `那不行`).
  static let topicMarkers = (RefusalClause.topicMarkers.filter { $0.words != ["的"] }
    + TopicMarker.table(kind: [], specific: ["这", "那"])).sorted { $0.words.count > $1.words.count }
  /// Words after a no that make it a haggle over the price, not a refusal of the request.
  static let counterOffers = words(["加钱", "加价", "得加", "要加", "再加", "另算", "另外收", "涨价", "多收", "价"])
  /// A yes standing alone, longest first.
  static let yeses = words(["没问题", "可以", "好的", "同意", "答应", "安排", "行", "好", "成", "ok"])
  /// A yes on a condition or as well, ending a clause (`加钱就可以`, `U也行`), longest first.
  static let conditionalYeses = words(["就可以", "也可以", "就行", "也行", "就ok", "也ok"])
}
