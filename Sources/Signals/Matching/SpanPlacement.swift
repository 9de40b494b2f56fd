/// A rule's `inside` / `not_inside` requirement on one text, with the spans found there.
struct SpanPlacement {
  private let inside: [(kind: SpanKind, spans: [Range<Int>])]
  private let notInside: [(kind: SpanKind, spans: [Range<Int>])]

  /// The placement of `rule` on the unit of `context`, or nil when the rule sets neither key.
  /// The rule is read where it lies (a copy of a `LexiconRule` retains every one of its fields),
  /// and the spans come from the unit's (`UnitMatchContext.spans(_:)`), found once per unit.
  init?(rule: CompiledRule, context: UnitMatchContext) {
    guard !rule.rule.inside.isEmpty || !rule.rule.notInside.isEmpty else { return nil }
    inside = rule.rule.inside.map { ($0, context.spans($0)) }
    notInside = rule.rule.notInside.map { ($0, context.spans($0)) }
  }

  /// Whether every occurrence is admitted: no `inside` kind is set and the unit has no span of a
  /// `not_inside` kind (the commonest case: `not_inside: [forward]` on a message not forwarded).
  var admitsEverything: Bool {
    inside.isEmpty && notInside.allSatisfy { $0.spans.isEmpty }
  }

  /// Whether the occurrence lies inside a span of an `inside` kind (when any is set) and inside
  /// no span of a `not_inside` kind.
  func admits(_ occurrence: Occurrence) -> Bool {
    if !inside.isEmpty, !inside.contains(where: { EnclosingSpans.encloses($0.spans, start: occurrence.start, end: occurrence.end) }) {
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
    notInside.first { EnclosingSpans.encloses($0.spans, start: occurrence.start, end: occurrence.end) }?.kind
  }
}
