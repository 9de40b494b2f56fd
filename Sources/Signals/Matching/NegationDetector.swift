/// The NegEx-style check of LEXICON.md "Negation" for one occurrence of a term.
///
/// Looks back at most `before` characters, stopping at the nearest breaker; cues inside a pseudo
/// phrase, inside the term itself or inside another term the rule matched (`没发工资`: 没 belongs
/// to the term 没发) do not count; nested cues count once (`没有` is one cue, not
/// `没` and `没有`). One cue negates, two cancel (double negation, affirmed but uncertain); a
/// conditional cue makes the occurrence hypothetical; an A-not-A pseudo phrase (有没有, 能不能)
/// before the term, or a unit ending in `?` with the term in its last clause, makes it a question;
/// an after-cue within `after` characters, before any breaker, negates (unless a second no, its
/// cost, 的话 or a question follows it: `不做不行`, `不接白不接`, `不接就亏了`, `不做的话`, `不接吗？`;
/// `AfterCueSequel`), and so does a no given right after the term's own question (`…吗？不，…`),
/// and so does a refusal that closes a first-person refusal clause later in the same sentence
/// (`…控制输赢，我当场拒绝了`, `RefusalClause`), and so does the speaker's refusal answering, in a
/// later clause, a request someone else made that holds the term (`客户说要用U付款，我说不行`;
/// `ReportedRequest`, `RequestAnswer`). A cue or after-cue in someone else's reported
/// words negates only a term inside them (`控制输赢他说不做` is his no; `ReportedSpeech`).
///
/// Only the occurrences near the term are looked at (found by binary search in the unit's sorted
/// occurrences), so a verdict costs the same in a long unit as in a short one.
struct NegationDetector {
  let context: UnitMatchContext
  let vocabulary: CompiledNegation
  /// The rule's occurrences, sorted by start: a cue overlapping one of them is part of a term,
  /// not a cue.
  let terms: [Occurrence]
  /// The longest literal occurrence or term (amounts and regex matches can be long).
  private let reach: Int
  /// Whether any verdict can be other than affirmed: the unit holds a cue, a conditional, an
  /// A-not-A phrase, an after-cue or a refusal of the vocabulary, or ends in `?`. Without any of
  /// them every occurrence is affirmed, and `verdict(for:)` says so without looking around it
  /// (callers then need not ask it at all).
  let mayQualify: Bool
  /// Where the last clause starts when the unit ends in `?` (see `finalQuestion(after:)`).
  private let finalClauseStart: Int?

  init(context: UnitMatchContext, vocabulary: CompiledNegation, terms: [Occurrence]) {
    self.context = context
    self.vocabulary = vocabulary
    // Callers mostly pass them sorted already; sorting (stably) would then leave them as they are.
    let inOrder = zip(terms, terms.dropFirst()).allSatisfy { $0.start <= $1.start }
    self.terms = inOrder ? terms : terms.sorted { $0.start < $1.start }
    reach = max(context.longestOccurrence, terms.lazy.map { $0.length }.max() ?? 0)
    mayQualify =
      context.finalQuestionMark != nil
      || context.occurrences.contains { vocabulary.qualifiers.contains($0.pattern) }
    finalClauseStart = context.finalQuestionMark.map { mark in
      Self.finalClauseStart(mark: mark, context: context, breakers: vocabulary.breakers)
    }
  }

  /// Where the clause closed by the unit's final `?` starts: the end of the last breaker ending
  /// before the mark. Walking back from the end, none starting more than the longest occurrence
  /// before the best end found so far can end later; found once per detector, not per verdict.
  private static func finalClauseStart(mark: Int, context: UnitMatchContext, breakers: SortedPatternIDs) -> Int {
    var clauseStart = 0
    for candidate in context.occurrences.reversed() {
      if candidate.start + context.longestOccurrence <= clauseStart { break }
      if breakers.contains(candidate.pattern), candidate.end <= mark {
        clauseStart = max(clauseStart, candidate.end)
      }
    }
    return clauseStart
  }

  /// The verdict for `occurrence`, with the range of the governing cue where there is one.
  func verdict(for occurrence: Occurrence) -> (verdict: NegationVerdict, cue: Range<Int>?) {
    guard mayQualify else { return (.affirmed, nil) }
    // Every occurrence that can matter lies within the look-back and look-ahead distances,
    // widened by the longest occurrence or term (one may start before the window and end in it).
    let ahead = max(vocabulary.after, vocabulary.refusalReach)
    let near = (occurrence.start - vocabulary.before - reach)..<(occurrence.end + ahead + reach)
    let all = Occurrence.starting(in: near, of: context.occurrences)
    let terms = Occurrence.starting(in: near, of: self.terms)
    let pseudos = all.filter { vocabulary.pseudo.contains($0.pattern) }
    var clauseStart = 0
    for candidate in all where candidate.end <= occurrence.start && vocabulary.breakers.contains(candidate.pattern) {
      clauseStart = max(clauseStart, candidate.end)
    }
    let lower = occurrence.start - vocabulary.before
    let window = all.filter {
      $0.end <= occurrence.start && $0.end > lower && $0.start >= clauseStart
    }
    let free = window.filter { candidate in
      !pseudos.contains { $0 != candidate && $0.contains(candidate) }
        && !terms.contains { $0 != candidate && $0.overlaps(candidate) }
    }

    let reported = ReportedSpeech(scalars: context.scalars)
    let cues = maximal(
      free.filter { vocabulary.cues.contains($0.pattern) && !Self.isOthersNo($0, for: occurrence, in: reported) })
    if let last = cues.last {
      if cues.count % 2 == 0 {
        return (.doubleNegated(cues: cues.map(text)), cues[0].start..<last.end)
      }
      return (.negated(cue: text(last)), last.start..<last.end)
    }
    if let cue = free.last(where: { vocabulary.hypothetical.contains($0.pattern) }) {
      return (.hypothetical(cue: text(cue)), cue.start..<cue.end)
    }
    if let cue = window.last(where: { vocabulary.questionPseudo.contains($0.pattern) }) {
      return (.question(cue: text(cue)), cue.start..<cue.end)
    }
    if let cue = afterCue(for: occurrence, among: all, pseudos: pseudos, reported: reported) {
      return afterCueVerdict(cue)
    }
    if let cue = refusal(of: occurrence, among: all, pseudos: pseudos, terms: terms) {
      return (.negated(cue: text(cue)), cue.start..<cue.end)
    }
    if let cue = requestRefusal(of: occurrence) {
      return (.negated(cue: text(cue)), cue.start..<cue.end)
    }
    if let answer = negativeAnswer(after: occurrence) {
      return (.negated(cue: answer.cue), answer.range)
    }
    if let question = finalQuestion(after: occurrence) {
      return (.question(cue: question.cue), question.range)
    }
    return (.affirmed, nil)
  }

  /// Whether `cue` is a no in someone else's reported words (`ReportedSpeech`) that leave the
  /// term out: `杀猪盘他说不做` reports his no, not the speaker's; in `他说不做杀猪盘` the term is
  /// within his words and the no governs it there.
  private static func isOthersNo(_ cue: Occurrence, for occurrence: Occurrence, in reported: ReportedSpeech) -> Bool {
    guard let words = reported.span(enclosing: cue.start, cue.end) else { return false }
    return !(words.lowerBound <= occurrence.start && occurrence.end <= words.upperBound)
  }

  /// The first after-cue within `after` scalars after the occurrence, before the next breaker,
  /// that is neither inside a pseudo phrase nor someone else's reported no.
  private func afterCue(
    for occurrence: Occurrence, among all: ArraySlice<Occurrence>, pseudos: [Occurrence], reported: ReportedSpeech
  ) -> Occurrence? {
    let limit = occurrence.end + vocabulary.after
    var nextBreak = Int.max
    for candidate in all where candidate.start >= occurrence.end && vocabulary.breakers.contains(candidate.pattern) {
      nextBreak = min(nextBreak, candidate.start)
    }
    return all.first { candidate in
      vocabulary.afterCues.contains(candidate.pattern) && candidate.start >= occurrence.end
        && candidate.start < limit && candidate.end <= nextBreak
        && !pseudos.contains { $0 != candidate && $0.contains(candidate) }
        && !Self.isOthersNo(candidate, for: occurrence, in: reported)
    }
  }

  /// What an after-cue makes of the term: it negates it, unless the words right after it undo it
  /// with a second no or its cost (`控制输赢这种功能不做不行`, `杀猪盘的单子不接白不接`, `博彩的活儿不接就亏了`:
  /// a double negation), make it a condition (`不做的话，客户都跑了`: hypothetical) or ask it
  /// (`杀猪盘的你们不接吗？`: a question); see `AfterCueSequel`.
  private func afterCueVerdict(_ cue: Occurrence) -> (verdict: NegationVerdict, cue: Range<Int>?) {
    guard let sequel = AfterCueSequel(cue: cue.start..<cue.end, in: context.scalars) else {
      return (.negated(cue: text(cue)), cue.start..<cue.end)
    }
    switch sequel {
    case .secondNo(let end):
      return (.doubleNegated(cues: [text(cue), context.originalSlice(start: cue.end, end: end).text]), cue.start..<end)
    case .condition(let end):
      return (.hypothetical(cue: context.originalSlice(start: cue.start, end: end).text), cue.start..<end)
    case .question(let end):
      return (.question(cue: context.originalSlice(start: cue.start, end: end).text), cue.start..<end)
    }
  }

  /// The first refusal starting within `refusalReach` after the occurrence that closes a refusal
  /// clause of it (`RefusalClause`); a refusal inside a pseudo phrase or a term does not count.
  private func refusal(
    of occurrence: Occurrence, among all: ArraySlice<Occurrence>, pseudos: [Occurrence], terms: ArraySlice<Occurrence>
  ) -> Occurrence? {
    let limit = occurrence.end + vocabulary.refusalReach
    let clause = RefusalClause(scalars: context.scalars)
    return all.first { candidate in
      vocabulary.refusals.contains(candidate.pattern) && candidate.start >= occurrence.end && candidate.start <= limit
        && !pseudos.contains { $0 != candidate && $0.contains(candidate) }
        && !terms.contains { $0 != candidate && $0.overlaps(candidate) }
        && clause.refuses(termEnd: occurrence.end, cue: candidate)
    }
  }

  /// When the occurrence lies in a request someone else made (`ReportedRequest`): the first
  /// refusal or request refusal starting within `refusalReach` after the request's clause that
  /// answers it (`RequestAnswer`); one inside a pseudo phrase or a term does not count.
  private func requestRefusal(of occurrence: Occurrence) -> Occurrence? {
    // A request ends at most `contentReach` scalars after the term; without a refusal within
    // reach of that, there is no answer to look for (the common case, checked first).
    let horizon = occurrence.end..<(occurrence.end + ReportedSpeech.contentReach + vocabulary.refusalReach + 1)
    let refusing = Occurrence.starting(in: horizon, of: context.occurrences).contains {
      vocabulary.refusals.contains($0.pattern) || vocabulary.requestRefusals.contains($0.pattern)
    }
    guard refusing, let request = ReportedRequest(scalars: context.scalars).span(enclosing: occurrence.start, occurrence.end)
    else { return nil }
    let limit = request.upperBound + vocabulary.refusalReach
    let all = Occurrence.starting(in: (request.upperBound - reach)..<(limit + 1 + reach), of: context.occurrences)
    let terms = Occurrence.starting(in: (request.upperBound - reach)..<(limit + 1 + reach), of: self.terms)
    let answer = RequestAnswer(scalars: context.scalars)
    return all.first { candidate in
      (vocabulary.refusals.contains(candidate.pattern) || vocabulary.requestRefusals.contains(candidate.pattern))
        && candidate.start >= request.upperBound && candidate.start <= limit
        && !all.contains { vocabulary.pseudo.contains($0.pattern) && $0 != candidate && $0.contains(candidate) }
        && !terms.contains { $0 != candidate && $0.overlaps(candidate) }
        && answer.refuses(request: request, cue: candidate)
    }
  }

  /// When the unit ends in `?` and the occurrence lies in the last clause: the cue (the final
  /// particle, if any, and the question mark, as originally written) and its range.
  private func finalQuestion(after occurrence: Occurrence) -> (cue: String, range: Range<Int>)? {
    guard let mark = context.finalQuestionMark, let clauseStart = finalClauseStart else { return nil }
    let scalars = context.scalars
    guard occurrence.start >= clauseStart, occurrence.end <= mark else { return nil }
    let start = mark > 0 && Self.finalParticles.contains(scalars[mark - 1]) ? mark - 1 : mark
    return (context.originalSlice(start: start, end: mark + 1).text, start..<(mark + 1))
  }

  /// When the occurrence sits in a question that the unit itself answers no to (`要用USDT结算吗？
  /// 不，只走对公`): the question mark and the answer (as originally written) and their range.
  /// The answer is one of `negativeAnswers` right after the `?`, standing alone: followed by a
  /// breaker or the end of the unit, so `？不过…` and `？不要紧` are no answers. The `?` is looked
  /// for at most `questionReach` scalars after the term, so the check costs the same in any unit.
  private func negativeAnswer(after occurrence: Occurrence) -> (cue: String, range: Range<Int>)? {
    let scalars = context.scalars
    let searchEnd = min(scalars.count, occurrence.end + Self.questionReach)
    guard occurrence.end < searchEnd, let mark = scalars[occurrence.end..<searchEnd].firstIndex(of: "?") else {
      return nil
    }
    // The `?` must close the occurrence's own clause.
    let between = Occurrence.starting(in: occurrence.end..<mark, of: context.occurrences)
    let clauseBreak = between.contains { candidate in
      vocabulary.breakers.contains(candidate.pattern) && candidate.end <= mark && scalars[candidate.start] != "?"
    }
    guard !clauseBreak else { return nil }
    var start = mark + 1
    while start < scalars.count, scalars[start].isWhitespaceScalar { start += 1 }
    for answer in Self.negativeAnswers {
      let end = start + answer.count
      guard end <= scalars.count, Array(scalars[start..<end]) == answer else { continue }
      guard end == scalars.count || Self.answerEnds.contains(scalars[end]) else { continue }
      return (context.originalSlice(start: mark, end: end).text, mark..<end)
    }
    return nil
  }

  /// How far after a term the `?` of its own question is looked for, in scalars: a question
  /// clause is far shorter, and the bound keeps a verdict's cost independent of the unit's length.
  static let questionReach = 200

  /// A no to a yes/no question, longest first (normalised: full-width punctuation is half-width).
  private static let negativeAnswers: [[Unicode.Scalar]] = ["不可以", "不需要", "不是", "不用", "不要", "不会", "不能", "不行", "没有", "不", "没", "否"]
    .map { Array($0.unicodeScalars) }

  /// What may follow an answer standing alone.
  private static let answerEnds: Set<Unicode.Scalar> = [",", ".", "!", ";", "~", " ", "。", "、", "\n"]

  /// The sentence-final particles a question's cue takes in with its `?`.
  private static let finalParticles: Set<Unicode.Scalar> = ["吗", "么", "呢", "吧", "嘛"]

  /// The cues left after dropping those nested in a longer cue, sorted by position.
  private func maximal(_ cues: [Occurrence]) -> [Occurrence] {
    var chosen: [Occurrence] = []
    for cue in cues.sorted(by: { ($1.length, $0.start) < ($0.length, $1.start) })
    where !chosen.contains(where: { $0.overlaps(cue) }) {
      chosen.append(cue)
    }
    return chosen.sorted { $0.start < $1.start }
  }

  private func text(_ occurrence: Occurrence) -> String {
    context.originalSlice(start: occurrence.start, end: occurrence.end).text
  }
}

extension Occurrence {
  /// The occurrences of `sorted` (sorted by start) whose start lies in `range`.
  static func starting(in range: Range<Int>, of sorted: [Occurrence]) -> ArraySlice<Occurrence> {
    func firstIndex(startingAtOrAfter position: Int) -> Int {
      var low = 0
      var high = sorted.count
      while low < high {
        let middle = (low + high) / 2
        if sorted[middle].start < position { low = middle + 1 } else { high = middle }
      }
      return low
    }
    return sorted[firstIndex(startingAtOrAfter: range.lowerBound)..<firstIndex(startingAtOrAfter: range.upperBound)]
  }
}
