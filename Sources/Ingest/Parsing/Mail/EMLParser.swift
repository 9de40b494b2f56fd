/// An e-mail message (`.eml`, RFC 5322 + MIME).
///
/// Units: the subject (`attributes["header"] == "subject"`), then one `paragraph` per
/// blank-line-separated paragraph of every text body part that is not an attachment (HTML parts
/// by visible block when there is no plain-text alternative). Every unit carries the sender, the
/// `Date` and the subject as conversation. Lines are exact for 7bit/8bit and quoted-printable
/// bodies; a base64 body cannot be mapped line by line, so its units span the whole encoded part
/// (`attributes["encoding"] == "base64"`).
struct EMLParser: DocumentParser {
  let format = DocumentFormat.eml

  /// Header fields that mark an e-mail when they open the file.
  static let mailHeaders: Set<String> = ["from", "to", "subject", "date", "received", "message-id", "mime-version", "return-path", "cc"]

  /// How many lines of the header block detection reads.
  static let headLines = 200

  /// True when the header block (up to the first empty line, within `headLines`) holds only
  /// fields and their folded continuations, among them `From` and two more mail header fields.
  /// Lines are read in place (`MailHeadLine`); the first line that is no field ends the walk.
  func detect(_ source: SourceText) -> Bool {
    var names: Set<String> = []
    var isMail = true
    source.lines.forEachUTF8(prefix: Self.headLines) { position, bytes in
      switch MailHeadLine(bytes, line: source.lines[position]) {
      case .end: return false
      case .continuation: return true
      case .notAField:
        isMail = false
        return false
      case .field(let name):
        names.insert(name)
        return true
      }
    }
    return isMail && names.contains("from") && names.intersection(Self.mailHeaders).count >= 3
  }

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    guard !source.lines.isEmpty else { return outcome }
    let message = MIMEPart.parse(source, lines: 1...source.lines.count)
    let sender = MailText.address(message.headers["from"] ?? "")
    let subject = message.headers["subject"].map(MailText.header)
    let time = message.headers["date"].flatMap { MailText.date($0, options: source.options) }
    if message.headers["date"] != nil && time == nil {
      outcome.diagnostics.append(source.badTime(line: Self.headerLine("date", source), raw: message.headers["date"] ?? ""))
    }
    func unit(_ kind: UnitKind, line: Int, endLine: Int, text: String, attributes: [String: String] = [:]) -> TextUnit {
      TextUnit(
        kind: kind, line: line, endLine: endLine, text: text, speaker: sender.name ?? sender.address,
        speakerID: sender.address, time: time, conversation: subject, attributes: attributes)
    }
    if let subject, !subject.isEmpty {
      let line = Self.headerLine("subject", source)
      outcome.units.append(unit(.paragraph, line: line, endLine: line, text: subject, attributes: ["header": "subject"]))
    }
    let texts = message.allParts.filter { $0.parts.isEmpty && $0.body != nil && !$0.isAttachment }
    let plain = texts.filter { $0.mediaType == "text/plain" }
    let chosen = plain.isEmpty ? texts.filter { $0.mediaType == "text/html" } : plain
    for part in chosen {
      guard let body = part.body else { continue }
      let charset = part.headers["content-type"].flatMap { MIMEPart.parameter("charset", in: $0) }
      for block in Self.blocks(of: part, body: body, charset: charset, source: source, outcome: &outcome) {
        var attributes: [String: String] = [:]
        if part.transferEncoding == "base64" { attributes["encoding"] = "base64" }
        var added = unit(block.kind, line: block.line, endLine: block.endLine, text: block.text, attributes: attributes)
        added.textLines = TextUnit.lineMap(block.textLines, first: block.line)
        outcome.units.append(added)
      }
    }
    return outcome
  }

  /// The 1-based line of the first header field `name`, or 1.
  static func headerLine(_ name: String, _ source: SourceText) -> Int {
    let prefix = name + ":"
    for (offset, line) in source.lines.enumerated() {
      if line.isEmpty { break }
      if line.lowercased().hasPrefix(prefix) { return offset + 1 }
    }
    return 1
  }

  /// The paragraphs (or HTML blocks) of a text part with their file lines.
  private static func blocks(
    of part: MIMEPart, body: ClosedRange<Int>, charset: String?, source: SourceText, outcome: inout ParseOutcome
  ) -> [HTMLBlockCollector.Block] {
    var logical: [(text: String, line: Int, endLine: Int)] = []
    switch part.transferEncoding {
    case "base64":
      let encoded = source.text(from: body.lowerBound, through: body.upperBound)
      guard let bytes = MailText.base64(encoded) else {
        outcome.diagnostics.append(
          source.diagnostic(.warning, "ingest.unparsed-line", line: body.lowerBound, "line \(body.lowerBound): the base64 body of this part cannot be decoded"))
        return []
      }
      let text = MailText.decode(bytes, charset: charset)
      if part.mediaType == "text/html" {
        return HTMLBlockCollector.collect(text).map {
          HTMLBlockCollector.Block(
            kind: $0.kind, text: $0.text, line: body.lowerBound, endLine: body.upperBound,
            textLines: $0.textLines.map { _ in body.lowerBound })
        }
      }
      logical = SourceLines(text).map { (String($0), body.lowerBound, body.upperBound) }
    case "quoted-printable":
      var pending: [UInt8] = []
      var start = body.lowerBound
      for number in body {
        let (bytes, soft) = MailText.quotedPrintable(source.line(number))
        if pending.isEmpty { start = number }
        pending += bytes
        if !soft || number == body.upperBound {
          logical.append((MailText.decode(pending, charset: charset), start, number))
          pending = []
        }
      }
    default:
      logical = body.map { (String(source.line($0)), $0, $0) }
    }
    if part.mediaType == "text/html" {
      let html = logical.map(\.text).joined(separator: "\n")
      let lines = logical.map(\.line)
      let fileLine = { (line: Int) in lines[min(max(line, 1), lines.count) - 1] }
      return HTMLBlockCollector.collect(html).map { block in
        HTMLBlockCollector.Block(
          kind: block.kind, text: block.text, line: fileLine(block.line),
          endLine: logical[min(block.endLine, logical.count) - 1].endLine, textLines: block.textLines.map(fileLine))
      }
    }
    var blocks: [HTMLBlockCollector.Block] = []
    var paragraph: [(text: String, line: Int, endLine: Int)] = []
    func close() {
      if let first = paragraph.first, let last = paragraph.last {
        blocks.append(
          HTMLBlockCollector.Block(
            kind: .paragraph, text: paragraph.map(\.text).joined(separator: "\n"), line: first.line, endLine: last.endLine,
            textLines: paragraph.flatMap { entry in
              [Int](repeating: entry.line, count: entry.text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) })
            }))
      }
      paragraph = []
    }
    for entry in logical {
      if entry.text.allSatisfy(\.isWhitespace) { close() } else { paragraph.append(entry) }
    }
    close()
    return blocks
  }
}

extension MIMEPart {
  /// True for a part sent as an attachment (`Content-Disposition: attachment`).
  var isAttachment: Bool {
    (headers["content-disposition"] ?? "").lowercased().hasPrefix("attachment")
  }
}
