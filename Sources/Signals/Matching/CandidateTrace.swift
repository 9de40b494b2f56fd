/// The operator trace of a `MatchCandidate`, kept unwritten until a candidate is chosen.
///
/// A leaf yields one candidate per occurrence and an `any` rewraps every candidate of its items,
/// but a rule keeps at most one of them: writing each trace at once (`「跑分」`, `any $x「…」`)
/// cost a string or two per candidate, most of them dropped. A leaf's trace is written from the
/// candidate's only part; `any` adds a prefix count; an operator that combines candidates writes
/// its trace from the traces of those it chose, as before.
struct CandidateTrace {
  /// What the trace is made of, besides its `any ` prefixes.
  enum Body {
    /// Already written: an `all`, `at_least` or `count` trace, or a price comparison's summary.
    case text(String)
    /// `「term」`, the pattern of the candidate's part.
    case term
    /// `$name「term」`.
    case termSet(name: String)
    /// `money「…」`, the part's original text.
    case money
    /// `re「…」`, the part's original text.
    case regex
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
    }
  }

  private func original(_ part: Occurrence?, _ context: UnitMatchContext) -> String {
    part.map { context.originalSlice(start: $0.start, end: $0.end).text } ?? ""
  }
}
