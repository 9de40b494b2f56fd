import Foundation
import Ingest

/// One check of `LexiconLinter`, for `lexicon check --list-checks`.
public struct LintCheck: Sendable, Hashable, Codable {
  /// The check id, also the suffix of its diagnostic code (`lexicon.<id>`).
  public var id: String
  /// How serious a finding of this check is.
  public var severity: Diagnostic.Severity
  /// What the check catches.
  public var summary: String
}

/// Checks a loaded lexicon for rules that load but are likely wrong (style-anchors C.10).
///
/// The loader already refuses schema errors, unknown `$set` and clause ids, duplicate ids and
/// weights outside [0, 1]; the linter adds warnings and notes and repeats the load's own
/// warnings, so `lexicon check` can print everything in one list.
public enum LexiconLinter {
  /// Every check, in the order they run.
  public static let checks: [LintCheck] = [
    LintCheck(id: "duplicate-id", severity: .error, summary: "Two rules with the same id (the loader refuses them; sets built in code are checked here)"),
    LintCheck(id: "unknown-clause", severity: .error, summary: "A rule cites a clause id missing from clauses.yml"),
    LintCheck(id: "short-term", severity: .warning, summary: "A one-character term without allow_short: true"),
    LintCheck(id: "regex-hazard", severity: .warning, summary: "A regex with \\b, an unbounded .* or .+, or one that can match the empty string"),
    LintCheck(id: "regex-no-atom", severity: .note, summary: "A regex with no required literal: it is verified on every unit"),
    LintCheck(id: "term-not-normalized", severity: .warning, summary: "A regex literal that normalisation removes (upper case, full width), so it can never match"),
    LintCheck(id: "unconditional-rule", severity: .note, summary: "A rule with no required literal (money only): it is evaluated on every unit, and a scan builds every chat message in full"),
    LintCheck(id: "joined-scope", severity: .note, summary: "A paragraph or document rule: a scan builds every chat message in full to join them"),
    LintCheck(id: "missing-examples", severity: .warning, summary: "A rule with fewer than three hit or three ok examples"),
    LintCheck(id: "duplicate-title", severity: .warning, summary: "Two rules with the same title"),
    LintCheck(id: "near-too-wide", severity: .warning, summary: "A near wider than 200 characters, wider than a message"),
    LintCheck(id: "cue-overlap", severity: .note, summary: "A term that contains a negation cue (没发): the cue inside a term never negates it"),
    LintCheck(id: "price-unfiltered", severity: .warning, summary: "A price rule without unless: deposits, instalments and everyday spending are compared as prices"),
    LintCheck(id: "span-self-excluding", severity: .warning, summary: "A not_inside kind whose own marker is one of the rule's terms (禁止 with not_inside: prohibition): those terms can never count"),
    LintCheck(id: "price-low-confidence", severity: .note, summary: "A price rule compares with ranges the price table marks confidence: low (the author's estimates)"),
  ]

  /// The diagnostics of every check, after the load's own warnings.
  public static func lint(_ lexicon: LexiconSet) -> [Diagnostic] {
    var result = lexicon.diagnostics
    var titles: [String: String] = [:]
    var origins: [String: String] = [:]
    for rule in lexicon.rules {
      let location = Location(rule.origin)
      func report(_ id: String, _ message: String) {
        let severity = checks.first { $0.id == id }?.severity ?? .warning
        result.append(
          Diagnostic(severity, code: "lexicon.\(id)", file: location.file, line: location.line, message: "\(rule.id): \(message)"))
      }
      if let first = origins[rule.id] {
        report("duplicate-id", "the id is also defined at \(first)")
      } else {
        origins[rule.id] = rule.origin
      }
      for clause in rule.clauses where lexicon.clauses.clause(clause) == nil {
        report("unknown-clause", "clause '\(clause)' is not in the clause catalogue")
      }
      let expressions = [rule.match] + (rule.unless.map { [$0] } ?? [])
      let terms = expressions.flatMap(literals)
      if !rule.allowShort {
        for term in Set(terms).sorted() where term.unicodeScalars.count == 1 {
          report("short-term", "one-character term '\(term)' matches too widely; set allow_short: true if intended")
        }
      }
      for source in expressions.flatMap(regexSources) {
        for hazard in regexHazards(source) { report("regex-hazard", "re '\(source)' \(hazard)") }
        if RegexAtoms.required(source) == nil {
          report("regex-no-atom", "re '\(source)' has no required literal and is tried on every unit")
        }
        if let literal = unmatchableLiteral(source) {
          report("term-not-normalized", "re '\(source)' contains '\(literal)', which normalised text never holds")
        }
      }
      if CompiledRule.isUnconditional(rule.match) {
        report(
          "unconditional-rule",
          "the rule needs no literal term and is evaluated on every unit; a scan then builds every chat message in full (about 2 × slower)")
      }
      if rule.scope.joinsUnits {
        report(
          "joined-scope",
          "scope \(rule.scope.rawValue) joins every unit; a scan then builds every chat message in full (2–3 × slower on large chats)")
      }
      let hits = rule.examples.filter { $0.kind == .hit }.count
      let oks = rule.examples.filter { $0.kind == .ok }.count
      if hits < 3 || oks < 3 {
        report("missing-examples", "has \(hits) hit and \(oks) ok examples; at least three of each are expected")
      }
      if let first = titles[rule.title] {
        report("duplicate-title", "title '\(rule.title)' is also used by \(first)")
      } else {
        titles[rule.title] = rule.id
      }
      for near in nears(rule.match) where near.within > 200 {
        report("near-too-wide", "near \(near.within) is wider than a message")
      }
      if let price = rule.price {
        if rule.unless == nil {
          report("price-unfiltered", "price rule without unless: deposits, instalments and everyday spending are compared as prices")
        }
        let estimates = price.services.filter { $0.confidence == "low" }.map(\.id)
        if !estimates.isEmpty {
          report("price-low-confidence", "services \(estimates.joined(separator: ", ")) have confidence low in the price table")
        }
      }
      for kind in rule.notInside {
        let markers = spanMarkers(kind)
        let excluded = Set(literals(rule.match)).sorted().filter { term in markers.contains { term.contains($0) } }
        if !excluded.isEmpty {
          report(
            "span-self-excluding",
            "terms \(excluded.joined(separator: ", ")) always lie inside a \(kind.rawValue) span, which not_inside sets aside")
        }
      }
      let cues = rule.negation.cues
      let overlapping = Set(terms).sorted().filter { term in
        term.unicodeScalars.count > 1 && cues.contains { term.contains($0) }
      }
      if !overlapping.isEmpty {
        report(
          "cue-overlap",
          "terms \(overlapping.joined(separator: ", ")) contain a negation cue; a cue inside a term never negates it")
      }
    }
    return result
  }

  /// The literal markers that open a span of `kind` (none for quotes, whose marks are punctuation).
  private static func spanMarkers(_ kind: SpanKind) -> [String] {
    switch kind {
    case .quote: []
    case .forward: EnclosingSpans.forwardMarkers.map { String(String.UnicodeScalarView($0)) }
    case .prohibition: EnclosingSpans.prohibitionCues.map { String(String.UnicodeScalarView($0)) }
    case .reported: []
    }
  }

  /// `file:line` split back into its parts.
  private struct Location {
    var file: String
    var line: Int?

    init(_ origin: String) {
      if let colon = origin.lastIndex(of: ":"), let line = Int(origin[origin.index(after: colon)...]) {
        file = String(origin[..<colon])
        self.line = line
      } else {
        file = origin
        line = nil
      }
    }
  }

  private static func children(_ expression: MatchExpression) -> [MatchExpression] {
    switch expression {
    case .term, .termSet, .money, .regex: []
    case .any(let items), .all(let items, _), .atLeast(_, let items, _): items
    case .count(let inner, _), .not(let inner): [inner]
    case .sequence(let first, let then, _): [first, then]
    }
  }

  private static func literals(_ expression: MatchExpression) -> [String] {
    switch expression {
    case .term(let term): [term]
    case .termSet(_, let terms): terms
    default: children(expression).flatMap(literals)
    }
  }

  private static func regexSources(_ expression: MatchExpression) -> [String] {
    if case .regex(let source) = expression { return [source] }
    return children(expression).flatMap(regexSources)
  }

  private static func nears(_ expression: MatchExpression) -> [NearConstraint] {
    var own: [NearConstraint] = []
    switch expression {
    case .all(_, let near), .atLeast(_, _, let near): own = near.map { [$0] } ?? []
    default: break
    }
    return own + children(expression).flatMap(nears)
  }

  /// Hazards of a regex: `\b`, unbounded `.*` / `.+`, empty matches.
  static func regexHazards(_ source: String) -> [String] {
    var hazards: [String] = []
    if source.contains("\\b") { hazards.append("uses \\b, which does not work between Chinese characters") }
    if source.contains(".*") || source.contains(".+") {
      hazards.append("has an unbounded .* or .+; bound it, e.g. .{0,8}")
    }
    if let expression = try? NSRegularExpression(pattern: source),
      expression.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil
    {
      hazards.append("can match the empty string")
    }
    return hazards
  }

  /// The first literal run of a regex that normalisation would change (so it cannot match).
  static func unmatchableLiteral(_ source: String) -> String? {
    var escaped = false
    var inClass = false
    for scalar in source.unicodeScalars {
      defer { escaped = !escaped && scalar == "\\" }
      if escaped { continue }
      if scalar == "[" { inClass = true }
      if scalar == "]" { inClass = false }
      if scalar == "\\" || inClass { continue }
      if TextNormalizer.fold(scalar) != scalar { return String(scalar) }
    }
    return nil
  }
}
