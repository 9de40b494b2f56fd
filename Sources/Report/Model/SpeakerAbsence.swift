import Ingest

/// Why a finding's unit names no speaker.
///
/// A chat message whose sender could not be read is not the same as a contract clause, which
/// has no sender to read: the report says "speaker unknown" for the first and nothing for the
/// second, instead of "no speaker" for both.
public enum SpeakerAbsence: String, Sendable, Hashable, Codable, CaseIterable {
  /// A chat message whose header line could not be read (the unit's `unreadableHeader`
  /// attribute): someone wrote it, but who is unknown.
  case unreadableHeader
  /// A chat message or transfer that the export gives without a sender.
  case unnamed
  /// A system notice of a chat (a recall, a join, a pat): nobody speaks.
  case systemNotice
  /// A paragraph, line or row of a document that has no speakers at all (a contract, a web
  /// page, a PDF, a spreadsheet, plain text).
  case document

  /// The `TextUnit.attributes` key of a message whose header could not be read (Ingest's
  /// `HeaderAttempt.attribute`).
  static let unreadableHeaderAttribute = "unreadableHeader"

  /// Why `unit` names no speaker; nil when it names one (or is an elided run, never cited).
  public init?(unit: TextUnit) {
    if let speaker = unit.speaker, !speaker.isEmpty { return nil }
    switch unit.kind {
    case .message, .transfer:
      self = unit.attributes[Self.unreadableHeaderAttribute] != nil ? .unreadableHeader : .unnamed
    case .system: self = .systemNotice
    case .paragraph, .row, .line: self = .document
    case .elided: return nil
    }
  }

  /// The words shown where the speaker's name would be; nil for a document, which shows none.
  public var label: String? {
    switch self {
    case .unreadableHeader, .unnamed: "speaker unknown"
    case .systemNotice: "system notice"
    case .document: nil
    }
  }

  /// The words naming a group of findings without a speaker (a timeline, a row of totals).
  public var groupLabel: String { label ?? "document text (no speakers)" }

  /// The group label of findings whose units name no speaker for the reasons `absences` (in
  /// any order, repeats allowed): their labels, distinct, in a fixed order, joined with " / ";
  /// "no speaker named" when none is known.
  public static func groupLabel<S: Sequence>(of absences: S) -> String where S.Element == SpeakerAbsence {
    let present = Set(absences)
    let labels = allCases.filter(present.contains).map(\.groupLabel)
    var distinct: [String] = []
    for label in labels where !distinct.contains(label) { distinct.append(label) }
    return distinct.isEmpty ? "no speaker named" : distinct.joined(separator: " / ")
  }
}
