/// A `LexiconSet` prepared for scanning: one automaton over every phrase of every rule, the rules
/// with their terms replaced by pattern numbers, and an index from pattern to the rules that need it.
struct CompiledLexicon: Sendable {
  /// Every distinct normalised phrase (terms and negation vocabulary); the index is the pattern id.
  let patterns: [String]
  /// The automaton over `patterns`.
  let automaton: AhoCorasick
  /// The rules, sorted by id.
  let rules: [CompiledRule]
  /// For each pattern, the rules (indices into `rules`) that may fire when it occurs.
  let rulesByPattern: [[Int]]
  /// Rules that have no required term and are evaluated on every unit.
  let unconditionalRules: [Int]

  init(_ lexicon: LexiconSet) {
    var table = PatternTable()
    var compiled: [CompiledRule] = []
    for rule in lexicon.rules.sorted(by: { $0.id < $1.id }) {
      compiled.append(CompiledRule(rule, table: &table))
    }
    patterns = table.patterns
    automaton = AhoCorasick(patterns: table.patterns.map { Array($0.utf8) })
    var index = [[Int]](repeating: [], count: table.patterns.count)
    var unconditional: [Int] = []
    for (ruleIndex, rule) in compiled.enumerated() {
      if let required = rule.match.requiredPatterns {
        for pattern in required { index[pattern].append(ruleIndex) }
      } else {
        unconditional.append(ruleIndex)
      }
    }
    rules = compiled
    rulesByPattern = index
    unconditionalRules = unconditional
  }
}

/// Assigns pattern ids to distinct normalised phrases.
struct PatternTable {
  private(set) var patterns: [String] = []
  private var ids: [String: Int] = [:]

  /// The id of `phrase` (normalised on the way in), adding it if new.
  mutating func id(_ phrase: String) -> Int {
    let folded = TextNormalizer.fold(phrase)
    if let known = ids[folded] { return known }
    patterns.append(folded)
    ids[folded] = patterns.count - 1
    return patterns.count - 1
  }
}

/// A rule with pattern ids in place of strings.
struct CompiledRule: Sendable {
  let rule: LexiconRule
  let match: CompiledExpression
  let unless: CompiledExpression?
  let matchPatterns: Set<Int>
  let unlessPatterns: Set<Int>
  let negation: CompiledNegation

  init(_ rule: LexiconRule, table: inout PatternTable) {
    self.rule = rule
    match = CompiledExpression(rule.match, table: &table)
    unless = rule.unless.map { CompiledExpression($0, table: &table) }
    matchPatterns = match.allPatterns
    unlessPatterns = unless?.allPatterns ?? []
    negation = CompiledNegation(rule.negation, table: &table)
  }
}

/// A match expression over pattern ids.
indirect enum CompiledExpression: Sendable {
  case term(pattern: Int)
  case termSet(name: String, patterns: [Int])
  case any([CompiledExpression])
  case all([CompiledExpression], near: NearConstraint?)

  init(_ expression: MatchExpression, table: inout PatternTable) {
    switch expression {
    case .term(let text): self = .term(pattern: table.id(text))
    case .termSet(let name, let terms): self = .termSet(name: name, patterns: terms.map { table.id($0) })
    case .any(let items): self = .any(items.map { CompiledExpression($0, table: &table) })
    case .all(let items, let near):
      self = .all(items.map { CompiledExpression($0, table: &table) }, near: near)
    }
  }

  /// Every pattern a leaf of the expression can match.
  var allPatterns: Set<Int> {
    switch self {
    case .term(let pattern): [pattern]
    case .termSet(_, let patterns): Set(patterns)
    case .any(let items), .all(let items, _): items.reduce(into: Set<Int>()) { $0.formUnion($1.allPatterns) }
    }
  }

  /// Patterns at least one of which occurs in every unit the expression matches; nil when the
  /// expression can match without any literal (never, for the current operators).
  var requiredPatterns: Set<Int>? {
    switch self {
    case .term(let pattern): return [pattern]
    case .termSet(_, let patterns): return Set(patterns)
    case .any(let items):
      var union = Set<Int>()
      for item in items {
        guard let required = item.requiredPatterns else { return nil }
        union.formUnion(required)
      }
      return union
    case .all(let items, _):
      return items.compactMap(\.requiredPatterns).min { $0.count < $1.count }
    }
  }
}

/// Negation vocabulary as pattern-id sets.
struct CompiledNegation: Sendable {
  let cues: Set<Int>
  let pseudo: Set<Int>
  let questionPseudo: Set<Int>
  let breakers: Set<Int>
  let hypothetical: Set<Int>
  let afterCues: Set<Int>
  let before: Int
  let after: Int

  init(_ settings: NegationSettings, table: inout PatternTable) {
    cues = Set(settings.cues.map { table.id($0) })
    pseudo = Set(settings.pseudo.map { table.id($0) })
    questionPseudo = Set(settings.pseudo.filter(Self.isAnotA).map { table.id($0) })
    breakers = Set(settings.breakers.map { table.id($0) })
    hypothetical = Set(settings.hypothetical.map { table.id($0) })
    afterCues = Set(settings.afterCues.map { table.id($0) })
    before = settings.before
    after = settings.after
  }

  /// Whether a pseudo phrase is an A-not-A question (有没有, 是不是, 可不可以): X不X… or X没X….
  static func isAnotA(_ phrase: String) -> Bool {
    let scalars = Array(phrase.unicodeScalars)
    return scalars.count >= 3 && scalars[0] == scalars[2] && (scalars[1] == "不" || scalars[1] == "没")
  }
}
