/// The operator trace of a `MatchCandidate`, kept unwritten until a candidate is chosen.
///
/// A leaf yields one candidate per occurrence and an `any` rewraps every candidate of its items,
/// but a rule keeps at most one of them: writing each trace at once (`「跑分」`, `any $x「…」`)
/// cost a string or two per candidate, most of them dropped. A leaf's trace is written from the
/// candidate's only part; `any` adds a prefix count; an operator that combines candidates keeps
/// those it chose and writes its trace from theirs when it is itself written (an `any` of several
/// `all`s, or an `exclude` rule evaluated twice, drops most of them).
struct CandidateTrace {
  /// What the trace is made of, besides its `any ` prefixes.
  indirect enum Body {
    /// Already written: a price comparison's summary.
    case text(String)
    /// `all(…)` (`atLeast` nil) or `at_least n(…)` of the candidates chosen, with `near≤…`.
    case combination(atLeast: Int?, chosen: [MatchCandidate], near: NearConstraint?)
    /// `count≥minimum(found× …)`, with the trace of the first candidate counted.
    case count(minimum: Int, found: Int, first: MatchCandidate?)
    /// `「term」`, the pattern of the candidate's part.
    case term
    /// `$name「term」`.
    case termSet(name: String)
    /// `money「…」`, the part's original text.
    case money
    /// `re「…」`, the part's original text.
    case regex
    /// `not(…)`: the expression found nothing (the candidate has no part).
    case absent(CompiledExpression)
  }

  /// How many `any ` prefixes go before the body.
  var anyPrefixes = 0
  /// The rest of the trace.
  var body: Body

  /// A trace already written.
  init(_ text: String) {
    body = .text(text)
  }

  /// A leaf's trace.
  init(_ body: Body) {
    self.body = body
  }

  /// The trace with one more `any ` prefix.
  func prefixedByAny() -> CandidateTrace {
    var trace = self
    trace.anyPrefixes += 1
    return trace
  }

  /// Appends the written trace to `result`, piece by piece (no string is made for a piece);
  /// `part` is the candidate's only part when the body is a leaf's.
  func write(part: Occurrence?, patterns: [String], context: UnitMatchContext, into result: inout String) {
    for _ in 0..<anyPrefixes { result += "any " }
    switch body {
    case .text(let text):
      result += text
    case .combination(let atLeast, let chosen, let near):
      if let atLeast {
        result += "at_least "
        result += String(atLeast)
        result += "("
      } else {
        result += "all("
      }
      for (position, candidate) in chosen.enumerated() {
        if position > 0 { result += ", " }
        candidate.writeTrace(patterns: patterns, context: context, into: &result)
      }
      result += ")"
      if let near {
        result += " near≤"
        result += String(near.within)
        if near.ordered { result += " ordered" }
      }
    case .count(let minimum, let found, let first):
      result += "count≥"
      result += String(minimum)
      result += "("
      result += String(found)
      result += "× "
      first?.writeTrace(patterns: patterns, context: context, into: &result)
      result += ")"
    case .term:
      result += "「"
      result += part.map { patterns[$0.pattern] } ?? ""
      result += "」"
    case .termSet(let name):
      result += "$"
      result += name
      result += "「"
      result += part.map { patterns[$0.pattern] } ?? ""
      result += "」"
    case .money:
      result += "money「"
      result += original(part, context)
      result += "」"
    case .regex:
      result += "re「"
      result += original(part, context)
      result += "」"
    case .absent(let expression):
      result += "not("
      Self.describe(expression, patterns: patterns, into: &result)
      result += ")"
    }
  }

  /// The expression written out (`「被查封」`, `$name`, `any(…)`), for a `not` that found nothing.
  private static func describe(_ expression: CompiledExpression, patterns: [String], into result: inout String) {
    func list(_ name: String, _ items: [CompiledExpression]) {
      result += name
      result += "("
      for (position, item) in items.enumerated() {
        if position > 0 { result += ", " }
        describe(item, patterns: patterns, into: &result)
      }
      result += ")"
    }
    switch expression {
    case .term(let pattern): result += "「\(patterns[pattern])」"
    case .termSet(let name, _): result += "$\(name)"
    case .money(let constraint, _): result += constraint.summary
    case .regex: result += "re"
    case .any(let items): list("any", items)
    case .all(let items, _): list("all", items)
    case .atLeast(let count, let items, _): list("at_least \(count)", items)
    case .count(let inner, let minimum): list("count≥\(minimum)", [inner])
    case .sequence(let first, let then, _): list("sequence", [first, then])
    case .not(let inner): list("not", [inner])
    }
  }

  private func original(_ part: Occurrence?, _ context: UnitMatchContext) -> String {
    part.map { context.originalSlice(start: $0.start, end: $0.end).text } ?? ""
  }
}
