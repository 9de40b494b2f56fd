/// One rule of a lexicon pack, with the metadata the report shows.
///
/// The match logic lives in `match` (an operator tree); the rest is what a reviewer reads: title,
/// level, weight, the clauses the rule supports and whether it cuts for or against the subject.
public struct LexiconRule: Sendable, Hashable {
  /// Unique id across all loaded packs, e.g. `tech.win-control`.
  public var id: String
  /// The id of the pack the rule came from.
  public var packID: String
  /// Short Chinese title shown in the report.
  public var title: String
  /// Severity for people: sets colour and `--fail-on`.
  public var level: RuleLevel
  /// Ranking weight in [0, 1]; clause scores combine weights as a noisy-OR.
  public var weight: Double
  /// Whether a hit supports the presumption (inculpatory) or cuts against it (exculpatory).
  public var polarity: Polarity
  /// Clause ids from the catalogue, in the order the pack lists them.
  public var clauses: [String]
  /// Whose messages count.
  public var speaker: SpeakerConstraint
  /// Longer explanation for reviewers (may be empty).
  public var description: String
  /// Known everyday uses that can look like a hit.
  public var falsePositives: [String]
  /// The condition tree.
  public var match: MatchExpression
  /// A condition that, when it matches anywhere in the unit, drops the unit.
  public var unless: MatchExpression?
  /// What to do with negated, hypothetical and questioned occurrences.
  public var negationMode: NegationMode
  /// Where the rule was defined, for diagnostics (`file:line`).
  public var origin: String
  /// The cue lists and windows of the negation check (pack defaults merged with rule overrides).
  public var negation: NegationSettings
  /// The embedded `hit` / `ok` / `todo_hit` / `todo_ok` examples.
  public var examples: [RuleExample]
  /// Whether single-character terms are intended (silences the `short-term` lint).
  public var allowShort: Bool
  /// The price comparison of a `match: {price: …}` rule (its `match` then holds the service
  /// phrases and the amount leaf the comparison needs), nil for other rules.
  public var price: PriceCheck?
  /// How much text one evaluation of `match` sees.
  public var scope: RuleScope
  /// Span kinds every matched part must lie inside (any of them); empty for no requirement.
  public var inside: [SpanKind]
  /// Span kinds no matched part may lie inside.
  public var notInside: [SpanKind]
  /// Values pulled out of the unit into the signal's `values`.
  public var extract: [ValueExtraction]

  /// Creates a rule.
  public init(
    id: String, packID: String, title: String, level: RuleLevel = .medium, weight: Double = 0.5,
    polarity: Polarity = .inculpatory, clauses: [String], speaker: SpeakerConstraint = .any,
    description: String = "", falsePositives: [String] = [], match: MatchExpression,
    unless: MatchExpression? = nil, negationMode: NegationMode = .exclude, origin: String = "",
    negation: NegationSettings = NegationSettings(), examples: [RuleExample] = [],
    allowShort: Bool = false, price: PriceCheck? = nil, scope: RuleScope = .message, inside: [SpanKind] = [],
    notInside: [SpanKind] = [], extract: [ValueExtraction] = []
  ) {
    self.id = id
    self.packID = packID
    self.title = title
    self.level = level
    self.weight = weight
    self.polarity = polarity
    self.clauses = clauses
    self.speaker = speaker
    self.description = description
    self.falsePositives = falsePositives
    self.match = match
    self.unless = unless
    self.negationMode = negationMode
    self.origin = origin
    self.negation = negation
    self.examples = examples
    self.allowShort = allowShort
    self.price = price
    self.scope = scope
    self.inside = inside
    self.notInside = notInside
    self.extract = extract
  }
}

/// Severity levels, after Sigma.
public enum RuleLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case info, low, medium, high, critical

  /// Orders levels by severity, `info` lowest.
  public static func < (lhs: RuleLevel, rhs: RuleLevel) -> Bool {
    lhs.rank < rhs.rank
  }

  /// Position in severity order, `info` lowest.
  private var rank: Int {
    switch self {
    case .info: 0
    case .low: 1
    case .medium: 2
    case .high: 3
    case .critical: 4
    }
  }
}

/// Which way a finding cuts.
public enum Polarity: String, Sendable, Hashable, Codable, CaseIterable {
  /// Supports a presumption of knowledge or a joint-crime element.
  case inculpatory
  /// A neutral-help factor or other counter-evidence (Art. 11's "但是有相反证据的除外").
  case exculpatory
}

/// Whose messages a rule counts.
public enum SpeakerConstraint: String, Sendable, Hashable, Codable, CaseIterable {
  /// Only messages by a person named as a subject.
  case subject
  /// Only messages by others.
  case counterpart
  /// Every unit.
  case any
}

/// How a rule treats negated, hypothetical and questioned occurrences.
public enum NegationMode: String, Sendable, Hashable, Codable, CaseIterable {
  /// Such signals are moved to the suppressed list with their cue.
  case exclude
  /// Kept active, with the verdict shown.
  case flag
  /// Fires only on negated occurrences (refusals, prohibitions).
  case require
  /// No check.
  case ignore
}

/// A rule's condition tree.
public indirect enum MatchExpression: Sendable, Hashable {
  /// A literal term (already normalised).
  case term(String)
  /// A reference to a pack term set (`$name`): any of its terms (already normalised).
  case termSet(name: String, terms: [String])
  /// Any of the items.
  case any([MatchExpression])
  /// All of the items; with `near`, the chosen occurrences lie within that many characters.
  case all([MatchExpression], near: NearConstraint?)
  /// At least `n` of the items; with `near`, as for `all`.
  case atLeast(Int, [MatchExpression], near: NearConstraint?)
  /// An amount of money that passes the constraint (`money: {min, max, …}`).
  case money(MoneyConstraint)
  /// A regular expression on the normalised text (`re: '…'`), verified only on units where one
  /// of its required literal atoms occurs.
  case regex(String)
  /// The expression occurs at least `min` times, without overlaps, in the unit.
  case count(MatchExpression, min: Int)
  /// Conversation scope: a unit matching `first`, then a later unit of the same conversation
  /// matching `then` within the window. The signal sits on the `then` unit and cites the
  /// `first` unit in `related`. Only valid as a rule's whole `match`.
  case sequence(first: MatchExpression, then: MatchExpression, window: SequenceWindow)
  /// True when the expression finds no match in the unit (`not: <expr>`). Only an item of `any`,
  /// `all` or `at_least`, never inside a `sequence`; it has no position, so a sibling `near`
  /// leaves it out of the distance test.
  case not(MatchExpression)

  /// Whether the expression can hold on a unit in which nothing is present: through a `not`
  /// (an `any` with a `not` item, an `all` of `not`s). A rule's `match` must not: a rule is
  /// found by something present.
  public var holdsOnAbsence: Bool {
    switch self {
    case .term, .termSet, .money, .regex: false
    case .not: true
    case .any(let items): items.contains { $0.holdsOnAbsence }
    case .all(let items, _): items.allSatisfy { $0.holdsOnAbsence }
    case .atLeast(let count, let items, _): items.filter { $0.holdsOnAbsence }.count >= count
    case .count(let inner, _): inner.holdsOnAbsence
    case .sequence(let first, let then, _): first.holdsOnAbsence || then.holdsOnAbsence
    }
  }
}

/// How far apart the two events of a `sequence` may be.
public struct SequenceWindow: Sendable, Hashable {
  /// Most units of the conversation from the first event to the second (1 = the next unit), or
  /// nil for no limit.
  public var messages: Int?
  /// Most seconds between the two events' times, or nil for no limit. Units without a time
  /// pass this test (the message limit still applies).
  public var seconds: Int64?

  /// Creates a window.
  public init(messages: Int? = nil, seconds: Int64? = nil) {
    self.messages = messages
    self.seconds = seconds
  }
}

/// The proximity constraint of an `all`.
public struct NearConstraint: Sendable, Hashable {
  /// Largest gap, in characters of the normalised text, between consecutive chosen occurrences.
  public var within: Int
  /// Whether the occurrences must appear in the listed order.
  public var ordered: Bool

  /// Creates a proximity constraint.
  public init(within: Int, ordered: Bool = false) {
    self.within = within
    self.ordered = ordered
  }
}
