import Ingest
import Signals

/// One signal made readable: the rule's title, clauses and weight joined to the unit it sits on.
///
/// A finding is what the report cites. Active findings support their clauses; suppressed ones
/// (negated, hypothetical, questioned or filtered) carry a `reason` and count for nothing, but are
/// still listed so that nothing is dropped silently.
public struct Finding: Sendable, Hashable {
  /// Stable id: `f-` and 16 hex digits, a fingerprint of the rule, the path and the normalised
  /// matched text (see `FindingFingerprint`). It survives line shifts.
  public var id: String
  /// The rule id, e.g. `gambling.win-control`.
  public var rule: String
  /// The rule's title.
  public var title: String
  /// The rule's level (sets the colour in the HTML report).
  public var level: RuleLevel
  /// Path of the document relative to the scanned folder, `/`-separated.
  public var path: String
  /// Index of the unit in the document's `units`.
  public var unitIndex: Int
  /// First line of the unit that completes the finding (1-based).
  public var line: Int
  /// Last line of that unit (1-based, `>= line`).
  public var endLine: Int
  /// The unit's page (PDF) or sheet (XLSX), 1-based, where the format has one; `line` counts
  /// within it for spreadsheets.
  public var page: Int?
  /// The name of the unit's XLSX sheet (the unit's `attributes["sheet"]`), where it has one.
  public var sheet: String?
  /// The message's id in its export (Telegram `id`, PyWxDump `MsgSvrID`, WechatExporter's message
  /// id: the unit's `attributes["messageID"]`), where it has one: it tells apart messages that
  /// share a line, as every message of a one-line JSON export does.
  public var messageID: String?
  /// The unit's speaker as the export writes it, where there is one.
  public var speaker: String?
  /// Whose words these are relative to the case's subjects.
  public var speakerRole: SpeakerRole
  /// Why the unit names no speaker (an unreadable chat header, a document without speakers);
  /// nil when `speaker` is set or the unit is unknown.
  public var speakerAbsence: SpeakerAbsence?
  /// When the unit was sent, where the format has it.
  public var time: ChatTime?
  /// The unit's text, shortened around the matched parts when it is long.
  public var excerpt: String
  /// The matched parts with their Unicode-scalar offsets into the unit's text.
  public var parts: [MatchedPart]
  /// Whether the finding supports a presumption (inculpatory) or a neutral-help factor.
  public var polarity: Polarity
  /// Clause ids the finding supports, in the rule's order.
  public var clauses: [String]
  /// The rule's weight in [0, 1].
  public var weight: Double
  /// Values the rule extracted (e.g. `amountFen`), as strings.
  public var values: [String: String]
  /// Other units the finding rests on.
  public var related: [RelatedUnit]
  /// The negation and modality verdict.
  public var negation: NegationVerdict
  /// One line saying why the rule fired.
  public var why: String
  /// Nil for an active finding; otherwise why it is only listed as suppressed.
  public var reason: String?

  /// Creates a finding.
  public init(
    id: String, rule: String, title: String, level: RuleLevel, path: String, unitIndex: Int,
    line: Int, endLine: Int, page: Int? = nil, sheet: String? = nil, messageID: String? = nil, speaker: String? = nil,
    speakerRole: SpeakerRole = .unknown, speakerAbsence: SpeakerAbsence? = nil,
    time: ChatTime? = nil, excerpt: String, parts: [MatchedPart], polarity: Polarity,
    clauses: [String], weight: Double, values: [String: String] = [:],
    related: [RelatedUnit] = [], negation: NegationVerdict = .affirmed, why: String,
    reason: String? = nil
  ) {
    self.id = id
    self.rule = rule
    self.title = title
    self.level = level
    self.path = path
    self.unitIndex = unitIndex
    self.line = line
    self.endLine = endLine
    self.page = page
    self.sheet = sheet
    self.messageID = messageID
    self.speaker = speaker
    self.speakerRole = speakerRole
    self.speakerAbsence = speakerAbsence
    self.time = time
    self.excerpt = excerpt
    self.parts = parts
    self.polarity = polarity
    self.clauses = clauses
    self.weight = weight
    self.values = values
    self.related = related
    self.negation = negation
    self.why = why
    self.reason = reason
  }

  /// The original texts of the matched parts, in text order.
  public var matched: [String] { parts.map(\.text) }

  /// The words shown for the speaker: the name, else why there is none ("speaker unknown"),
  /// else nil for a document without speakers.
  public var speakerLabel: String? {
    if let speaker, !speaker.isEmpty { return speaker }
    return speakerAbsence?.label
  }

  /// Whether the finding is listed as suppressed rather than active.
  public var isSuppressed: Bool { reason != nil }
}
