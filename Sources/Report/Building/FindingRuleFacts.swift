import Signals

/// What a finding takes from its rule: the title, level, polarity, clauses and weight (clamped to
/// [0, 1]). A spilling scan looks these up for every signal; a whole `LexiconRule`, with its
/// match expression and examples, was copied for each of them.
struct FindingRuleFacts: Sendable {
  let title: String
  let level: RuleLevel
  let polarity: Polarity
  let clauses: [String]
  /// The rule's weight in [0, 1]; 0 when it is not a finite number.
  let weight: Double

  /// The facts of `rule`.
  init(_ rule: LexiconRule) {
    title = rule.title
    level = rule.level
    polarity = rule.polarity
    clauses = rule.clauses
    weight = rule.weight.isFinite ? min(max(rule.weight, 0), 1) : 0
  }

  /// The facts of the lexicon's rules by id (the first of a duplicated id).
  static func byID(_ lexicon: LexiconSet) -> [String: FindingRuleFacts] {
    Dictionary(lexicon.rules.map { ($0.id, FindingRuleFacts($0)) }, uniquingKeysWith: { first, _ in first })
  }
}
