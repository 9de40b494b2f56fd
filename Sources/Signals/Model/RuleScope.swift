/// How much text one evaluation of a rule's `match` sees (`scope:` in a pack).
public enum RuleScope: String, Sendable, Hashable, Codable, CaseIterable {
  /// One text unit (a chat message, a paragraph, a row, a line): the default.
  case message
  /// One paragraph: consecutive `line` units of a plain-text file with no blank line between
  /// them; any other unit (chat message, DOCX paragraph, HTML block, row) on its own.
  case paragraph
  /// A conversation: only for a `sequence` (or a `price` with `within`), whose events are units.
  case conversation
  /// Every unit of the document (of the rule's speaker), read as one text.
  case document

  /// Whether the rule's `match` is evaluated over a group of units joined into one text.
  public var joinsUnits: Bool { self == .paragraph || self == .document }
}
