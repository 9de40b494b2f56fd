import Ingest

extension SignalScanner {
  /// A sieve for the chat parsers of a scan (see `UnitSieve`): a message passes exactly when
  /// `scan` would evaluate a rule on it — its folded text holds a phrase some rule is indexed
  /// under and that rule may fire given the phrases present (`mayFire`); on any other unit no
  /// rule is evaluated, so it yields no signal. Nil when every unit must be read whole: the
  /// lexicon has a rule with no required phrase (evaluated on every unit) or a `paragraph` or
  /// `document` rule (its joined text takes every unit), or a phrase that decides whether a rule
  /// may fire holds a line break (the sieve reads raw bodies, whose breaks may differ from the
  /// unit text's; a negation breaker such as `\n` decides nothing here).
  ///
  /// - Parameters:
  ///   - radius: messages built whole on either side of one that passes.
  ///   - minimumUnits: pieces of at most this many messages are not sieved.
  public func unitSieve(radius: Int, minimumUnits: Int) -> UnitSieve? {
    guard compiled.unconditionalRules.isEmpty, compiled.joinedScopeRules.isEmpty else { return nil }
    let decisive = compiled.rules.reduce(into: Set<Int>()) { $0.formUnion($1.match.decisivePatterns(regexAtoms: regexAtoms)) }
    guard !decisive.contains(where: { compiled.patterns[$0].utf8.contains { $0 == 0x0A || $0 == 0x0D } }) else { return nil }
    let scanner = self
    return UnitSieve(radius: radius, minimumUnits: minimumUnits) {
      var found = StampedIDSet(capacity: scanner.compiled.automaton.patternCount)
      return { body in scanner.holdsCandidate(body, found: &found) }
    }
  }

  /// Whether some rule is to be evaluated on a unit whose text is the UTF-8 `body` (see
  /// `unitSieve`); `found` is scratch space for the patterns found.
  private func holdsCandidate(_ body: UnsafeBufferPointer<UInt8>, found: inout StampedIDSet) -> Bool {
    compiled.automaton.patterns(inFoldingUTF8: body, into: &found)
    for pattern in found.members {
      for rule in compiled.rulesByPattern[pattern] where mayFire(rule, given: found) { return true }
    }
    return false
  }
}
