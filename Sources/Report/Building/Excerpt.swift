import Signals

/// The excerpt of a unit shown in findings.json and the CSV.
enum Excerpt {
  /// Units up to this many Unicode scalars are quoted whole.
  static let wholeLimit = 300
  /// Scalars kept on each side of the matched parts of a longer unit.
  static let context = 80
  /// The longest excerpt of a long unit, in scalars, before the ellipses.
  static let windowLimit = 600

  /// The unit's text, or for a long unit the part around the matched parts with `…` marking what
  /// was cut. Offsets are Unicode scalars, as in `MatchedPart`.
  static func make(text: String, parts: [MatchedPart]) -> String {
    guard text.utf8.count > wholeLimit else { return text }
    let scalars = Array(text.unicodeScalars)
    guard scalars.count > wholeLimit else { return text }
    let first = min(max(parts.map(\.start).min() ?? 0, 0), scalars.count)
    let last = min(max(parts.map(\.end).max() ?? first, first), scalars.count)
    let lower = max(0, first - context)
    let upper = min(scalars.count, min(last + context, lower + windowLimit))
    var excerpt = String(String.UnicodeScalarView(scalars[lower..<upper]))
    if lower > 0 { excerpt = "…" + excerpt }
    if upper < scalars.count { excerpt += "…" }
    return excerpt
  }
}
