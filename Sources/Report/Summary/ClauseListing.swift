import Signals

/// The clause catalogue as `mingjian clauses` prints it: id, point, instrument, verification.
public struct ClauseListing: Sendable {
  /// The catalogue to list.
  public var catalogue: ClauseCatalogue
  /// Whether to print each verbatim text under its entry.
  public var includeText: Bool

  /// Creates a listing.
  public init(catalogue: ClauseCatalogue, includeText: Bool) {
    self.catalogue = catalogue
    self.includeText = includeText
  }

  /// The listing as terminal text, one entry per line (plus indented text when asked).
  public var text: String {
    var lines: [String] = []
    for clause in catalogue.entries {
      let id = clause.id.padding(toLength: 22, withPad: " ", startingAt: 0)
      let level = clause.verification.padding(toLength: 8, withPad: " ", startingAt: 0)
      let citation = clause.kind == "analyst"
        ? "analyst factor (not law)"
        : "\(clause.documentNumber.isEmpty ? clause.instrument : clause.documentNumber) \(clause.point)"
      lines.append("\(id) \(level) \(citation)  \(ClauseTitle.display(clause))")
      if includeText {
        if let text = clause.text {
          for textLine in text.split(separator: "\n") { lines.append("    \(textLine)") }
        } else {
          lines.append("    (no verified text: cited by instrument and point only)")
        }
      }
    }
    return lines.joined(separator: "\n")
  }
}
