extension ExpressionEvaluator {
  /// The first candidate of `evaluate(expression)`, the one a rule keeps, found without listing
  /// every way a leaf or an `any` is satisfied: a leaf's first qualifying occurrence, and for an
  /// `any` the first of its items' candidates smallest by (start, end), which is what its stable
  /// sort puts first.
  func firstCandidate(_ expression: CompiledExpression) -> MatchCandidate? {
    switch expression {
    case .term, .termSet, .money, .regex:
      var first: Occurrence?
      forEachLeafOccurrence(expression) { occurrence in
        first = occurrence
        return false
      }
      return first.map { MatchCandidate(part: $0, trace: leafTrace(expression)) }
    case .any:
      return earliestCandidate(expression)
    case .sequence(_, let then, _):
      return firstCandidate(then)
    case .all, .atLeast, .count, .not:
      return evaluate(expression).first
    }
  }

  /// The first candidate of `evaluate(expression)` whose (start, end) is smallest: the one an
  /// enclosing `any`, whose stable sort keeps equal candidates in their order, puts first.
  private func earliestCandidate(_ expression: CompiledExpression) -> MatchCandidate? {
    switch expression {
    case .term, .termSet, .money, .regex:
      var best: Occurrence?
      forEachLeafOccurrence(expression) { occurrence in
        if let current = best, (current.start, current.end) <= (occurrence.start, occurrence.end) { return true }
        best = occurrence
        return true
      }
      return best.map { MatchCandidate(part: $0, trace: leafTrace(expression)) }
    case .any(let items):
      var best: MatchCandidate?
      // A candidate without parts (a `not` that found nothing) has no position: it counts only
      // when no item has a candidate that has one, and is then found again (only a pack using
      // `not` pays for that).
      var sawAbsent = false
      for item in items {
        guard let candidate = earliestCandidate(item) else { continue }
        guard candidate.hasParts else {
          sawAbsent = true
          continue
        }
        if let current = best, (current.start, current.end) <= (candidate.start, candidate.end) { continue }
        best = candidate
      }
      if best == nil, sawAbsent {
        best = items.lazy.compactMap { self.earliestCandidate($0) }.first { !$0.hasParts }
      }
      return best.map { $0.with(trace: $0.trace.prefixedByAny()) }
    case .sequence(_, let then, _):
      return earliestCandidate(then)
    case .all, .atLeast, .count, .not:
      // Each yields at most one candidate.
      return evaluate(expression).first
    }
  }
}
