/// Undoing the escaping exporters apply to names and texts.
enum TextEscapes {
  /// Decodes HTML character references: the five XML entities, `&nbsp;`, and numeric `&#…;`
  /// / `&#x…;` forms. Unknown entities are left as written.
  static func htmlUnescape(_ text: some StringProtocol) -> String {
    // Most texts hold no reference: one byte scan instead of a walk through their characters.
    guard text.utf8.contains(0x26) else { return String(text) }
    var result = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      let tail = rest[amp...]
      if let semicolon = tail.prefix(12).firstIndex(of: ";"),
        let decoded = entity(tail[tail.index(after: amp)..<semicolon])
      {
        result.unicodeScalars.append(decoded)
        rest = tail[tail.index(after: semicolon)...]
      } else {
        result += "&"
        rest = tail.dropFirst()
      }
    }
    result += rest
    return result
  }

  /// Removes the backslash MemoTrace puts before `'`, `"` and `\` in names.
  static func unBackslash(_ text: some StringProtocol) -> String {
    guard text.utf8.contains(0x5C) else { return String(text) }
    var result = ""
    var escaping = false
    for character in text {
      if escaping {
        if character != "'" && character != "\"" && character != "\\" { result.append("\\") }
        result.append(character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    if escaping { result.append("\\") }
    return result
  }

  /// A MemoTrace display name as the person typed it: HTML-unescaped, then un-backslashed.
  static func memoTraceName(_ text: some StringProtocol) -> String {
    unBackslash(htmlUnescape(text))
  }

  /// Further named references common in Chinese web pages and exports.
  static let named: [String: Unicode.Scalar] = [
    "copy": "©", "reg": "®", "middot": "·", "mdash": "—", "ndash": "–", "hellip": "…", "ldquo": "“", "rdquo": "”",
    "lsquo": "‘", "rsquo": "’", "yen": "¥", "times": "×", "emsp": "\u{2003}", "ensp": "\u{2002}", "thinsp": "\u{2009}",
    "laquo": "«", "raquo": "»", "bull": "•", "deg": "°", "plusmn": "±", "trade": "™",
  ]

  private static func entity(_ name: Substring) -> Unicode.Scalar? {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    case "nbsp": return "\u{00A0}"
    default: break
    }
    if let scalar = named[String(name)] { return scalar }
    guard name.hasPrefix("#") else { return nil }
    let digits = name.dropFirst()
    let value: UInt32?
    if digits.hasPrefix("x") || digits.hasPrefix("X") {
      value = UInt32(digits.dropFirst(), radix: 16)
    } else {
      value = UInt32(digits, radix: 10)
    }
    return value.flatMap(Unicode.Scalar.init)
  }
}
