import Ingest
import Signals

/// The excerpt of a unit shown in findings.json and the CSV.
enum Excerpt {
  /// Units up to this many Unicode scalars are quoted whole.
  static let wholeLimit = 300
  /// Scalars kept on each side of the matched parts of a longer unit.
  static let context = 80
  /// The longest excerpt of a long unit, in scalars, before the ellipses.
  static let windowLimit = 600
  /// The longest `[service: <action>]` label kept in front of a cut excerpt, in scalars.
  static let labelLimit = 64

  /// The excerpt of `unit`: its text (`make(text:parts:)`), and for a chat service event (a
  /// Telegram pin, title change, invitation) a cut excerpt still starts with the text's
  /// `[service: <action>]` label, so that it reads as the actor's action at any length.
  static func make(unit: TextUnit, parts: [MatchedPart]) -> String {
    let excerpt = make(text: unit.text, parts: parts)
    guard unit.attributes[TextUnit.serviceActionAttribute] != nil, let label = serviceLabel(of: unit.text),
      !excerpt.unicodeScalars.starts(with: label.unicodeScalars)
    else { return excerpt }
    return "\(label) \(excerpt)"
  }

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

  /// The `[service: <action>]` or `[service]` label a service event's text starts with (within
  /// its first `labelLimit` scalars: an action is one short word), or nil.
  static func serviceLabel(of text: String) -> String? {
    let head = text.unicodeScalars.prefix(labelLimit)
    guard head.starts(with: "[service".unicodeScalars), let close = head.firstIndex(of: "]") else { return nil }
    let label = String(text.unicodeScalars[...close])
    guard label == "[service]" || label.hasPrefix("[service: ") else { return nil }
    return String(label)
  }
}
