/// HTML helpers for the report writer.
enum HTML {
  /// Escapes `text` for use in HTML element content and double- or single-quoted attribute
  /// values: `&`, `<`, `>`, `"` and `'` become character references.
  ///
  /// This is the one escape function of the HTML report: every piece of evidence text, every
  /// name, path, rule title and clause text passes through it, so evidence markup never runs.
  static func escape(_ text: String) -> String {
    guard
      text.utf8.contains(where: {
        $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
      })
    else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
