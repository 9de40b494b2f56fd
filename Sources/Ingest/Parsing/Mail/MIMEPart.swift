/// A MIME entity (RFC 2045/2046) located on the physical lines of a message file: MHT pages and
/// EML e-mails. Multipart bodies are split on their boundary lines, recursively.
struct MIMEPart: Sendable {
  /// Header fields, names lower-cased, folded lines unfolded; the first occurrence wins.
  let headers: [String: String]
  /// The 1-based line of the first header.
  let headerLine: Int
  /// The body's first and last line, or nil when it is empty.
  let body: ClosedRange<Int>?
  /// The parts of a multipart body.
  let parts: [MIMEPart]

  /// Deepest multipart nesting followed.
  static let maxDepth = 8

  /// Parses lines `range` (1-based, inclusive) of `source` as one entity.
  static func parse(_ source: SourceText, lines range: ClosedRange<Int>, depth: Int = 0) -> MIMEPart {
    var headers: [String: String] = [:]
    var lastName: String?
    var number = range.lowerBound
    while number <= range.upperBound {
      let line = source.line(number)
      if line.isEmpty { break }
      if let first = line.first, first == " " || first == "\t", let name = lastName {
        headers[name, default: ""] += " " + line.trimmingTrailingWhitespace.drop { $0 == " " || $0 == "\t" }
      } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased().trimmingSpaces
        let value = String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
        if headers[name] == nil { headers[name] = value }
        lastName = name
      }
      number += 1
    }
    let bodyStart = number + 1
    let body: ClosedRange<Int>? = bodyStart <= range.upperBound ? bodyStart...range.upperBound : nil
    var parts: [MIMEPart] = []
    if let body, depth < maxDepth, let type = headers["content-type"], type.lowercased().hasPrefix("multipart/"),
      let boundary = parameter("boundary", in: type)
    {
      let delimiter = "--" + boundary
      var partStart: Int?
      for number in body {
        let line = source.line(number).trimmingTrailingWhitespace
        if line == delimiter || line == delimiter + "--" {
          if let start = partStart, start <= number - 1 {
            parts.append(parse(source, lines: start...(number - 1), depth: depth + 1))
          }
          partStart = line == delimiter ? number + 1 : nil
          if line != delimiter { break }
        }
      }
      if let start = partStart, start <= body.upperBound {
        parts.append(parse(source, lines: start...body.upperBound, depth: depth + 1))
      }
    }
    return MIMEPart(headers: headers, headerLine: range.lowerBound, body: body, parts: parts)
  }

  /// The value of `name=` in a header such as `multipart/related; boundary="x"`, unquoted.
  static func parameter(_ name: String, in header: String) -> String? {
    for piece in header.split(separator: ";").dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].lowercased().trimmingSpaces == name else { continue }
      return String(pair[1]).trimmingSpaces.trimmingQuotes
    }
    return nil
  }

  /// The media type, lower-cased, without parameters (`text/html`), or `text/plain` by default.
  var mediaType: String { Self.mediaType(of: headers["content-type"]) }

  /// The media type of a `Content-Type` value, lower-cased, without parameters, or `text/plain`
  /// when there is none.
  static func mediaType(of contentType: String?) -> String {
    guard let type = contentType else { return "text/plain" }
    return String(type.split(separator: ";").first ?? "").lowercased().trimmingSpaces
  }

  /// The `Content-Transfer-Encoding`, lower-cased (`7bit` by default).
  var transferEncoding: String { (headers["content-transfer-encoding"] ?? "7bit").lowercased().trimmingSpaces }

  /// This part and all parts below it, depth first.
  var allParts: [MIMEPart] { [self] + parts.flatMap(\.allParts) }
}
