import Ingest

/// The outcome of one rule on one unit, before it becomes a `Signal`.
struct RuleOutcome {
  /// The chosen occurrences (with a `require` cue folded into its part).
  var parts: [Occurrence]
  /// The operator trace.
  var trace: String
  /// The negation verdict of the signal.
  var verdict: NegationVerdict
  /// Why the signal is only suppressed, or nil when active.
  var suppressedReason: String?
  /// The price comparison of a `price` rule.
  var price: PriceComparison?
}

/// Applies one compiled rule to one unit: operators, negation mode and `unless`.
struct RuleEvaluation {
  let rule: CompiledRule
  let context: UnitMatchContext
  let lexicon: CompiledLexicon

  private var patterns: [String] { lexicon.patterns }

  /// The literal, money and regex occurrences the rule's expression may use, sorted by start.
  func usableOccurrences(literals: Set<Int>, money: Bool, regexes: Set<Int>) -> [Occurrence] {
    usableOccurrences(selected: context.select(literals), money: money, regexes: regexes)
  }

  /// The same, with the literals as a mask (`CompiledRule.matchMask`, `unlessMask`).
  func usableOccurrences(literals: PatternMask, money: Bool, regexes: Set<Int>) -> [Occurrence] {
    usableOccurrences(selected: context.select(literals), money: money, regexes: regexes)
  }

  /// The occurrences the rule's `unless` is evaluated on: its own literals, amounts and regex
  /// matches, except one lying inside a longer phrase of the rule's `match` found in the unit
  /// (`恢复` inside `恢复出厂`, `不接` inside `不接真实行情`, `车队` inside `跑分车队`). Such a word is
  /// part of the phrase the rule looks for, not a mention of its own, and counting it would make
  /// the phrase suppress itself — as a negation cue inside a term never negates it.
  func unlessOccurrences() -> [Occurrence] {
    let candidates = usableOccurrences(
      literals: rule.unlessMask, money: rule.unlessUsesMoney, regexes: rule.unlessRegexes)
    guard !candidates.isEmpty else { return candidates }
    let phrases = usableOccurrences(literals: rule.matchMask, money: false, regexes: rule.matchRegexes)
    return candidates.filter { word in
      !phrases.contains { phrase in
        phrase.start <= word.start && word.end <= phrase.end && phrase.end - phrase.start > word.end - word.start
      }
    }
  }

  /// The `selected` literal occurrences with the money and regex occurrences, sorted by start.
  private func usableOccurrences(selected: [Occurrence], money: Bool, regexes: Set<Int>) -> [Occurrence] {
    var result = selected
    guard money || !regexes.isEmpty else { return result }
    if money { result += context.moneyOccurrences }
    for id in regexes { result += context.regexMatches[id] ?? [] }
    result.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    return result
  }

  /// The outcome of the rule's `match` (or of `expression`, one event of a sequence), or nil
  /// when it does not match the unit at all. A `price` rule's match compares amounts with the
  /// price table (`linked`: the service named in an earlier unit, for amounts with none nearby).
  ///
  /// With `inside` / `not_inside`, only occurrences placed as required count; when the rule
  /// matches only with the others, the outcome is suppressed and says where they lie.
  func outcome(of expression: CompiledExpression? = nil, linked: ServicePrice? = nil) -> RuleOutcome? {
    let all = usableOccurrences(literals: rule.matchMask, money: rule.matchUsesMoney, regexes: rule.matchRegexes)
    guard !all.isEmpty else { return nil }
    // A placement that admits every occurrence leaves `all` as it is.
    guard let placement = SpanPlacement(rule: rule, context: context), !placement.admitsEverything else {
      return outcome(of: expression, linked: linked, occurrences: all)
    }
    let placed = all.filter { placement.admits($0) }
    if let outcome = outcome(of: expression, linked: linked, occurrences: placed, absenceScope: all) { return outcome }
    guard placed.count < all.count, var outcome = outcome(of: expression, linked: linked, occurrences: all) else {
      return nil
    }
    outcome.suppressedReason = placement.reason(for: outcome.parts)
    return outcome
  }

  /// The outcome over `occurrences`; a `not` of the match looks in `absenceScope` (every
  /// occurrence of the rule's patterns in the unit) when given, else in `occurrences` (then also
  /// every one when evaluated before the negation verdicts remove some).
  private func outcome(
    of expression: CompiledExpression?, linked: ServicePrice?, occurrences: [Occurrence],
    absenceScope: [Occurrence]? = nil
  ) -> RuleOutcome? {
    let target = expression ?? rule.match
    let absences = rule.matchUsesNot ? absenceScope ?? occurrences : nil
    guard !occurrences.isEmpty else { return nil }
    // The verdict of `occurrences[i]` is `verdicts[i]` (none under `negation: ignore`); a part is
    // one of `occurrences`, found by a linear search (a match has few parts). When no occurrence
    // can be other than affirmed, `flag` and `exclude` come to what `ignore` does and `require`
    // to no match, and the verdicts are not listed.
    var verdicts: [(verdict: NegationVerdict, cue: Range<Int>?)] = []
    var mode = rule.rule.negationMode
    if mode != .ignore {
      let detector = NegationDetector(context: context, vocabulary: rule.negation, terms: occurrences)
      if detector.mayQualify {
        verdicts = occurrences.map { detector.verdict(for: $0) }
      } else if mode == .require {
        return nil
      } else {
        mode = .ignore
      }
    }
    func entry(_ occurrence: Occurrence) -> (verdict: NegationVerdict, cue: Range<Int>?)? {
      guard !verdicts.isEmpty, let index = occurrences.firstIndex(of: occurrence) else { return nil }
      return verdicts[index]
    }
    func verdict(_ occurrence: Occurrence) -> NegationVerdict { entry(occurrence)?.verdict ?? .affirmed }
    func trace(_ match: MatchCandidate) -> String { match.writtenTrace(patterns: patterns, context: context) }
    // The price comparison of each price candidate found, by its parts (a later one wins).
    var comparisons: [(parts: [Occurrence], comparison: PriceComparison)] = []
    func evaluate(_ usable: [Occurrence]) -> MatchCandidate? {
      guard let check = rule.rule.price, let trigger = rule.priceTrigger, expression == nil else {
        return ExpressionEvaluator(occurrences: usable, patterns: patterns, context: context, absenceScope: absences)
          .firstCandidate(target)
      }
      guard let found = PriceMatcher(check: check, trigger: trigger, context: context, patterns: patterns).best(in: usable, linked: linked)
      else { return nil }
      comparisons.append((found.candidate.parts, found.comparison))
      return found.candidate
    }

    var result: RuleOutcome
    switch mode {
    case .ignore:
      guard let match = evaluate(occurrences) else { return nil }
      result = RuleOutcome(parts: match.parts, trace: trace(match), verdict: .affirmed)
    case .flag:
      guard let match = evaluate(occurrences) else { return nil }
      let shown = match.parts.map(verdict).first { $0 != .affirmed } ?? .affirmed
      result = RuleOutcome(parts: match.parts, trace: trace(match), verdict: shown)
    case .exclude:
      let affirmed = occurrences.indices.filter { Self.countsAsAffirmed(verdicts[$0].verdict) }.map { occurrences[$0] }
      if let match = evaluate(affirmed) {
        let shown = match.parts.map(verdict).first { $0 != .affirmed } ?? .affirmed
        result = RuleOutcome(parts: match.parts, trace: trace(match), verdict: shown)
      } else {
        guard let match = evaluate(occurrences) else { return nil }
        let shown = match.parts.map(verdict).first { !Self.countsAsAffirmed($0) } ?? .affirmed
        result = RuleOutcome(
          parts: match.parts, trace: trace(match), verdict: shown, suppressedReason: shown.label)
      }
    case .require:
      guard let match = evaluate(occurrences),
        let negatedIndex = match.parts.firstIndex(where: { if case .negated = verdict($0) { true } else { false } }),
        let cue = entry(match.parts[negatedIndex])?.cue
      else { return nil }
      var parts = match.parts
      let part = parts[negatedIndex]
      parts[negatedIndex] = Occurrence(
        pattern: part.pattern, start: min(cue.lowerBound, part.start), end: max(cue.upperBound, part.end),
        source: part.source)
      result = RuleOutcome(parts: parts, trace: trace(match), verdict: verdict(part))
    }

    if let comparison = comparisons.last(where: { $0.parts == result.parts })?.comparison {
      result.price = comparison
      if comparison.verdict == .notCompared, result.suppressedReason == nil { result.suppressedReason = comparison.reason }
    }
    if let unless = rule.unless {
      let evaluator = ExpressionEvaluator(occurrences: unlessOccurrences(), patterns: patterns, context: context)
      if let filter = evaluator.firstCandidate(unless) {
        result.suppressedReason = "unless \(filter.writtenTrace(patterns: patterns, context: context))"
      }
    }
    return result
  }

  /// The signal for the unit, or nil when the rule does not match it.
  func signal(unit: TextUnit, index: Int, path: String, role: SpeakerRole) -> Signal? {
    outcome().map { signal(from: $0, unit: unit, index: index, path: path, role: role) }
  }

  /// The signal for an outcome on the unit; `related` and `tracePrefix` come from a sequence.
  func signal(
    from outcome: RuleOutcome, unit: TextUnit, index: Int, path: String, role: SpeakerRole,
    related: [RelatedUnit] = [], tracePrefix: String = ""
  ) -> Signal {
    let matched = outcome.parts.map { part in
      let slice = context.originalSlice(start: part.start, end: part.end)
      return MatchedPart(
        term: term(of: part), text: slice.text, start: slice.range.lowerBound, end: slice.range.upperBound)
    }
    return Signal(
      ruleID: rule.rule.id, path: path, unitIndex: index, line: unit.line, endLine: unit.endLine,
      matched: matched, negation: outcome.verdict, speakerRole: role,
      values: values(of: outcome.parts).merging(outcome.price?.values ?? [:]) { _, price in price }
        .merging(ValueExtractor(context: context).values(for: rule, parts: outcome.parts)) { engine, _ in engine },
      related: related, why: "\(tracePrefix)\(outcome.trace) · \(outcome.verdict.label)",
      suppressedReason: outcome.suppressedReason)
  }

  /// The pack term, `money`, or the regex source of a part.
  private func term(of part: Occurrence) -> String {
    switch part.source {
    case .literal: patterns[part.pattern]
    case .money: "money"
    case .regex(let id): lexicon.regexes[id].source
    }
  }

  /// `amountFen` (the low end, or the high end of an open-below amount), `amountHighFen` for
  /// ranges, `currency` and `approximate`, from the first amount among the parts.
  private func values(of parts: [Occurrence]) -> [String: String] {
    for part in parts {
      guard case .money(let index) = part.source else { continue }
      let amount = context.amounts[index]
      var values: [String: String] = [:]
      if let point = amount.low ?? amount.high { values["amountFen"] = String(point) }
      if let low = amount.low, let high = amount.high, high != low { values["amountHighFen"] = String(high) }
      if amount.low == nil { values["amountOpenBelow"] = "true" }
      if amount.high == nil { values["amountOpenAbove"] = "true" }
      values["currency"] = (amount.currency ?? .cny).rawValue
      if amount.approximate { values["approximate"] = "true" }
      return values
    }
    return [:]
  }

  /// Affirmed and double-negated occurrences count as affirmed under `exclude`.
  static func countsAsAffirmed(_ verdict: NegationVerdict) -> Bool {
    switch verdict {
    case .affirmed, .doubleNegated: true
    case .negated, .hypothetical, .question: false
    }
  }
}
