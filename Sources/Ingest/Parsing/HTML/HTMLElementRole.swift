/// What an HTML element does to the visible text of a page.
enum HTMLElementRole: Sendable {
  /// Content never shown (`noscript`, `template`; script and style text never reaches the builder).
  case hidden
  /// A table row: one `row` unit.
  case row
  /// A table: ends any open row.
  case table
  /// A table cell: a tab before it inside a row.
  case cell
  /// `<br>`: a line break inside the block.
  case lineBreak
  /// An element that starts and ends a block of text.
  case block
  /// Anything else (`span`, `b`, `a`, unknown tags): text flows through it.
  case inline

  /// Elements that start and end a block of text.
  static let blockElements: Set<String> = [
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "ul", "title", "option", "legend", "html", "textarea",
  ]

  /// The role of the element with the lower-case `name`.
  init(name: String) {
    switch name {
    case "noscript", "template": self = .hidden
    case "tr": self = .row
    case "table": self = .table
    case "td", "th": self = .cell
    case "br": self = .lineBreak
    default: self = Self.blockElements.contains(name) ? .block : .inline
    }
  }
}
