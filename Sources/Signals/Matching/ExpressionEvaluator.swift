/// One way an expression is satisfied in a unit: the occurrences chosen and a trace for `why`.
///
/// A leaf's candidate, the commonest, has one part, kept inline: a leaf yields a candidate per
/// occurrence, and an array for each cost an allocation.
struct MatchCandidate {
  /// The only part, when there is exactly one.
  private var onlyPart: Occurrence?
  /// The parts, sorted by start, when there are none or several.
  private var manyParts: [Occurrence]
  /// The trace, written by `writtenTrace(patterns:context:)`.
  var trace: CandidateTrace
  var start: Int
  var end: Int

  init(parts: [Occurrence], trace: CandidateTrace) {
    if parts.count == 1 {
      onlyPart = parts[0]
      manyParts = []
    } else {
      onlyPart = nil
      // Mostly in order already: the stable sort would leave them so.
      let inOrder = zip(parts, parts.dropFirst()).allSatisfy { $0.start <= $1.start }
      manyParts = inOrder ? parts : parts.sorted { $0.start < $1.start }
    }
    self.trace = trace
    start = parts.lazy.map { $0.start }.min() ?? 0
    end = parts.lazy.map { $0.end }.max() ?? 0
  }

  /// The candidate of one part.
  init(part: Occurrence, trace: CandidateTrace) {
    onlyPart = part
    manyParts = []
    self.trace = trace
    start = part.start
    end = part.end
  }

  /// The occurrences chosen, sorted by start.
  var parts: [Occurrence] { onlyPart.map { [$0] } ?? manyParts }

  /// Whether the candidate has a position: false only for a `not` that found nothing (or an
  /// operator whose chosen items are all such).
  var hasParts: Bool { onlyPart != nil || !manyParts.isEmpty }

  /// The same candidate with `trace`.
  func with(trace: CandidateTrace) -> MatchCandidate {
    var candidate = self
    candidate.trace = trace
    return candidate
  }

  func overlaps(_ other: MatchCandidate) -> Bool {
    if let part = onlyPart { return other.overlaps(part) }
    return manyParts.contains { other.overlaps($0) }
  }

  /// Whether one of the parts overlaps `occurrence`.
  func overlaps(_ occurrence: Occurrence) -> Bool {
    if let part = onlyPart { return part.overlaps(occurrence) }
    return manyParts.contains { $0.overlaps(occurrence) }
  }

  /// Appends the parts to `parts`.
  func appendParts(to parts: inout [Occurrence]) {
    if let part = onlyPart {
      parts.append(part)
    } else {
      parts += manyParts
    }
  }

  /// The written trace (`「跑分」`, `all(…) near≤10`, …).
  func writtenTrace(patterns: [String], context: UnitMatchContext) -> String {
    var written = ""
    writeTrace(patterns: patterns, context: context, into: &written)
    return written
  }

  /// Appends the written trace to `text`.
  func writeTrace(patterns: [String], context: UnitMatchContext, into text: inout String) {
    trace.write(part: onlyPart ?? manyParts.first, patterns: patterns, context: context, into: &text)
  }
}

/// Evaluates a compiled expression over the occurrences a rule may use in one unit.
///
/// Leaves yield every usable occurrence; `any` yields the union; `all` yields one combination:
/// without `near` the leftmost usable candidate of each item, with `near` the combination of the
/// smallest span (leftmost on ties) whose consecutive parts are at most `within` characters apart
/// (and in the listed order when `ordered`). `at_least n` does the same over the best `n` items;
/// `count` needs `min` non-overlapping candidates. Parts never overlap. A `sequence` spans units;
/// on one unit it yields its `then` event (the scanner pairs events across units). A `not`
/// yields one candidate without parts when its expression finds nothing in `absenceScope`;
/// such a candidate has no position and is left out of a `near` distance test.
struct ExpressionEvaluator {
  /// Usable occurrences (literal, money and regex), sorted by start.
  let occurrences: [Occurrence]
  /// The normalised text of each pattern.
  let patterns: [String]
  /// The unit, for amounts and original text in traces.
  let context: UnitMatchContext
  /// The occurrences a `not` looks in, when not `occurrences`: every occurrence of the rule's
  /// patterns in the unit, whatever its negation verdict or placement (a negated or quoted
  /// `被查封` is still there).
  var absenceScope: [Occurrence]? = nil

  /// Candidates per `all` item considered when searching a `near` combination.
  private static let candidateLimit = 64
  /// Combinations tried before the `near` search settles for the best found.
  private static let combinationLimit = 50_000

  /// All ways `expression` is satisfied, sorted by start then end.
  func evaluate(_ expression: CompiledExpression) -> [MatchCandidate] {
    switch expression {
    case .term, .termSet, .money, .regex:
      let trace = leafTrace(expression)
      var result: [MatchCandidate] = []
      forEachLeafOccurrence(expression) { occurrence in
        result.append(MatchCandidate(part: occurrence, trace: trace))
        return true
      }
      return result
    case .any(let items):
      var result: [MatchCandidate] = []
      for item in items {
        var candidates = evaluate(item)
        for index in candidates.indices { candidates[index].trace.anyPrefixes += 1 }
        if result.isEmpty { result = candidates } else { result += candidates }
      }
      // Mostly in order already (one item's candidates): the stable sort would leave them so.
      let inOrder = zip(result, result.dropFirst()).allSatisfy { ($0.start, $0.end) <= ($1.start, $1.end) }
      let sorted = inOrder ? result : result.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
      // A candidate without parts (a `not` that found nothing) sorts first, at 0..<0 where no
      // occurrence ends; it goes after every candidate that has a position.
      guard let first = sorted.first, !first.hasParts else { return sorted }
      let placed = sorted.firstIndex { $0.hasParts } ?? sorted.endIndex
      return Array(sorted[placed...] + sorted[..<placed])
    case .all(let items, let near):
      // Items are evaluated in turn until one has no candidate: then none of the rest matters.
      var options: [[MatchCandidate]] = []
      options.reserveCapacity(items.count)
      for item in items {
        let candidates = evaluate(item)
        guard !candidates.isEmpty else { return [] }
        options.append(candidates)
      }
      let chosen = near.map { combine(options, near: $0) } ?? leftmost(options)
      guard let chosen else { return [] }
      let trace = CandidateTrace(.combination(atLeast: nil, chosen: chosen, near: near))
      return [MatchCandidate(parts: Self.parts(of: chosen), trace: trace)]
    case .atLeast(let count, let items, let near):
      let options = items.map { evaluate($0) }.filter { !$0.isEmpty }
      guard count > 0, options.count >= count else { return [] }
      var best: [MatchCandidate]?
      for subset in Self.subsets(of: options.count, size: count) {
        let picked = subset.map { options[$0] }
        guard let chosen = near.map({ combine(picked, near: $0) }) ?? leftmost(picked) else { continue }
        if let current = best, Self.span(current) <= Self.span(chosen) { continue }
        best = chosen
        if near == nil { break }
      }
      guard let best else { return [] }
      let trace = CandidateTrace(.combination(atLeast: count, chosen: best, near: near))
      return [MatchCandidate(parts: Self.parts(of: best), trace: trace)]
    case .sequence(_, let then, _):
      return evaluate(then)
    case .not(let inner):
      let scope = absenceScope.map { ExpressionEvaluator(occurrences: $0, patterns: patterns, context: context) } ?? self
      guard scope.firstCandidate(inner) == nil else { return [] }
      return [MatchCandidate(parts: [], trace: CandidateTrace(.absent(inner)))]
    case .count(let inner, let minimum):
      var chosen: [MatchCandidate] = []
      for candidate in evaluate(inner) where candidate.hasParts && !chosen.contains(where: { $0.overlaps(candidate) }) {
        chosen.append(candidate)
      }
      guard chosen.count >= minimum, minimum > 0 else { return [] }
      let trace = CandidateTrace(.count(minimum: minimum, found: chosen.count, first: chosen.first))
      return [MatchCandidate(parts: Self.parts(of: chosen), trace: trace)]
    }
  }

  /// Calls `body` with each occurrence, in order, that satisfies a leaf (`term`, `termSet`,
  /// `money`, `regex`; none for another expression) until it returns false. The leaf is taken
  /// apart once, not once per occurrence.
  func forEachLeafOccurrence(_ expression: CompiledExpression, _ body: (Occurrence) -> Bool) {
    switch expression {
    case .term(let pattern):
      for occurrence in occurrences where occurrence.pattern == pattern && occurrence.source == .literal {
        guard body(occurrence) else { return }
      }
    case .termSet(_, let members):
      for occurrence in occurrences where occurrence.source == .literal && members.contains(occurrence.pattern) {
        guard body(occurrence) else { return }
      }
    case .money(let constraint, _):
      let amounts = context.amounts
      for occurrence in occurrences {
        guard case .money(let index) = occurrence.source, constraint.admits(amounts[index]) else { continue }
        guard body(occurrence) else { return }
      }
    case .regex(let id):
      for occurrence in occurrences where occurrence.source == .regex(id) {
        guard body(occurrence) else { return }
      }
    case .any, .all, .atLeast, .count, .sequence, .not:
      return
    }
  }

  /// The trace of a leaf's candidates.
  func leafTrace(_ expression: CompiledExpression) -> CandidateTrace {
    switch expression {
    case .termSet(let name, _): CandidateTrace(.termSet(name: name))
    case .money: CandidateTrace(.money)
    case .regex: CandidateTrace(.regex)
    case .term, .any, .all, .atLeast, .count, .sequence, .not: CandidateTrace(.term)
    }
  }

  /// The parts of `candidates`, one after the other.
  private static func parts(of candidates: [MatchCandidate]) -> [Occurrence] {
    var parts: [Occurrence] = []
    for candidate in candidates { candidate.appendParts(to: &parts) }
    return parts
  }

  /// The width and start of the candidates with a position.
  private static func span(_ candidates: [MatchCandidate]) -> (Int, Int) {
    let placed = candidates.lazy.filter(\.hasParts)
    let start = placed.map { $0.start }.min() ?? 0
    return ((placed.map { $0.end }.max() ?? 0) - start, start)
  }

  /// Index subsets of `0..<count` of the given size, in lexicographic order.
  private static func subsets(of count: Int, size: Int) -> [[Int]] {
    guard size > 0, size <= count else { return [] }
    var result: [[Int]] = []
    var current: [Int] = []
    func extend(_ next: Int) {
      if current.count == size {
        result.append(current)
        return
      }
      guard next < count, result.count < 1000 else { return }
      for index in next..<count where count - index >= size - current.count {
        current.append(index)
        extend(index + 1)
        current.removeLast()
      }
    }
    extend(0)
    return result
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
    let limited =
      options.contains { $0.count > Self.candidateLimit }
      ? options.map { $0.count <= Self.candidateLimit ? $0 : Array($0.prefix(Self.candidateLimit)) } : options
    var best: (span: Int, start: Int, picks: [MatchCandidate])?
    var picks: [MatchCandidate] = []
    var tried = 0
    // A `not` that found nothing has no position: the distance test is on the other picks.
    let hasAbsent = limited.contains { $0.contains { !$0.hasParts } }

    func accept() {
      let placed = hasAbsent ? picks.filter(\.hasParts) : picks
      if near.ordered {
        for index in 1..<max(placed.count, 1) where placed[index].start < placed[index - 1].end { return }
      }
      // Mostly in order already: the stable sort would leave them so.
      let inOrder = zip(placed, placed.dropFirst()).allSatisfy { $0.start <= $1.start }
      let sorted = inOrder ? placed : placed.sorted { $0.start < $1.start }
      for index in 1..<max(sorted.count, 1) where sorted[index].start - sorted[index - 1].end > near.within {
        return
      }
      let start = sorted.first?.start ?? 0
      let span = (sorted.lazy.map { $0.end }.max() ?? 0) - start
      if let current = best, (current.span, current.start) <= (span, start) { return }
      best = (span, start, picks)
    }

    // No valid chain spans more than every item's longest candidate plus the allowed gaps, so a
    // partial pick already wider than that, or than the best found so far, is abandoned.
    let widest = limited.reduce(0) { sum, candidates in sum + (candidates.lazy.map { $0.end - $0.start }.max() ?? 0) }
    let spanLimit = widest + near.within * max(limited.count - 1, 0)
    var lowest = Int.max
    var highest = Int.min

    func search(_ depth: Int) {
      guard tried < Self.combinationLimit else { return }
      if depth == limited.count {
        tried += 1
        accept()
        return
      }
      for candidate in limited[depth] where !picks.contains(where: { $0.overlaps(candidate) }) {
        if hasAbsent && !candidate.hasParts {
          picks.append(candidate)
          search(depth + 1)
          picks.removeLast()
          continue
        }
        let saved = (lowest, highest)
        lowest = min(lowest, candidate.start)
        highest = max(highest, candidate.end)
        let span = highest - lowest
        if span <= spanLimit, best.map({ span <= $0.span }) ?? true {
          picks.append(candidate)
          search(depth + 1)
          picks.removeLast()
        }
        (lowest, highest) = saved
      }
    }

    search(0)
    return best?.picks
  }
}
