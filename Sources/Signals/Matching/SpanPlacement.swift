/// A rule's `inside` / `not_inside` requirement on one text, with the spans found there.
struct SpanPlacement {
  private let inside: [(kind: SpanKind, spans: [Range<Int>])]
  private let notInside: [(kind: SpanKind, spans: [Range<Int>])]
  private let context: UnitMatchContext
  private let negation: CompiledNegation

  /// The placement of `rule` on the unit of `context`, or nil when the rule sets neither key.
  /// The rule is read where it lies (a copy of a `LexiconRule` retains every one of its fields),
  /// and the spans come from the unit's (`UnitMatchContext.spans(_:)`), found once per unit.
  init?(rule: CompiledRule, context: UnitMatchContext) {
    guard !rule.rule.inside.isEmpty || !rule.rule.notInside.isEmpty else { return nil }
    inside = rule.rule.inside.map { ($0, context.spans($0)) }
    notInside = rule.rule.notInside.map { ($0, context.spans($0)) }
    self.context = context
    negation = rule.negation
  }

  /// Whether every occurrence is admitted: no `inside` kind is set and the unit has no span of a
  /// `not_inside` kind (the commonest case: `not_inside: [forward]` on a message not forwarded).
  var admitsEverything: Bool {
    inside.isEmpty && notInside.allSatisfy { $0.spans.isEmpty }
  }

  /// Whether the occurrence lies inside a span of an `inside` kind (when any is set) and inside
  /// no span of a `not_inside` kind.
  func admits(_ occurrence: Occurrence) -> Bool {
    if !inside.isEmpty, !inside.contains(where: { placed($0.kind, $0.spans, occurrence) }) {
      return false
    }
    return enclosingNotInside(occurrence) == nil
  }

  /// Why a match using `parts` does not count: `inside quote` (a part in a span it must avoid) or
  /// `not inside quote | prohibition` (a part outside every required span).
  func reason(for parts: [Occurrence]) -> String {
    for part in parts {
      if let kind = enclosingNotInside(part) { return "inside \(kind.rawValue)" }
    }
    return "not inside \(inside.map(\.kind.rawValue).joined(separator: " | "))"
  }

  private func enclosingNotInside(_ occurrence: Occurrence) -> SpanKind? {
    notInside.first { kind, spans in
      kind == .reported ? saysNo(occurrence) && enclosed(spans, occurrence) : enclosed(spans, occurrence)
    }?.kind
  }

  /// Whether the occurrence counts as placed in a span of `kind`: inside one, or for `reported`,
  /// which places only a part that says no (`SpanKind.reported`), any other part too.
  private func placed(_ kind: SpanKind, _ spans: [Range<Int>], _ occurrence: Occurrence) -> Bool {
    kind == .reported && !saysNo(occurrence) || enclosed(spans, occurrence)
  }

  private func enclosed(_ spans: [Range<Int>], _ occurrence: Occurrence) -> Bool {
    EnclosingSpans.encloses(spans, start: occurrence.start, end: occurrence.end)
  }

  /// Whether the occurrence holds a negation cue, after-cue or refusal of the rule's vocabulary
  /// (`不接`, `坚决不`, `拒绝`): it says no.
  private func saysNo(_ occurrence: Occurrence) -> Bool {
    Occurrence.starting(in: occurrence.start..<occurrence.end, of: context.occurrences).contains { candidate in
      candidate.end <= occurrence.end
        && (negation.cues.contains(candidate.pattern) || negation.afterCues.contains(candidate.pattern)
          || negation.refusals.contains(candidate.pattern) || negation.requestRefusals.contains(candidate.pattern))
    }
  }
}
