/// The byte spellings under which an export may write a name that its parser reads back as the
/// name itself, for `SubjectPresence`'s search of a file's raw bytes.
///
/// The parsers undo three kinds of escaping (see `TextEscapes` and `LineTrackingJSON` in Ingest):
/// HTML character references (MemoTrace HTML and TXT names, every HTML export: `&amp;`, `&lt;`,
/// `&quot;`, `&#x27;`, `&#39;`, `&apos;`, and numeric references to any character), MemoTrace's
/// backslash before `'`, `"` and `\` (its TXT names), and JSON string escapes (Telegram,
/// PyWxDump and MemoTrace's embedded JSON: `\"`, `\\`, `\/`, `\uXXXX` in either case, as
/// exporters that write ASCII only escape every other character, and Go's `\u0026` for `&`,
/// `<`, `>`). An exporter escapes a name consistently, so the spellings are the name written
/// whole by one HTML style, then optionally by one backslash or JSON style (MemoTrace HTML
/// embeds HTML-escaped names in JSON; Go's escapes apply to a name not HTML-escaped).
enum EscapedSpellings {
  /// Every distinct spelling of `name`, the name's own UTF-8 first.
  static func of(_ name: String) -> [[UInt8]] {
    let scalars = Array(name.unicodeScalars)
    var html: [String] = []
    for numeric in [NumericStyle?.none, .decimal, .lowerHex, .upperHex] {
      for escapesMarkup in [false, true] {
        for apostrophe in ["'", "&#x27;", "&#39;", "&apos;"] {
          for quote in ["\"", "&quot;", "&#34;"] {
            let style = HTMLStyle(numeric: numeric, apostrophe: apostrophe, quote: quote, escapesMarkup: escapesMarkup)
            html.append(style.write(scalars))
          }
        }
      }
    }
    var spellings: [String] = []
    for written in unique(html) {
      spellings.append(written)
      spellings.append(backslashed(written))
      let inner = Array(written.unicodeScalars)
      for json in JSONStyle.all where !json.htmlSafe || written == name { spellings.append(json.write(inner)) }
    }
    return unique(spellings).map { Array($0.utf8) }
  }

  /// How an HTML exporter writes a character other than the five markup characters.
  enum NumericStyle {
    case decimal, lowerHex, upperHex

    func write(_ scalar: Unicode.Scalar) -> String {
      switch self {
      case .decimal: "&#\(scalar.value);"
      case .lowerHex: "&#x\(String(scalar.value, radix: 16));"
      case .upperHex: "&#x\(String(scalar.value, radix: 16, uppercase: true));"
      }
    }
  }

  /// One HTML exporter's escaping: `&`, `<`, `>` as named references (when `escapesMarkup`),
  /// `'` and `"` as given, characters beyond ASCII numerically when `numeric` is set.
  struct HTMLStyle {
    let numeric: NumericStyle?
    let apostrophe: String
    let quote: String
    let escapesMarkup: Bool

    func write(_ scalars: [Unicode.Scalar]) -> String {
      var text = ""
      for scalar in scalars {
        switch scalar {
        case "&" where escapesMarkup: text += "&amp;"
        case "<" where escapesMarkup: text += "&lt;"
        case ">" where escapesMarkup: text += "&gt;"
        case "'": text += apostrophe
        case "\"": text += quote
        default:
          if let numeric, !scalar.isASCII { text += numeric.write(scalar) } else { text.unicodeScalars.append(scalar) }
        }
      }
      return text
    }
  }

  /// One JSON exporter's escaping of a string's content.
  struct JSONStyle {
    /// Whether `/` is written `\/` (PHP).
    let escapesSlash: Bool
    /// Whether characters beyond ASCII are written `\uXXXX` (ASCII-only output), and in which case.
    let asciiOnly: Bool
    let upperHex: Bool
    /// Whether `&`, `<`, `>` are written `\u0026`, `\u003c`, `\u003e` (Go).
    let htmlSafe: Bool

    static let all: [JSONStyle] = [false, true].flatMap { slash in
      [(false, false), (true, false), (true, true)].flatMap { ascii, upper in
        [false, true].map { JSONStyle(escapesSlash: slash, asciiOnly: ascii, upperHex: upper, htmlSafe: $0) }
      }
    }

    func write(_ scalars: [Unicode.Scalar]) -> String {
      var text = ""
      for scalar in scalars {
        switch scalar {
        case "\"": text += "\\\""
        case "\\": text += "\\\\"
        case "/" where escapesSlash: text += "\\/"
        case "&" where htmlSafe, "<" where htmlSafe, ">" where htmlSafe: text += unit(UInt16(scalar.value))
        case "\n": text += "\\n"
        case "\r": text += "\\r"
        case "\t": text += "\\t"
        default:
          if scalar.value < 0x20 || asciiOnly && !scalar.isASCII {
            for code in String(scalar).utf16 { text += unit(code) }
          } else {
            text.unicodeScalars.append(scalar)
          }
        }
      }
      return text
    }

    private func unit(_ code: UInt16) -> String {
      let hex = String(code, radix: 16, uppercase: upperHex)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
  }

  /// MemoTrace TXT's backslash before `'`, `"` and `\`.
  static func backslashed(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar == "'" || scalar == "\"" || scalar == "\\" { result += "\\" }
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  /// `items` without repeats, in first-seen order.
  private static func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}
