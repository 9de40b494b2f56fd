import Ingest

extension RuleEvaluation {
  /// The signals of a `price` rule on one unit, and the unit's service mention remembered for
  /// later units.
  ///
  /// An amount with a service phrase nearby in the unit is compared with that service; an amount
  /// in a unit that names no service is compared with the service named in one of the `within`
  /// units before it in the same conversation, and the finding cites that unit in `related` with
  /// role `service`. `counts` says whether the rule's speaker constraint admits this unit.
  func priceSignals(
    unit: TextUnit, index: Int, path: String, role: SpeakerRole, counts: Bool, conversation: String, ordinal: Int,
    mentions: inout ServiceMentions
  ) -> [Signal] {
    guard let check = rule.rule.price, let trigger = rule.priceTrigger else { return [] }
    let named = namedServices(check, trigger)
    var signals: [Signal] = []
    if counts {
      if let same = outcome() {
        signals.append(signal(from: same, unit: unit, index: index, path: path, role: role))
      } else if named.isEmpty, check.within > 0,
        let earlier = mentions.mention(rule: rule.rule.id, conversation: conversation, before: ordinal, within: check.within),
        let linked = outcome(linked: earlier.service)
      {
        let related = RelatedUnit(path: path, line: earlier.unit.line, endLine: earlier.unit.endLine, role: "service")
        signals.append(
          signal(
            from: linked, unit: unit, index: index, path: path, role: role, related: [related],
            tracePrefix: "service「\(earlier.text)」@L\(earlier.unit.line), "))
      }
    }
    if let last = named.last {
      let text = context.originalSlice(start: last.occurrence.start, end: last.occurrence.end).text
      mentions.record(
        rule: rule.rule.id, conversation: conversation,
        mention: ServiceMentions.Mention(unit: unit, ordinal: ordinal, service: last.service, text: text))
    }
    return signals
  }

  /// The affirmed service phrases of the unit (a negated “不做交易所” names no service).
  private func namedServices(_ check: PriceCheck, _ trigger: PriceTrigger) -> [(occurrence: Occurrence, service: ServicePrice)] {
    let literals = usableOccurrences(literals: rule.matchMask, money: false, regexes: [])
    let matcher = PriceMatcher(check: check, trigger: trigger, context: context, patterns: lexicon.patterns)
    let services = matcher.serviceOccurrences(in: literals)
    guard rule.rule.negationMode != .ignore, !services.isEmpty else { return services }
    let detector = NegationDetector(context: context, vocabulary: rule.negation, terms: literals)
    guard detector.mayQualify else { return services }
    return services.filter { Self.countsAsAffirmed(detector.verdict(for: $0.occurrence).verdict) }
  }
}
