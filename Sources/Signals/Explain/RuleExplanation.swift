import Foundation
import Ingest

/// How one rule treats one text: the operator tree with each node's result, every occurrence
/// with its negation verdict, the `unless` result and the signal (for `lexicon explain`).
public struct RuleExplanation: Sendable, Hashable, Codable {
  /// The rule explained.
  public var ruleID: String
  /// The text, as given.
  public var text: String
  /// The text after normalisation, which the operators see.
  public var normalizedText: String
  /// The `match` tree.
  public var tree: ExplanationNode
  /// The `unless` tree, when the rule has one.
  public var unless: ExplanationNode?
  /// Every occurrence the rule's leaves found, with its negation verdict.
  public var occurrences: [OccurrenceVerdict]
  /// The signal the rule produces (active or suppressed), or nil.
  public var signal: Signal?
  /// The rule's scope, `inside` / `not_inside` spans found in the text and `extract` entries,
  /// one line each (empty for a message-scoped rule without them).
  public var settings: [String] = []
  /// For an evidence unit (`FILE:LINE`): where it is and who says it; nil for a text given alone.
  public var source: String?
  /// For an evidence unit: whether the rule's `speaker` constraint counts it. When it does not,
  /// `signal` is nil (a scan never fires the rule there), whatever the tree shows.
  public var speaker: SpeakerCheck?

  /// An indented tree for people.
  public func render() -> String {
    var lines = ["rule \(ruleID) on “\(text)”"]
    if let source { lines.append(source) }
    if normalizedText != text { lines.append("normalised: “\(normalizedText)”") }
    if let speaker { lines.append(speaker.line) }
    lines += settings
    lines += tree.render(indent: "")
    if let unless {
      lines.append("unless:")
      lines += unless.render(indent: "  ")
    }
    if !occurrences.isEmpty {
      lines.append("occurrences:")
      for occurrence in occurrences {
        lines.append("  「\(occurrence.part.text)」@\(occurrence.part.start) \(occurrence.verdict.label)")
      }
    }
    if let signal {
      if let reason = signal.suppressedReason {
        lines.append("result: suppressed (\(reason)) · \(signal.why)")
      } else {
        lines.append("result: fires · \(signal.why)")
      }
    } else if let speaker, !speaker.holds {
      lines.append("result: no signal (the speaker constraint does not hold\(tree.matched ? "; the match alone holds" : ""))")
    } else {
      lines.append("result: no signal")
    }
    return lines.joined(separator: "\n")
  }
}

/// One node of an explained operator tree.
public struct ExplanationNode: Sendable, Hashable, Codable {
  /// The operator or leaf, e.g. `all near≤12`, `$backend`, `「演示」`, `money[100元, 5000元]`.
  public var label: String
  /// Whether the node is satisfied (negation not applied).
  public var matched: Bool
  /// Where it matched: every occurrence for a leaf, the chosen combination for an operator.
  public var parts: [MatchedPart]
  /// The operands.
  public var children: [ExplanationNode]

  func render(indent: String) -> [String] {
    let places = parts.map { "「\($0.text)」@\($0.start)" }.joined(separator: " ")
    var lines = ["\(indent)\(matched ? "✔" : "✘") \(label)\(places.isEmpty ? "" : "  \(places)")"]
    for child in children { lines += child.render(indent: indent + "  ") }
    return lines
  }
}

/// An occurrence found by a rule's leaves and the negation check's verdict on it.
public struct OccurrenceVerdict: Sendable, Hashable, Codable {
  /// The occurrence, in the original text.
  public var part: MatchedPart
  /// The verdict of the negation check (`affirmed` when the rule ignores negation).
  public var verdict: NegationVerdict
}

extension SignalScanner {
  /// Explains rule `id` on `text`, read as one unit spoken by whoever the rule requires (as in
  /// lexicon examples); nil when no rule has that id.
  public func explain(rule id: String, text: String) -> RuleExplanation? {
    guard let rule = compiled.rules.first(where: { $0.rule.id == id }) else { return nil }
    let unit = ExampleUnits.textUnit(text, for: rule.rule.speaker)
    return explain(rule, on: unit, path: "explain", subjects: [ExampleUnits.subject], checksSpeaker: false)
  }

  /// Explains rule `id` on `unit` of the document at `path` (`lexicon explain FILE:LINE`), with
  /// the roles a scan naming `subjects` gives: the explanation says whether the rule's `speaker`
  /// constraint counts the unit and why, and has no signal when it does not. Nil when no rule
  /// has that id.
  public func explain(rule id: String, unit: TextUnit, path: String, subjects: Set<String>) -> RuleExplanation? {
    guard let rule = compiled.rules.first(where: { $0.rule.id == id }) else { return nil }
    return explain(rule, on: unit, path: path, subjects: subjects, checksSpeaker: true)
  }

  private func explain(
    _ rule: CompiledRule, on unit: TextUnit, path: String, subjects: Set<String>, checksSpeaker: Bool
  ) -> RuleExplanation {
    let text = unit.text
    let normalized = TextNormalizer.normalize(text)
    let hits = compiled.automaton.scan(normalized.utf8)
    var context = UnitMatchContext(
      text: text, normalized: normalized, hits: hits, lengths: compiled.automaton.patternLengths)
    if unit.attributes[TextUnit.forwardedFromAttribute] != nil { context.markWhollyForwarded() }
    if rule.usesMoney { context.extractAmounts() }
    if !rule.regexes.isEmpty { context.runRegexes(rule.regexes, compiled: compiled.regexes) }
    let evaluation = RuleEvaluation(rule: rule, context: context, lexicon: compiled)
    let describer = ExplanationBuilder(context: context, lexicon: compiled)

    let occurrences = evaluation.usableOccurrences(
      literals: rule.matchPatterns, money: rule.matchUsesMoney, regexes: rule.matchRegexes)
    let detector = NegationDetector(context: context, vocabulary: rule.negation, terms: occurrences)
    let verdicts = occurrences.map { occurrence in
      OccurrenceVerdict(
        part: describer.part(occurrence),
        verdict: rule.rule.negationMode == .ignore ? .affirmed : detector.verdict(for: occurrence).verdict)
    }
    let unlessNode = rule.unless.map { unless in describer.node(unless, occurrences: evaluation.unlessOccurrences()) }
    let roles = SpeakerRoles(subjects: subjects)
    let speaker = checksSpeaker ? SpeakerCheck(constraint: rule.rule.speaker, unit: unit, subjects: subjects) : nil
    let outcome = evaluation.outcome()
    let signal = outcome.map { evaluation.signal(from: $0, unit: unit, index: 0, path: path, role: roles.role(of: unit)) }
    var tree = describer.node(rule.match, occurrences: occurrences)
    if let check = rule.rule.price {
      tree = ExplanationNode(
        label: Self.label(check), matched: signal != nil, parts: signal?.matched ?? [], children: [tree])
    }
    return RuleExplanation(
      ruleID: rule.rule.id, text: text, normalizedText: normalized.string, tree: tree, unless: unlessNode,
      occurrences: verdicts, signal: speaker?.holds == false ? nil : signal, settings: Self.settings(of: rule.rule, context: context),
      source: checksSpeaker ? Self.source(of: unit, path: path) : nil, speaker: speaker)
  }

  /// `at 聊天.txt:12-14 · message by 张三 (id zhangsan_01) · 2023-05-01 21:40`.
  private static func source(of unit: TextUnit, path: String) -> String {
    let lines = unit.endLine > unit.line ? "\(unit.line)-\(unit.endLine)" : "\(unit.line)"
    var parts = ["at \(path):\(lines)", unit.kind.rawValue]
    if let speaker = unit.speaker { parts[1] += " by \(speaker)" }
    if let id = unit.speakerID { parts[1] += unit.speaker == nil ? " by account \(id)" : " (id \(id))" }
    return parts.joined(separator: " · ")
  }

  /// `scope paragraph (one unit here)`, `not_inside quote: 「“…”」@4`, `extract site ← domain`.
  private static func settings(of rule: LexiconRule, context: UnitMatchContext) -> [String] {
    var lines: [String] = []
    if rule.scope.joinsUnits { lines.append("scope \(rule.scope.rawValue) (one unit here)") }
    let finder = EnclosingSpans(scalars: context.scalars)
    for (key, kinds) in [("inside", rule.inside), ("not_inside", rule.notInside)] {
      for kind in kinds {
        let spans = finder.spans(kind).map { span in
          let slice = context.originalSlice(start: span.lowerBound, end: span.upperBound)
          return "「\(slice.text)」@\(slice.range.lowerBound)"
        }
        lines.append("\(key) \(kind.rawValue): \(spans.isEmpty ? "no such span" : spans.joined(separator: " "))")
      }
    }
    lines += rule.extract.map { "extract \($0.name) ← \($0.source.label)" }
    return lines
  }

  /// `price [exchange, app-dual] below 0.3 above 3.0 near≤30 within 2 messages (one unit here)`,
  /// then `except in its clause [定金, …]` when the check has `except` words.
  private static func label(_ check: PriceCheck) -> String {
    let services = check.services.map(\.id).joined(separator: ", ")
    let window = check.within > 0 ? " within \(check.within) messages (one unit here)" : ""
    let except = check.except.isEmpty ? "" : " except in its clause [\(check.except.joined(separator: ", "))]"
    return "price [\(services)] below \(check.thresholds.below) above \(check.thresholds.above) near≤\(check.near)\(window)\(except)"
  }
}

/// Builds explanation nodes by evaluating every sub-expression on its own.
private struct ExplanationBuilder {
  let context: UnitMatchContext
  let lexicon: CompiledLexicon

  func part(_ occurrence: Occurrence) -> MatchedPart {
    let slice = context.originalSlice(start: occurrence.start, end: occurrence.end)
    let term: String
    switch occurrence.source {
    case .literal: term = lexicon.patterns[occurrence.pattern]
    case .money: term = "money"
    case .regex(let id): term = lexicon.regexes[id].source
    }
    return MatchedPart(term: term, text: slice.text, start: slice.range.lowerBound, end: slice.range.upperBound)
  }

  func node(_ expression: CompiledExpression, occurrences: [Occurrence]) -> ExplanationNode {
    let evaluator = ExpressionEvaluator(occurrences: occurrences, patterns: lexicon.patterns, context: context)
    let candidates = evaluator.evaluate(expression)
    let isLeaf: Bool
    let label: String
    var children: [CompiledExpression] = []
    switch expression {
    case .term(let pattern):
      (isLeaf, label) = (true, "「\(lexicon.patterns[pattern])」")
    case .termSet(let name, _):
      (isLeaf, label) = (true, "$\(name)")
    case .money(let constraint, _):
      (isLeaf, label) = (true, constraint.summary)
    case .regex(let id):
      (isLeaf, label) = (true, "re '\(lexicon.regexes[id].source)'")
    case .any(let items):
      (isLeaf, label, children) = (false, "any", items)
    case .all(let items, let near):
      (isLeaf, label, children) = (false, "all" + Self.near(near), items)
    case .atLeast(let count, let items, let near):
      (isLeaf, label, children) = (false, "at_least \(count)" + Self.near(near), items)
    case .count(let inner, let minimum):
      (isLeaf, label, children) = (false, "count≥\(minimum)", [inner])
    case .sequence(let first, let then, _):
      (isLeaf, label, children) = (false, "sequence (first, then; each on its own unit)", [first, then])
    case .not(let inner):
      (isLeaf, label, children) = (false, "not (holds when the item finds nothing)", [inner])
    }
    let parts = isLeaf ? candidates.flatMap(\.parts) : (candidates.first?.parts ?? [])
    return ExplanationNode(
      label: label, matched: !candidates.isEmpty, parts: parts.map(part),
      children: children.map { node($0, occurrences: occurrences) })
  }

  private static func near(_ near: NearConstraint?) -> String {
    guard let near else { return "" }
    return " near≤\(near.within)\(near.ordered ? " ordered" : "")"
  }
}
