extension LexiconSet {
  /// Every literal term the rules match on (terms and term-set members, normalised), sorted and
  /// without repeats. Regex, money and negation vocabulary are not included. The benchmark feeds
  /// this list to `rg -F -f` as the baseline for the same lexicon.
  public var literalTerms: [String] {
    var terms = Set<String>()
    for rule in rules {
      rule.match.collectTerms(into: &terms)
      rule.unless?.collectTerms(into: &terms)
    }
    return terms.sorted()
  }
}

extension MatchExpression {
  /// Adds the literal terms of this expression to `terms`.
  func collectTerms(into terms: inout Set<String>) {
    switch self {
    case .term(let term): terms.insert(term)
    case .termSet(_, let members): terms.formUnion(members)
    case .any(let items), .all(let items, _), .atLeast(_, let items, _):
      for item in items { item.collectTerms(into: &terms) }
    case .count(let inner, _), .not(let inner): inner.collectTerms(into: &terms)
    case .sequence(let first, let then, _):
      first.collectTerms(into: &terms)
      then.collectTerms(into: &terms)
    case .money, .regex: break
    }
  }
}
