import Foundation
import Ingest

/// A `LexiconSet` prepared for scanning: one automaton over every phrase of every rule, the rules
/// with their terms replaced by pattern numbers, and an index from pattern to the rules that need it.
final class CompiledLexicon: Sendable {
  /// Every distinct normalised phrase (terms and negation vocabulary); the index is the pattern id.
  let patterns: [String]
  /// The automaton over `patterns`.
  let automaton: ScalarAutomaton
  /// Every distinct `re:` pattern, compiled; the index is the regex id.
  let regexes: [CompiledRegex]
  /// The rules, sorted by id.
  let rules: [CompiledRule]
  /// For each pattern, the rules (indices into `rules`) that may fire when it occurs.
  let rulesByPattern: [[Int]]
  /// Rules that have no required term and are evaluated on every unit.
  let unconditionalRules: [Int]
  /// Rules with `scope: paragraph` or `document`, evaluated over joined units by
  /// `scanJoinedScopes` instead of unit by unit (they are in no trigger index).
  let joinedScopeRules: [Int]
  /// Whether any rule is a conversation-scoped sequence (units are then counted per conversation).
  let hasSequences: Bool
  /// Whether each rule may fire given the patterns found in a unit.
  let presence: PresenceProgram
  /// The automaton that tells whether a unit is to be evaluated, for the unit sieve and for every
  /// unit a scan reads: `automaton`'s patterns, but only those whose presence can change that
  /// answer (`sievePatterns`; the others, such as negation cues and punctuation breakers, are left
  /// empty, so they are never found), over scalars (one transition per CJK character).
  let triggerAutomaton: ScalarAutomaton

  init(_ lexicon: LexiconSet) {
    var table = PatternTable()
    var compiled: [CompiledRule] = []
    for rule in lexicon.rules.sorted(by: { $0.id < $1.id }) {
      compiled.append(CompiledRule(rule, table: &table))
    }
    patterns = table.patterns
    regexes = table.regexes
    var index = [[Int]](repeating: [], count: table.patterns.count)
    var unconditional: [Int] = []
    var joined: [Int] = []
    for (ruleIndex, rule) in compiled.enumerated() {
      if rule.rule.scope.joinsUnits {
        joined.append(ruleIndex)
      } else if let required = rule.match.requiredPatterns(
        regexAtoms: table.regexes.map(\.atoms), patterns: table.patterns)
      {
        for pattern in required { index[pattern].append(ruleIndex) }
      } else {
        unconditional.append(ruleIndex)
      }
    }
    rules = compiled
    presence = PresenceProgram(rules: compiled, regexAtoms: table.regexes.map(\.atoms))
    let consulted = Self.sievePatterns(rules: compiled, rulesByPattern: index, regexAtoms: table.regexes.map(\.atoms))
    let phrases = table.patterns
    let triggers = phrases.indices.map { consulted.contains($0) ? phrases[$0] : "" }
    // The two automata are independent; each takes a good part of the start-up time.
    let automata = ParallelMap.map([phrases, triggers]) { ScalarAutomaton(patterns: $0) }
    automaton = automata[0]
    triggerAutomaton = automata[1]
    hasSequences = compiled.contains { $0.sequence != nil }
    rulesByPattern = index
    unconditionalRules = unconditional
    joinedScopeRules = joined
  }

  /// The patterns whose presence can change whether a unit is evaluated (the unit sieve's answer): those some rule is indexed
  /// under, those a rule's presence program reads (`decisivePatterns`), and the service phrases
  /// and amount atoms of the price triggers.
  static func sievePatterns(rules: [CompiledRule], rulesByPattern: [[Int]], regexAtoms: [[Int]?]) -> Set<Int> {
    var consulted = Set(rulesByPattern.indices.filter { !rulesByPattern[$0].isEmpty })
    for rule in rules {
      consulted.formUnion(rule.match.decisivePatterns(regexAtoms: regexAtoms))
      if let trigger = rule.priceTrigger {
        consulted.formUnion(trigger.services)
        consulted.formUnion(trigger.amountAtoms)
      }
    }
    return consulted
  }
}

/// Assigns pattern ids to distinct normalised phrases and regex ids to distinct regexes.
struct PatternTable {
  private(set) var patterns: [String] = []
  private var ids: [String: Int] = [:]
  private(set) var regexes: [CompiledRegex] = []
  private var regexIDs: [String: Int] = [:]
  private var negations: [NegationSettings: CompiledNegation] = [:]

  /// The compiled negation vocabulary of `settings`, compiled once for all the rules that share
  /// it (a pack's rules mostly do): folding every phrase again for each rule took a twelfth of
  /// the start-up. The phrases' ids are the same either way, as a phrase keeps its first id.
  mutating func negation(_ settings: NegationSettings) -> CompiledNegation {
    if let known = negations[settings] { return known }
    let compiled = CompiledNegation(settings, table: &self)
    negations[settings] = compiled
    return compiled
  }

  /// The id of a regex, compiling it and registering its atoms as patterns if new.
  mutating func regexID(_ source: String) -> Int {
    if let known = regexIDs[source] { return known }
    let atoms = RegexAtoms.required(source)?.map { id($0) }
    regexes.append(CompiledRegex(source: source, atoms: atoms))
    regexIDs[source] = regexes.count - 1
    return regexes.count - 1
  }

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
final class CompiledRule: Sendable {
  let rule: LexiconRule
  let match: CompiledExpression
  let unless: CompiledExpression?
  let matchPatterns: Set<Int>
  let unlessPatterns: Set<Int>
  /// `matchPatterns` and `unlessPatterns` as masks, for the occurrences of each evaluated unit.
  let matchMask: PatternMask
  let unlessMask: PatternMask
  let negation: CompiledNegation
  /// Whether the rule has a `money` leaf (amounts are then extracted for its units).
  let usesMoney: Bool
  /// The regexes the rule's `match` and `unless` use.
  let regexes: Set<Int>
  /// Whether `match` / `unless` have a `money` leaf.
  let matchUsesMoney: Bool
  let unlessUsesMoney: Bool
  /// The regexes of `match` / `unless`.
  let matchRegexes: Set<Int>
  let unlessRegexes: Set<Int>
  /// The compiled regex of each of the rule's `extract` entries (nil for `amount`).
  let extractionRegexes: [CompiledRegex?]
  /// Whether the rule is a `price` rule.
  let isPriceRule: Bool
  /// For a `price` rule, what a unit needs for the rule to be evaluated on it.
  let priceTrigger: PriceTrigger?
  /// Whether the rule's `match` is a sequence.
  let isSequence: Bool
  /// Whether the rule's `match` has a `not` item (its evaluation then sees every occurrence).
  let matchUsesNot: Bool

  /// The two events and the window when the rule's `match` is a sequence.
  var sequence: (first: CompiledExpression, then: CompiledExpression, window: SequenceWindow)? {
    if case .sequence(let first, let then, let window) = match { return (first, then, window) }
    return nil
  }

  /// Whether a rule's match needs no literal at all (it then runs on every unit).
  static func isUnconditional(_ match: MatchExpression) -> Bool {
    var table = PatternTable()
    let compiled = CompiledExpression(match, table: &table)
    return compiled.requiredPatterns(regexAtoms: table.regexes.map(\.atoms), patterns: table.patterns) == nil
  }

  init(_ rule: LexiconRule, table: inout PatternTable) {
    self.rule = rule
    match = CompiledExpression(rule.match, table: &table)
    unless = rule.unless.map { CompiledExpression($0, table: &table) }
    matchPatterns = match.allPatterns
    unlessPatterns = unless?.allPatterns ?? []
    matchMask = PatternMask(matchPatterns)
    unlessMask = PatternMask(unlessPatterns)
    negation = table.negation(rule.negation)
    matchUsesMoney = match.usesMoney
    unlessUsesMoney = unless?.usesMoney ?? false
    matchRegexes = match.regexes
    unlessRegexes = unless?.regexes ?? []
    extractionRegexes = rule.extract.map { ValueExtractor.regex(for: $0.source) }
    usesMoney = matchUsesMoney || unlessUsesMoney || rule.extract.contains { $0.source == .amount }
    regexes = matchRegexes.union(unlessRegexes)
    isPriceRule = rule.price != nil
    priceTrigger = rule.price.map { PriceTrigger($0, table: &table) }
    if case .sequence = match { isSequence = true } else { isSequence = false }
    matchUsesNot = match.usesNot
  }
}

/// A match expression over pattern ids.
indirect enum CompiledExpression: Sendable {
  case term(pattern: Int)
  case termSet(name: String, patterns: Set<Int>)
  case any([CompiledExpression])
  case all([CompiledExpression], near: NearConstraint?)
  case atLeast(Int, [CompiledExpression], near: NearConstraint?)
  case money(MoneyConstraint, atoms: [Int]?)
  case regex(Int)
  case count(CompiledExpression, min: Int)
  case sequence(first: CompiledExpression, then: CompiledExpression, window: SequenceWindow)
  case not(CompiledExpression)

  init(_ expression: MatchExpression, table: inout PatternTable) {
    switch expression {
    case .term(let text): self = .term(pattern: table.id(text))
    case .termSet(let name, let terms): self = .termSet(name: name, patterns: Set(terms.map { table.id($0) }))
    case .any(let items): self = .any(items.map { CompiledExpression($0, table: &table) })
    case .all(let items, let near):
      self = .all(items.map { CompiledExpression($0, table: &table) }, near: near)
    case .atLeast(let count, let items, let near):
      self = .atLeast(count, items.map { CompiledExpression($0, table: &table) }, near: near)
    case .money(let constraint):
      let atoms = constraint.allowUnitless ? nil : MoneyExtractor.unitAtoms.map { table.id($0) }
      self = .money(constraint, atoms: atoms)
    case .regex(let source): self = .regex(table.regexID(source))
    case .count(let inner, let min): self = .count(CompiledExpression(inner, table: &table), min: min)
    case .sequence(let first, let then, let window):
      self = .sequence(
        first: CompiledExpression(first, table: &table), then: CompiledExpression(then, table: &table), window: window)
    case .not(let inner): self = .not(CompiledExpression(inner, table: &table))
    }
  }

  private var children: [CompiledExpression] {
    switch self {
    case .term, .termSet, .money, .regex: []
    case .any(let items), .all(let items, _), .atLeast(_, let items, _): items
    case .count(let inner, _), .not(let inner): [inner]
    case .sequence(let first, let then, _): [first, then]
    }
  }

  /// Every pattern a literal leaf of the expression can match.
  var allPatterns: Set<Int> {
    switch self {
    case .term(let pattern): [pattern]
    case .termSet(_, let patterns): patterns
    default: children.reduce(into: Set<Int>()) { $0.formUnion($1.allPatterns) }
    }
  }

  /// Every pattern the expression's `PresenceProgram` may consult: those of the literal leaves,
  /// the atoms of the `money` leaves and the atoms of the `re` leaves (`regexAtoms`), outside
  /// `not` items (the program takes a `not` as true whatever the unit holds).
  func decisivePatterns(regexAtoms: [[Int]?]) -> Set<Int> {
    switch self {
    case .not: []
    case .term(let pattern): [pattern]
    case .termSet(_, let patterns): patterns
    case .money(_, let atoms): Set(atoms ?? [])
    case .regex(let id): Set(regexAtoms[id] ?? [])
    default: children.reduce(into: Set<Int>()) { $0.formUnion($1.decisivePatterns(regexAtoms: regexAtoms)) }
    }
  }

  /// Whether a `not` occurs.
  var usesNot: Bool {
    if case .not = self { return true }
    return children.contains { $0.usesNot }
  }

  /// Whether a `money` leaf occurs.
  var usesMoney: Bool {
    if case .money = self { return true }
    return children.contains { $0.usesMoney }
  }

  /// The regex ids of the `re` leaves.
  var regexes: Set<Int> {
    if case .regex(let id) = self { return [id] }
    return children.reduce(into: Set<Int>()) { $0.formUnion($1.regexes) }
  }

  /// Patterns at least one of which occurs in every unit the expression matches, given the
  /// regexes' atoms; nil when the expression can match without any literal (a `money` leaf, a
  /// regex without atoms). `patterns` are the phrases the ids name.
  ///
  /// An `all` needs every item, so any item's patterns will do: the rule is indexed under the
  /// item whose patterns are expected in the fewest messages (`expectedFrequency`), which is the
  /// item a message is least likely to hold without the rule firing. Counting patterns instead
  /// indexed `收|出|卖|租|借` (card verbs) before `银行卡|四件套|…` and `记录|聊天|手机|…` before
  /// the verbs of destroying, and sent every other everyday message to the presence test.
  ///
  /// A `not` holds on units without its patterns, so it requires none (nil): it is never the
  /// key an `all` is indexed under, and an `any` with a `not` item requires nothing.
  func requiredPatterns(regexAtoms: [[Int]?], patterns: [String]) -> Set<Int>? {
    switch self {
    case .not: return nil
    case .term(let pattern): return [pattern]
    case .termSet(_, let ids): return ids
    case .money(_, let atoms): return atoms.map(Set.init)
    case .regex(let id): return regexAtoms[id].map(Set.init)
    case .count(let inner, _): return inner.requiredPatterns(regexAtoms: regexAtoms, patterns: patterns)
    case .sequence(let first, let then, _):
      guard let firstRequired = first.requiredPatterns(regexAtoms: regexAtoms, patterns: patterns),
        let thenRequired = then.requiredPatterns(regexAtoms: regexAtoms, patterns: patterns)
      else { return nil }
      return firstRequired.union(thenRequired)
    case .any(let items):
      var union = Set<Int>()
      for item in items {
        guard let required = item.requiredPatterns(regexAtoms: regexAtoms, patterns: patterns) else { return nil }
        union.formUnion(required)
      }
      return union
    case .all(let items, _):
      let choices = items.compactMap { $0.requiredPatterns(regexAtoms: regexAtoms, patterns: patterns) }
      return choices.min { lhs, rhs in
        let (left, right) = (Self.expectedFrequency(lhs, patterns), Self.expectedFrequency(rhs, patterns))
        return left != right ? left < right : lhs.count < rhs.count
      }
    case .atLeast(let count, let items, _):
      let known = items.map { $0.requiredPatterns(regexAtoms: regexAtoms, patterns: patterns) }
      guard known.filter({ $0 == nil }).count < count else { return nil }
      return known.compactMap { $0 }.reduce(into: Set<Int>()) { $0.formUnion($1) }
    }
  }

  /// How often messages are expected to hold one of `ids`, in rough units: a phrase of one
  /// character is far commoner in chat than one of two, and that than a longer one (100, 10, 2
  /// and 1 for one, two, three and more scalars), summed over the phrases.
  static func expectedFrequency(_ ids: Set<Int>, _ patterns: [String]) -> Int {
    ids.reduce(0) { total, id in
      switch patterns[id].unicodeScalars.count {
      case ...1: total + 100
      case 2: total + 10
      case 3: total + 2
      default: total + 1
      }
    }
  }
}

/// A `re:` pattern, compiled once, with the pattern ids of its required atoms.
struct CompiledRegex: @unchecked Sendable {
  // NSRegularExpression is immutable after creation and documented as safe to share across threads.
  let source: String
  let expression: NSRegularExpression?
  let atoms: [Int]?

  init(source: String, atoms: [Int]?) {
    self.source = source
    expression = try? NSRegularExpression(pattern: source)
    self.atoms = atoms
  }
}

/// Negation vocabulary as pattern-id sets.
///
/// A class: every negation check of a rule on a unit holds the rule's vocabulary, and a copy
/// then costs one reference count instead of one per set.
final class CompiledNegation: Sendable {
  let cues: SortedPatternIDs
  let pseudo: SortedPatternIDs
  let questionPseudo: SortedPatternIDs
  let breakers: SortedPatternIDs
  let hypothetical: SortedPatternIDs
  let afterCues: SortedPatternIDs
  let refusals: SortedPatternIDs
  /// The refusals that answer someone else's request (`NegationSettings.requestRefusals`).
  let requestRefusals: SortedPatternIDs
  /// The cues, conditionals, A-not-A phrases, after-cues and refusals together: a unit holding
  /// none of them (and not ending in `?`) has every occurrence affirmed.
  let qualifiers: SortedPatternIDs
  let before: Int
  let after: Int
  let refusalReach: Int

  init(_ settings: NegationSettings, table: inout PatternTable) {
    // Ids are given in this order, as they always were: the pattern table numbers phrases by
    // first appearance.
    let cues = settings.cues.map { table.id($0) }
    pseudo = SortedPatternIDs(settings.pseudo.map { table.id($0) })
    let questionPseudo = settings.pseudo.filter(Self.isAnotA).map { table.id($0) }
    breakers = SortedPatternIDs(settings.breakers.map { table.id($0) })
    let hypothetical = settings.hypothetical.map { table.id($0) }
    let afterCues = settings.afterCues.map { table.id($0) }
    let refusals = settings.refusals.map { table.id($0) }
    let requestRefusals = settings.requestRefusals.map { table.id($0) }
    self.cues = SortedPatternIDs(cues)
    self.questionPseudo = SortedPatternIDs(questionPseudo)
    self.hypothetical = SortedPatternIDs(hypothetical)
    self.afterCues = SortedPatternIDs(afterCues)
    self.refusals = SortedPatternIDs(refusals)
    self.requestRefusals = SortedPatternIDs(requestRefusals)
    qualifiers = SortedPatternIDs(cues + hypothetical + questionPseudo + afterCues + refusals + requestRefusals)
    before = settings.before
    after = settings.after
    refusalReach = settings.refusalReach
  }

  /// Whether a pseudo phrase is an A-not-A question (有没有, 是不是, 可不可以): X不X… or X没X….
  static func isAnotA(_ phrase: String) -> Bool {
    let scalars = Array(phrase.unicodeScalars)
    return scalars.count >= 3 && scalars[0] == scalars[2] && (scalars[1] == "不" || scalars[1] == "没")
  }
}
