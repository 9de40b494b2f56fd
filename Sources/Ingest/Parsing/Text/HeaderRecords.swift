/// Splits a chat text into records that start at a header line, the shape shared by the
/// MemoTrace and QQ TXT exports.
///
/// A header counts only at the start of the text or after a blank or structure line (every one of
/// these exporters separates records by a blank line), so a timestamp typed inside a message body
/// does not split the message; such lines are reported as notes.
struct HeaderRecords<Header> {
  /// One record: a header and the body lines after it.
  struct Record {
    /// The parsed header.
    let header: Header
    /// The header's 1-based line number.
    let headerLine: Int
    /// The first and last non-blank body line, or nil for an empty body.
    let body: ClosedRange<Int>?
    /// The structure context (e.g. the QQ conversation block) the record is in.
    let context: Int
  }

  /// What a line is, as far as record splitting is concerned.
  enum LineRole {
    /// A header line; starts a record.
    case header(Header)
    /// A structural line (separator, conversation block title): ends the current record.
    case structure
    /// Anything else: body of the current record, or stray text outside records.
    case other
  }

  /// The records, in file order.
  private(set) var records: [Record] = []
  /// Runs of non-blank lines that belong to no record (text before the first header).
  private(set) var strays: [ClosedRange<Int>] = []
  /// Header-shaped lines kept as body text because no blank line preceded them.
  private(set) var headerLikeBodyLines: [Int] = []

  /// Splits `source`; `role` classifies one line, `context` numbers the structure block a line is in.
  init(_ source: SourceText, role: (Int, Substring) -> LineRole, context: (Int) -> Int = { _ in 0 }) {
    var current: (header: Header, line: Int)?
    var bodyFirst: Int?
    var bodyLast: Int?
    var strayFirst: Int?
    var strayLast: Int?
    var previousAllowsHeader = true

    func closeRecord() {
      if let open = current {
        let body = bodyFirst.flatMap { first in bodyLast.map { first...$0 } }
        records.append(Record(header: open.header, headerLine: open.line, body: body, context: context(open.line)))
      }
      current = nil
      bodyFirst = nil
      bodyLast = nil
    }
    func closeStray() {
      if let first = strayFirst, let last = strayLast { strays.append(first...last) }
      strayFirst = nil
      strayLast = nil
    }

    for (offset, text) in source.lines.enumerated() {
      let number = offset + 1
      let blank = text.isBlank
      switch role(number, text) {
      case .header(let header) where previousAllowsHeader:
        closeRecord()
        closeStray()
        current = (header, number)
        previousAllowsHeader = false
        continue
      case .header:
        headerLikeBodyLines.append(number)
      case .structure:
        closeRecord()
        closeStray()
        previousAllowsHeader = true
        continue
      case .other:
        break
      }
      previousAllowsHeader = blank
      guard !blank else { continue }
      if current != nil {
        if bodyFirst == nil { bodyFirst = number }
        bodyLast = number
      } else {
        if strayFirst == nil { strayFirst = number }
        strayLast = number
      }
    }
    closeRecord()
    closeStray()
  }

  /// Warnings for stray text and notes for header-like body lines.
  func diagnostics(in source: SourceText, expecting: String) -> [Diagnostic] {
    var found: [Diagnostic] = strays.map { run in
      let where_ = run.count == 1 ? "line \(run.lowerBound)" : "lines \(run.lowerBound)–\(run.upperBound)"
      return source.diagnostic(
        .warning, "ingest.unparsed-line", line: run.lowerBound,
        "\(where_) could not be parsed: text outside any message (expected \(expecting))")
    }
    found += headerLikeBodyLines.map { line in
      source.diagnostic(
        .note, "ingest.header-like-body-line", line: line,
        "line \(line) looks like a message header but follows a body line without a blank line; kept as message text")
    }
    return found
  }
}
