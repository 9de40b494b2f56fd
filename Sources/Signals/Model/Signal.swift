import Ingest

/// One rule firing on one text unit: what matched, where, and why.
///
/// A signal is a value produced by `SignalScanner`; Report turns signals into findings by adding
/// the rule's title, clauses and weight. Ranges are offsets in Unicode scalars into the *original*
/// `TextUnit.text` (not the normalised copy), so highlights land on the characters the user sees.
public struct Signal: Sendable, Hashable, Codable {
  /// The rule that fired, e.g. `tech.win-control`.
  public var ruleID: String
  /// The document's relative path.
  public var path: String
  /// Index of the unit in `EvidenceDocument.units`.
  public var unitIndex: Int
  /// First line of the unit that completes the signal (copied from the unit).
  public var line: Int
  /// Last line of that unit.
  public var endLine: Int
  /// The parts of the text that satisfied the rule, in text order.
  public var matched: [MatchedPart]
  /// The negation / modality verdict for the signal.
  public var negation: NegationVerdict
  /// Whose words these are, relative to the subjects named for the case.
  public var speakerRole: SpeakerRole
  /// Values the rule extracted (e.g. `amountFen`, `priceRatio`), as strings for stable output.
  public var values: [String: String]
  /// Other units this signal rests on (the notice before "照常更新", the service before a price).
  public var related: [RelatedUnit]
  /// A one-line explanation of why the rule fired (operator trace and negation verdict).
  public var why: String
  /// Nil for an active signal; otherwise why it is shown only as suppressed (negated,
  /// hypothetical, filtered).
  public var suppressedReason: String?

  /// Creates a signal.
  public init(
    ruleID: String, path: String, unitIndex: Int, line: Int, endLine: Int,
    matched: [MatchedPart], negation: NegationVerdict = .affirmed,
    speakerRole: SpeakerRole = .unknown, values: [String: String] = [:],
    related: [RelatedUnit] = [], why: String, suppressedReason: String? = nil
  ) {
    self.ruleID = ruleID
    self.path = path
    self.unitIndex = unitIndex
    self.line = line
    self.endLine = endLine
    self.matched = matched
    self.negation = negation
    self.speakerRole = speakerRole
    self.values = values
    self.related = related
    self.why = why
    self.suppressedReason = suppressedReason
  }
}

/// One matched occurrence inside a unit.
public struct MatchedPart: Sendable, Hashable, Codable {
  /// The lexicon term (or regex source) that matched, as written in the pack.
  public var term: String
  /// The original text covered by the match.
  public var text: String
  /// Start offset in Unicode scalars into the unit's original text (0-based, inclusive).
  public var start: Int
  /// End offset in Unicode scalars (exclusive).
  public var end: Int

  /// Creates a matched part.
  public init(term: String, text: String, start: Int, end: Int) {
    self.term = term
    self.text = text
    self.start = start
    self.end = end
  }
}

/// The outcome of the negation and modality check on a signal.
public enum NegationVerdict: Sendable, Hashable, Codable {
  /// No cue applies.
  case affirmed
  /// A negation cue (不, 没有, 禁止, 不得 …) governs the term.
  case negated(cue: String)
  /// Two cues cancel (不是没有): treated as affirmed but uncertain.
  case doubleNegated(cues: [String])
  /// A conditional cue (如果, 要是, 万一 …) governs the term.
  case hypothetical(cue: String)
  /// The unit is a question about the term (有没有…？), not a statement.
  case question(cue: String)

  /// A short human label such as `negated by 不`.
  public var label: String {
    switch self {
    case .affirmed: "no negation cue"
    case .negated(let cue): "negated by \(cue)"
    case .doubleNegated(let cues): "double negation \(cues.joined(separator: "…")) (uncertain)"
    case .hypothetical(let cue): "hypothetical (\(cue))"
    case .question(let cue): "question (\(cue))"
    }
  }
}

/// Whose words a unit holds, relative to the case's subjects (`--subject`).
public enum SpeakerRole: String, Sendable, Hashable, Codable {
  /// Said by a subject: what the subject said.
  case subject
  /// Said by someone else in a chat with the subject: what the subject was told.
  case counterpart
  /// Said by someone else in a conversation in which no message of a subject appears (a group
  /// of others, a chat between two other people): what third parties said, which does not show
  /// the subject was told anything. The scanner never gives it: the report gives it to a
  /// `counterpart` unit once the whole conversation is known to hold no subject's message.
  case thirdParty
  /// No speaker, or no subject named.
  case unknown
}

/// A unit that a signal rests on besides the one it sits on.
public struct RelatedUnit: Sendable, Hashable, Codable {
  /// Relative path of the document.
  public var path: String
  /// First line of the related unit.
  public var line: Int
  /// Last line of the related unit.
  public var endLine: Int
  /// What the unit contributes, e.g. `notice`, `service`.
  public var role: String

  /// Creates a related-unit reference.
  public init(path: String, line: Int, endLine: Int, role: String) {
    self.path = path
    self.line = line
    self.endLine = endLine
    self.role = role
  }
}

extension NegationVerdict {
  /// The verdict's kind as written in `expect: {negation: …}`: `affirmed`, `negated`,
  /// `double-negated`, `hypothetical` or `question`.
  public var kindName: String {
    switch self {
    case .affirmed: "affirmed"
    case .negated: "negated"
    case .doubleNegated: "double-negated"
    case .hypothetical: "hypothetical"
    case .question: "question"
    }
  }

  /// Every kind name, in the order above.
  public static let kindNames = ["affirmed", "negated", "double-negated", "hypothetical", "question"]
}
