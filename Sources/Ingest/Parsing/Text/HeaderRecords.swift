/// Splits a chat text into records that start at a header line, the shape shared by the
/// MemoTrace and QQ TXT exports.
///
/// A header counts only at the start of the text or after a blank or structure line (every one of
/// these exporters separates records by a blank line), so a timestamp typed inside a message body
/// does not split the message; such lines are reported as notes.
///
/// A line in a header's place that is an attempt at a header but does not parse (`HeaderAttempt`)
/// starts a record of its own with no header, so that its message is never given to the speaker
/// and time of the record before it; such records are reported as warnings.
struct HeaderRecords<Header> {
  /// One record: a header and the body lines after it.
  struct Record {
    /// The parsed header; nil when the header line is an attempt at one that could not be read.
    let header: Header?
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
    /// An attempt at a header that does not parse (`HeaderAttempt`): in a header's place it starts
    /// a record without a header, elsewhere it is body text.
    case unreadableHeader
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
    (records, strays, headerLikeBodyLines) = withoutActuallyEscaping(context) { context in
      var splitter = Splitter(context: context)
      for (offset, text) in source.lines.enumerated() {
        splitter.take(number: offset + 1, role: role(offset + 1, text), blank: text.isBlank)
      }
      return splitter.finish()
    }
  }

  /// Splits `source` reading each line's UTF-8 in place; `role` classifies one line from its
  /// number and bytes (without its break), `context` numbers the structure block of a record's
  /// header line once the lines after it have been classified.
  init(
    _ source: SourceText, byteRole role: (Int, UnsafeBufferPointer<UInt8>) -> LineRole,
    context: (Int) -> Int = { _ in 0 }
  ) {
    (records, strays, headerLikeBodyLines) = withoutActuallyEscaping(context) { context in
      var splitter = Splitter(context: context)
      // Every record takes at least a header and the blank line before the next.
      splitter.records.reserveCapacity(source.lines.count / 2 + 1)
      source.lines.forEachUTF8 { position, bytes in
        let number = position + 1
        splitter.take(number: number, role: role(number, bytes), blank: SourceLines.isBlank(bytes, line: source.line(number)))
      }
      return splitter.finish()
    }
  }

  /// The record-splitting state, fed one line at a time.
  private struct Splitter {
    let context: (Int) -> Int
    var records: [Record] = []
    var strays: [ClosedRange<Int>] = []
    var headerLikeBodyLines: [Int] = []
    var current: (header: Header?, line: Int)?
    var bodyFirst: Int?
    var bodyLast: Int?
    var strayFirst: Int?
    var strayLast: Int?
    var previousAllowsHeader = true

    init(context: @escaping (Int) -> Int) { self.context = context }

    mutating func closeRecord() {
      if let open = current {
        let body = bodyFirst.flatMap { first in bodyLast.map { first...$0 } }
        records.append(Record(header: open.header, headerLine: open.line, body: body, context: context(open.line)))
      }
      current = nil
      bodyFirst = nil
      bodyLast = nil
    }

    mutating func closeStray() {
      if let first = strayFirst, let last = strayLast { strays.append(first...last) }
      strayFirst = nil
      strayLast = nil
    }

    /// Takes line `number` with its role and whether it is blank.
    mutating func take(number: Int, role: LineRole, blank: Bool) {
      switch role {
      case .header(let header) where previousAllowsHeader:
        closeRecord()
        closeStray()
        current = (header, number)
        previousAllowsHeader = false
        return
      case .header:
        headerLikeBodyLines.append(number)
      case .unreadableHeader where previousAllowsHeader:
        closeRecord()
        closeStray()
        current = (nil, number)
        previousAllowsHeader = false
        return
      case .unreadableHeader:
        break
      case .structure:
        closeRecord()
        closeStray()
        previousAllowsHeader = true
        return
      case .other:
        break
      }
      previousAllowsHeader = blank
      guard !blank else { return }
      if current != nil {
        if bodyFirst == nil { bodyFirst = number }
        bodyLast = number
      } else {
        if strayFirst == nil { strayFirst = number }
        strayLast = number
      }
    }

    /// Closes what is open and returns the records, stray runs and header-like body lines.
    mutating func finish() -> ([Record], [ClosedRange<Int>], [Int]) {
      closeRecord()
      closeStray()
      return (records, strays, headerLikeBodyLines)
    }
  }

  /// Warnings for stray text and for records whose header could not be read, and notes for
  /// header-like body lines.
  func diagnostics(in source: SourceText, expecting: String) -> [Diagnostic] {
    var found: [Diagnostic] = strays.map { run in
      let where_ =
        run.count == 1
        ? "line \(source.fileLine(run.lowerBound))"
        : "lines \(source.fileLine(run.lowerBound))–\(source.fileLine(run.upperBound))"
      return source.diagnostic(
        .warning, "ingest.unparsed-line", line: run.lowerBound,
        "\(where_) could not be parsed: text outside any message (expected \(expecting))")
    }
    found += records.lazy.filter { $0.header == nil }.map { $0.unreadableHeaderWarning(in: source) }
    found += headerLikeBodyLines.map { line in
      source.diagnostic(
        .note, "ingest.header-like-body-line", line: line,
        "line \(source.fileLine(line)) looks like a message header but follows a body line without a blank line; kept as message text")
    }
    return found
  }
}
