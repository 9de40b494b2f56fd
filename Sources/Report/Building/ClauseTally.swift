import Ingest
import Signals

/// The running per-clause counts, first findings, times (of all speakers and per speaker role)
/// and scoring weights of active findings met in report order; tallies of consecutive parts of
/// the report can be merged in order.
///
/// Clauses and rules are numbered in the order they are first met, so that a finding costs one
/// lookup, of its rule: each rule keeps the numbers of the clauses its findings cite, reused while
/// they cite the same ones (a rule's findings share its array of clauses, so that is a comparison
/// of two buffers), and the weight its findings gave each clause in the open document.
struct ClauseTally: Sendable {
  /// The counts of one clause.
  private struct ClauseEntry: Sendable {
    let id: String
    /// The id of the first finding citing the clause.
    let firstFindingID: String
    var findings = 0
    /// When the findings counted were said, of every role and per role.
    var times = ClauseTimes()
    /// The weights of the (document, rule) pairs of finished documents.
    var weights = WeightHistogram()
  }

  /// What the findings of one rule add.
  private struct RuleEntry: Sendable {
    /// The clause ids of the rule's last finding.
    var clauses: [String] = []
    /// The numbers of those clauses, each once, in the order they are cited.
    var numbers: [Int] = []
    /// Per clause cited in the open document, the weight of the last finding citing it.
    var open: [(clause: Int, weight: Double)] = []
  }

  private var clauseNumbers: [String: Int] = [:]
  private var clauses: [ClauseEntry] = []
  private var ruleNumbers: [String: Int] = [:]
  private var rules: [RuleEntry] = []
  /// The numbers of the rules that gave weights in the open document.
  private var openRules: [Int] = []
  private var openPath: String?

  /// Counts `finding`, which follows every finding added before in report order. Inlined, like
  /// `TimedSpeakers.add(_:)`: the spill adds findings where they lie, and a call copied each.
  @inline(__always)
  mutating func add(_ finding: Finding) {
    if finding.path != openPath {
      closeDocument()
      openPath = finding.path
    }
    guard !finding.clauses.isEmpty else { return }
    let rule = number(ofRule: finding.rule)
    if rules[rule].clauses != finding.clauses { cite(finding, rule: rule) }
    let role = finding.speakerRole
    let time = finding.time
    let weight = finding.weight
    for clause in rules[rule].numbers {
      clauses[clause].findings += 1
      clauses[clause].times.add(role: role, time: time)
      open(clause, rule: rule, weight: weight)
    }
  }

  /// Adds `later`, a tally of findings that all follow this tally's in report order.
  mutating func merge(_ later: ClauseTally) {
    closeDocument()
    var numbers: [Int] = []
    numbers.reserveCapacity(later.clauses.count)
    for entry in later.clauses {
      if let mine = clauseNumbers[entry.id] {
        clauses[mine].findings += entry.findings
        clauses[mine].times.merge(entry.times)
        clauses[mine].weights.merge(entry.weights)
        numbers.append(mine)
      } else {
        numbers.append(clauses.count)
        clauseNumbers[entry.id] = clauses.count
        clauses.append(entry)
      }
    }
    // The weights of `later`'s open document, closed here rather than in a copy of `later`.
    for rule in later.openRules {
      for (clause, weight) in later.rules[rule].open { clauses[numbers[clause]].weights.add(weight) }
    }
  }

  /// One summary per counted clause, in catalogue order; clauses missing from the catalogue
  /// follow, by id.
  func summaries(catalogue: ClauseCatalogue) -> [ClauseSummary] {
    var closed = self
    closed.closeDocument()
    let order = Dictionary(
      catalogue.entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let entries = closed.clauses.sorted { lhs, rhs in
      switch (order[lhs.id], order[rhs.id]) {
      case let (left?, right?): left < right
      case (.some, nil): true
      case (nil, .some): false
      case (nil, nil): lhs.id < rhs.id
      }
    }
    return entries.map { entry in
      ClauseSummary(
        id: entry.id, findings: entry.findings, score: ClauseScore.noisyOR(entry.weights.ascending),
        firstFindingID: entry.firstFindingID, timeSpan: entry.times.all, byRole: entry.times.byRole)
    }
  }

  /// How many rules, and clauses, a document's findings cite at most as a rule: the tables
  /// are made that large with the first rule rather than grown a step at a time.
  private static let usualCount = 16

  /// The number of the rule `id`, numbered now if it is new.
  private mutating func number(ofRule id: String) -> Int {
    if let known = ruleNumbers[id] { return known }
    if rules.isEmpty {
      ruleNumbers.reserveCapacity(Self.usualCount)
      rules.reserveCapacity(Self.usualCount)
      clauseNumbers.reserveCapacity(Self.usualCount)
      clauses.reserveCapacity(Self.usualCount)
    }
    ruleNumbers[id] = rules.count
    rules.append(RuleEntry())
    return rules.count - 1
  }

  /// Makes the clauses of `finding` those of its rule, numbered `rule`: each distinct clause
  /// once, a clause met for the first time having `finding` as its first finding.
  private mutating func cite(_ finding: Finding, rule: Int) {
    var numbers: [Int] = []
    numbers.reserveCapacity(finding.clauses.count)
    for id in finding.clauses {
      let clause: Int
      if let known = clauseNumbers[id] {
        clause = known
      } else {
        clause = clauses.count
        clauseNumbers[id] = clause
        clauses.append(ClauseEntry(id: id, firstFindingID: finding.id))
      }
      if !numbers.contains(clause) { numbers.append(clause) }
    }
    rules[rule].clauses = finding.clauses
    rules[rule].numbers = numbers
  }

  /// Notes that a finding of rule `rule` with `weight` cites `clause` in the open document.
  private mutating func open(_ clause: Int, rule: Int, weight: Double) {
    if let index = rules[rule].open.firstIndex(where: { $0.clause == clause }) {
      rules[rule].open[index].weight = weight
      return
    }
    if rules[rule].open.isEmpty { openRules.append(rule) }
    rules[rule].open.append((clause, weight))
  }

  /// Moves the open document's rule weights into the histograms.
  private mutating func closeDocument() {
    for rule in openRules {
      for (clause, weight) in rules[rule].open { clauses[clause].weights.add(weight) }
      rules[rule].open.removeAll(keepingCapacity: true)
    }
    openRules.removeAll(keepingCapacity: true)
    openPath = nil
  }
}
