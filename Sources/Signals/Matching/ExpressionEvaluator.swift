/// One way an expression is satisfied in a unit: the occurrences chosen and a trace for `why`.
struct MatchCandidate {
  var parts: [Occurrence]
  var trace: String
  var start: Int
  var end: Int

  init(parts: [Occurrence], trace: String) {
    self.parts = parts.sorted { $0.start < $1.start }
    self.trace = trace
    start = parts.map(\.start).min() ?? 0
    end = parts.map(\.end).max() ?? 0
  }

  func overlaps(_ other: MatchCandidate) -> Bool {
    parts.contains { part in other.parts.contains { $0.overlaps(part) } }
  }
}

/// Evaluates a compiled expression over the occurrences a rule may use in one unit.
///
/// Leaves yield every usable occurrence; `any` yields the union; `all` yields one combination:
/// without `near` the leftmost usable candidate of each item, with `near` the combination of the
/// smallest span (leftmost on ties) whose consecutive parts are at most `within` characters apart
/// (and in the listed order when `ordered`). Parts never overlap.
struct ExpressionEvaluator {
  /// Usable occurrences of the rule's patterns, sorted by start.
  let occurrences: [Occurrence]
  /// The normalised text of each pattern.
  let patterns: [String]

  /// Candidates per `all` item considered when searching a `near` combination.
  private static let candidateLimit = 24
  /// Combinations tried before the `near` search settles for the best found.
  private static let combinationLimit = 50_000

  /// All ways `expression` is satisfied, sorted by start then end.
  func evaluate(_ expression: CompiledExpression) -> [MatchCandidate] {
    switch expression {
    case .term(let pattern):
      return occurrences.filter { $0.pattern == pattern }
        .map { MatchCandidate(parts: [$0], trace: "「\(patterns[$0.pattern])」") }
    case .termSet(let name, let members):
      let wanted = Set(members)
      return occurrences.filter { wanted.contains($0.pattern) }
        .map { MatchCandidate(parts: [$0], trace: "$\(name)「\(patterns[$0.pattern])」") }
    case .any(let items):
      return items.flatMap { item in
        evaluate(item).map { MatchCandidate(parts: $0.parts, trace: "any \($0.trace)") }
      }
      .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    case .all(let items, let near):
      let options = items.map(evaluate)
      guard !options.contains(where: \.isEmpty) else { return [] }
      let chosen = near.map { combine(options, near: $0) } ?? leftmost(options)
      guard let chosen else { return [] }
      var trace = "all(\(chosen.map(\.trace).joined(separator: ", ")))"
      if let near { trace += " near≤\(near.within)\(near.ordered ? " ordered" : "")" }
      return [MatchCandidate(parts: chosen.flatMap(\.parts), trace: trace)]
    }
  }

  private func leftmost(_ options: [[MatchCandidate]]) -> [MatchCandidate]? {
    var chosen: [MatchCandidate] = []
    for candidates in options {
      guard let pick = candidates.first(where: { candidate in !chosen.contains { $0.overlaps(candidate) } })
      else { return nil }
      chosen.append(pick)
    }
    return chosen
  }

  private func combine(_ options: [[MatchCandidate]], near: NearConstraint) -> [MatchCandidate]? {
    let limited = options.map { Array($0.prefix(Self.candidateLimit)) }
    var best: (span: Int, start: Int, picks: [MatchCandidate])?
    var picks: [MatchCandidate] = []
    var tried = 0

    func accept() {
      if near.ordered {
        for index in 1..<max(picks.count, 1) where picks[index].start < picks[index - 1].end { return }
      }
      let sorted = picks.sorted { $0.start < $1.start }
      for index in 1..<max(sorted.count, 1) where sorted[index].start - sorted[index - 1].end > near.within {
        return
      }
      let start = sorted.first?.start ?? 0
      let span = (sorted.map(\.end).max() ?? 0) - start
      if let current = best, (current.span, current.start) <= (span, start) { return }
      best = (span, start, picks)
    }

    func search(_ depth: Int) {
      guard tried < Self.combinationLimit else { return }
      if depth == limited.count {
        tried += 1
        accept()
        return
      }
      for candidate in limited[depth] where !picks.contains(where: { $0.overlaps(candidate) }) {
        picks.append(candidate)
        search(depth + 1)
        picks.removeLast()
      }
    }

    search(0)
    return best?.picks
  }
}
