/// Decoding the pieces of an e-mail: transfer encodings, charsets, RFC 2047 encoded words and
/// RFC 5322 dates.
enum MailText {
  /// The text of `bytes` in the MIME `charset` (UTF-8 when absent; GB2312/GBK read as GB18030).
  static func decode(_ bytes: [UInt8], charset: String?) -> String {
    let name = (charset ?? "utf-8").lowercased().trimmingSpaces
    switch name {
    case "utf-8", "utf8", "us-ascii", "ascii":
      return String(validating: bytes, as: UTF8.self) ?? GB18030.decode(bytes) ?? String(decoding: bytes, as: UTF8.self)
    case "gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn":
      return GB18030.decode(bytes) ?? String(decoding: bytes, as: UTF8.self)
    default:
      return Iconv.decode(bytes, from: name.uppercased()) ?? String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Quoted-printable bytes of one physical line; `soft` is true when it ends in `=` (the logical
  /// line continues on the next physical line).
  static func quotedPrintable(_ line: Substring) -> (bytes: [UInt8], soft: Bool) {
    var bytes = Array(line.trimmingTrailingWhitespace.utf8)
    let soft = bytes.last == UInt8(ascii: "=")
    if soft { bytes.removeLast() }
    var result: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
        let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
      {
        result.append(value)
        index += 3
      } else {
        result.append(bytes[index])
        index += 1
      }
    }
    return (result, soft)
  }

  /// Base64 bytes of a text (white space ignored), or nil when it is not base64.
  static func base64(_ text: String) -> [UInt8]? {
    var values: [UInt8] = []
    for scalar in text.unicodeScalars where !scalar.isWhitespaceScalar && scalar != "=" {
      switch scalar {
      case "A"..."Z": values.append(UInt8(scalar.value - 65))
      case "a"..."z": values.append(UInt8(scalar.value - 97 + 26))
      case "0"..."9": values.append(UInt8(scalar.value - 48 + 52))
      case "+", "-": values.append(62)
      case "/", "_": values.append(63)
      default: return nil
      }
    }
    var bytes: [UInt8] = []
    var index = 0
    while index + 1 < values.count {
      bytes.append(values[index] << 2 | values[index + 1] >> 4)
      if index + 2 < values.count { bytes.append(values[index + 1] << 4 | values[index + 2] >> 2) }
      if index + 3 < values.count { bytes.append(values[index + 2] << 6 | values[index + 3]) }
      index += 4
    }
    return bytes
  }

  /// A header value with RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?GB2312?Q?…?=`) decoded;
  /// white space between two encoded words is dropped.
  static func header(_ value: String) -> String {
    guard value.contains("=?") else { return value }
    var result = ""
    var rest = Substring(value)
    var previousWasEncoded = false
    while let start = rest.range(of: "=?") {
      let before = rest[..<start.lowerBound]
      let afterStart = rest[start.upperBound...]
      guard let word = encodedWord(afterStart) else {
        result += before + "=?"
        rest = afterStart
        previousWasEncoded = false
        continue
      }
      if !(previousWasEncoded && before.allSatisfy(\.isWhitespace)) { result += before }
      result += word.text
      rest = word.rest
      previousWasEncoded = true
    }
    return result + rest
  }

  /// Decodes `charset?B|Q?text?=` at the start of `text`.
  private static func encodedWord(_ text: Substring) -> (text: String, rest: Substring)? {
    let pieces = text.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
    guard pieces.count == 3, let end = pieces[2].range(of: "?=") else { return nil }
    let charset = String(pieces[0])
    let payload = String(pieces[2][..<end.lowerBound])
    let bytes: [UInt8]?
    switch pieces[1].uppercased() {
    case "B": bytes = base64(payload)
    case "Q": bytes = quotedPrintable(Substring(payload.replacingUnderscores)).bytes
    default: bytes = nil
    }
    guard let bytes else { return nil }
    return (decode(bytes, charset: charset), pieces[2][end.upperBound...])
  }

  /// Month abbreviations of RFC 5322 dates.
  static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// `Tue, 1 Jul 2003 10:52:37 +0200` as a time shown at `options`' offset, or nil.
  static func date(_ value: String, options: IngestOptions) -> ChatTime? {
    var fields = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    if let first = fields.first, first.hasSuffix(",") { fields.removeFirst() }
    guard fields.count >= 5, let day = Int(fields[0]),
      let month = months.firstIndex(of: String(fields[1].prefix(3)).lowercased()), let year = Int(fields[2])
    else { return nil }
    let clock = fields[3].split(separator: ":").compactMap { Int($0) }
    guard clock.count >= 2 else { return nil }
    let zone = fields[4]
    var offset = 0
    if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let digits = Int(zone.dropFirst()) {
      offset = (digits / 100 * 3600 + digits % 100 * 60) * (sign == "-" ? -1 : 1)
    }
    guard
      let local = ChatTime(
        year: year < 100 ? year + 2000 : year, month: month + 1, day: day, hour: clock[0], minute: clock[1],
        second: clock.count > 2 ? clock[2] : 0, utcOffsetSeconds: offset, raw: value)
    else { return nil }
    return ChatTime(epochSeconds: local.epochSeconds, utcOffsetSeconds: options.utcOffsetSeconds, raw: value)
  }

  /// `Name <a@b.c>` split into the display name and the address.
  static func address(_ value: String) -> (name: String?, address: String?) {
    let decoded = header(value).trimmingSpaces
    guard let open = decoded.lastIndex(of: "<"), let close = decoded.lastIndex(of: ">"), open < close else {
      return (nil, decoded.contains("@") ? decoded : nil)
    }
    let name = String(decoded[..<open]).trimmingSpaces.trimmingQuotes
    return (name.isEmpty ? nil : name, String(decoded[decoded.index(after: open)..<close]))
  }
}

extension String {
  /// `_` turned into spaces, as in Q-encoded words.
  var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
