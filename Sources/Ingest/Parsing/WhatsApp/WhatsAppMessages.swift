/// The first pass over a WhatsApp TXT export: where each message lies and its clock fields, the
/// evidence for the file's date order, and the first line of any text before the first header.
/// It keeps a few bytes per message, not the parsed headers (see `WhatsAppTXTParser`).
struct WhatsAppMessages {
  /// One message: its first and last line (trailing blank lines not counted) and its clock.
  struct Span {
    /// The header line (1-based).
    let line: Int
    /// The last line that is not blank, at least `line`.
    var endLine: Int
    /// Where the header's time and rest lie in the line (nil for a line too long to say, and for
    /// a header that could not be read).
    let layout: HeaderLayout?
    /// The header's date and time fields; nil when the header line is an attempt at one that
    /// could not be read (`WhatsAppHeaderAttempt`).
    let clock: WhatsAppClock?

    /// The lines that hold the message's text (1-based, inclusive).
    var lines: ClosedRange<Int> { line...endLine }
  }

  /// The messages in file order.
  private(set) var spans: [Span] = []
  /// What the headers tell about the date order.
  private(set) var dateOrder = WhatsAppDateEvidence()
  /// The first non-blank line before the first header, if any.
  private(set) var strayFirst: Int?

  /// Reads every line of `source` once.
  init(_ source: SourceText) {
    // At most one message per line: room reserved but never written costs no memory, and the
    // list never holds its old and new storage at once while it grows.
    spans.reserveCapacity(source.lines.count)
    for (offset, line) in source.lines.enumerated() {
      if let header = WhatsAppHeader.parse(line) {
        close(before: offset + 1, in: source)
        dateOrder.add(header)
        spans.append(
          Span(line: offset + 1, endLine: offset + 1, layout: HeaderLayout(header, in: line), clock: header.clock))
      } else if WhatsAppHeaderAttempt.rest(line) != nil {
        close(before: offset + 1, in: source)
        spans.append(Span(line: offset + 1, endLine: offset + 1, layout: nil, clock: nil))
      } else if spans.isEmpty, !line.isBlank, strayFirst == nil {
        strayFirst = offset + 1
      }
    }
    close(before: source.lines.count + 1, in: source)
  }

  /// Ends the last message before line `next`, without the blank lines at its end.
  private mutating func close(before next: Int, in source: SourceText) {
    guard let open = spans.last else { return }
    var last = next - 1
    while last > open.line, source.line(last).isBlank { last -= 1 }
    spans[spans.count - 1].endLine = last
  }
}

/// Where a WhatsApp header's time as written and its rest lie in the header line, as UTF-8
/// offsets from the line's start: the second pass reads them from there instead of parsing the
/// header again.
struct HeaderLayout {
  private let timeStart: UInt32
  private let timeEnd: UInt32
  private let restStart: UInt32

  /// The layout of `header`, parsed from `line`; nil when an offset does not fit in 32 bits.
  init?(_ header: WhatsAppHeader, in line: Substring) {
    let utf8 = line.utf8
    guard let timeStart = UInt32(exactly: utf8.distance(from: line.startIndex, to: header.rawTimeBounds.lowerBound)),
      let timeEnd = UInt32(exactly: utf8.distance(from: line.startIndex, to: header.rawTimeBounds.upperBound)),
      let restStart = UInt32(exactly: utf8.distance(from: line.startIndex, to: header.rest.startIndex))
    else { return nil }
    self.timeStart = timeStart
    self.timeEnd = timeEnd
    self.restStart = restStart
  }

  /// The header's date and time as written (`WhatsAppHeader.rawTime`), in the same `line`.
  func rawTime(in line: Substring) -> String {
    String(line[index(timeStart, in: line)..<index(timeEnd, in: line)])
  }

  /// Everything after the header (`WhatsAppHeader.rest`), in the same `line`.
  func rest(in line: Substring) -> Substring { line[index(restStart, in: line)...] }

  private func index(_ offset: UInt32, in line: Substring) -> String.Index {
    line.utf8.index(line.startIndex, offsetBy: Int(offset))
  }
}
