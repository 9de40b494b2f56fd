import Signals

/// How a clause's catalogue title is shown beside its citation.
///
/// A title is the catalogue's short name for the clause. Only some titles are the statute's own
/// words: legal text is quoted only verbatim, so a title is put in quotation marks only when it
/// occurs character for character in the clause's verified text (V1/V2); any other title of a
/// statute is labelled a summary, never presented as if quoted. Analyst factors are not law and
/// are shown as they are (their callers say so).
public enum ClauseTitle {
  /// Whether `clause.title` occurs word for word in its verified text.
  public static func isVerbatim(_ clause: Clause) -> Bool {
    guard let text = clause.text, ["V1", "V2"].contains(clause.verification), !clause.title.isEmpty else {
      return false
    }
    return text.contains(clause.title)
  }

  /// The title as shown: `“…”` when verbatim, `(summary: …)` for another statute title, the
  /// title itself for an analyst factor.
  public static func display(_ clause: Clause) -> String {
    if clause.kind == "analyst" || clause.id.hasPrefix("neutral.") { return clause.title }
    return isVerbatim(clause) ? "“\(clause.title)”" : "(summary: \(clause.title))"
  }
}
