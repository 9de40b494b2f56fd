/// One addressable piece of evidence text: a chat message, a paragraph, a table row or a line.
///
/// A unit is what a citation points at. `line` and `endLine` are 1-based physical line numbers in
/// the original file (LF, CRLF and lone CR each count as one break); for DOCX they are paragraph
/// numbers, for PDF lines of the extracted text with `page` set. A multi-line chat message spans
/// from its header line to its last body line.
public struct TextUnit: Sendable, Hashable, Codable {
  /// What sort of unit this is.
  public var kind: UnitKind
  /// First line of the unit in the original file (1-based).
  public var line: Int
  /// Last line of the unit in the original file (1-based, `>= line`).
  public var endLine: Int
  /// The unit's text exactly as decoded from the file (message body only, no header), for display.
  public var text: String
  /// The file line on which `text` begins; the k-th line of `text` (0-based, split on `\n`) sits
  /// on file line `firstBodyLine + k`. Lets a highlight in a multi-line body land on its line.
  public var firstBodyLine: Int
  /// The speaker's display name for chat messages, as the export writes it.
  public var speaker: String?
  /// The speaker's account id where the format carries one (QQ number, e-mail, wxid).
  public var speakerID: String?
  /// When the message was sent, where the format has it.
  public var time: ChatTime?
  /// The conversation (chat partner or group name) the unit belongs to, where known.
  public var conversation: String?
  /// PDF page (1-based), or XLSX sheet index, where the format has one.
  public var page: Int?
  /// Structured values carried by the unit itself, e.g. a transfer's amount (`amountFen`).
  public var attributes: [String: String]

  /// The `attributes` key under which a message forwarded from elsewhere keeps where it came
  /// from (Telegram's `forwarded_from`): its whole text is someone else's words.
  public static let forwardedFromAttribute = "forwardedFrom"
  /// The `attributes` key of a chat service event (a Telegram service message: a pin, a title
  /// change, an invitation), holding what was done (`pin_message`; `service` when the export
  /// does not name it). Such a unit is an action, not speech: a `system` unit (a `transfer` for
  /// a payment) whose `speaker` is the actor where the export names one, and whose text begins
  /// with `[service: <action>]` or `[service]`, so that a citation of it reads as an action.
  public static let serviceActionAttribute = "action"
  /// The file line of each line of `text` (split on `\n`) when they are not simply
  /// `firstBodyLine + k`: text decoded from JSON `\n` escapes, HTML with collapsed white space,
  /// DOCX/XLSX line breaks, quoted-printable soft breaks. Nil when the simple rule holds; use
  /// `fileLine(ofTextLine:)` rather than reading it directly.
  public var textLines: [Int]?
  /// How many of the file's units this one stands for: 1, except for an `elided` unit, which
  /// stands for a run of consecutive messages of one conversation left unread. Unit counts
  /// (`EvidenceDocument.unitCount`) and positions in a conversation count runs this way.
  public var span = 1

  /// Creates a unit; `firstBodyLine` defaults to `line`.
  public init(
    kind: UnitKind, line: Int, endLine: Int? = nil, text: String, firstBodyLine: Int? = nil,
    speaker: String? = nil, speakerID: String? = nil, time: ChatTime? = nil,
    conversation: String? = nil, page: Int? = nil, attributes: [String: String] = [:]
  ) {
    self.kind = kind
    self.line = line
    self.endLine = endLine ?? line
    self.text = text
    self.firstBodyLine = firstBodyLine ?? line
    self.speaker = speaker
    self.speakerID = speakerID
    self.time = time
    self.conversation = conversation
    self.page = page
    self.attributes = attributes
  }

  /// The stand-in for a message a `UnitSieve` let pass unread (`UnitKind.elided`).
  static func elided(line: Int, endLine: Int, conversation: String?) -> TextUnit {
    TextUnit(kind: .elided, line: line, endLine: endLine, text: "", conversation: conversation)
  }

  /// How many of the file's units `units` stand for (the sum of their spans).
  public static func count(of units: [TextUnit]) -> Int {
    units.reduce(0) { $0 + $1.span }
  }

  /// The file line (paragraph number for DOCX, row for XLSX) on which line `k` (0-based, split on
  /// `\n`) of `text` stands.
  public func fileLine(ofTextLine k: Int) -> Int {
    if let textLines, !textLines.isEmpty { return textLines[min(max(k, 0), textLines.count - 1)] }
    return firstBodyLine + k
  }
}

/// The sort of a `TextUnit`.
public enum UnitKind: String, Sendable, Hashable, Codable {
  /// A chat message with a speaker.
  case message
  /// A system notice in a chat (recall, join, pat, red-packet claim): no human speaker.
  case system
  /// A transfer or red packet; `attributes["amountFen"]` holds its amount where known.
  case transfer
  /// A paragraph of a document (DOCX, HTML block, e-mail body paragraph).
  case paragraph
  /// A table row or spreadsheet row.
  case row
  /// One line of plain text.
  case line
  /// A run of consecutive chat messages of one conversation a `UnitSieve` let pass unread: it
  /// keeps their place (`span` messages), lines (from the first one's header to the last one's
  /// end) and conversation, but its text is empty and it has no speaker and no time.
  case elided
}
