/// WeChat export by MemoTrace v1 "AI" TXT (`<备注名>_chat.txt`, export-formats.md §1.2): text only,
/// grouped by day under `********************YYYY-MM-DD********************` lines, the speaker
/// written as `name:` only when it changes, phone/e-mail/ID numbers masked by the exporter.
///
/// One `message` unit per text line, with the speaker and the day (`attributes["date"]`; the
/// export has no times). A note says the file is redacted and should not be cited in place of the
/// original export.
struct MemoTraceAITXTParser: DocumentParser {
  let format = DocumentFormat.wechatMemoTraceAITXT

  func detect(_ source: SourceText) -> Bool {
    source.lines.prefix(5).contains { Self.day($0) != nil }
  }

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    outcome.diagnostics.append(
      source.diagnostic(
        .note, "ingest.redacted-export", line: 1,
        "MemoTrace AI-TXT is a redacted digest (numbers masked, no times, speakers only on change); cite the original TXT/CSV/HTML export where possible"))
    var date: String?
    var speaker: String?
    var previousBlank = true
    for (offset, line) in source.lines.enumerated() {
      let number = offset + 1
      defer { previousBlank = line.isBlank }
      if let day = Self.day(line) {
        date = day
        speaker = nil
        continue
      }
      guard !line.isBlank else { continue }
      if previousBlank, line.hasSuffix(":") || line.hasSuffix("："), line.count > 1 {
        speaker = String(line.dropLast())
        continue
      }
      var attributes: [String: String] = [:]
      if let date { attributes["date"] = date }
      outcome.units.append(
        TextUnit(kind: .message, line: number, text: String(line), speaker: speaker, conversation: source.fileStem, attributes: attributes))
    }
    return outcome
  }

  /// The date of a `********************2023-05-01********************` line.
  static func day(_ line: Substring) -> String? {
    let stars = String(repeating: "*", count: 20)
    guard line.count == 50, line.hasPrefix(stars), line.hasSuffix(stars) else { return nil }
    let date = line.dropFirst(20).dropLast(20)
    var cursor = TextCursor(date)
    guard cursor.number(digits: 4...4) != nil, cursor.take("-"), cursor.number(digits: 2...2) != nil, cursor.take("-"),
      cursor.number(digits: 2...2) != nil, cursor.isAtEnd
    else { return nil }
    return String(date)
  }
}
