import Ingest

/// The `iso8601` text of findings' times, rendered once for the consecutive findings that share
/// a time: the findings of one message follow each other in report order, and both findings
/// files write the text of each.
///
/// The text depends only on `epochSeconds` and `utcOffsetSeconds`, so a time equal in both
/// reuses the text of the one before; it is always `time?.iso8601`.
struct FindingTimeText {
  private var last: (epochSeconds: Int64, utcOffsetSeconds: Int, text: String)?

  /// `time?.iso8601`, reusing the text of the time asked for last when it is the same.
  @inline(__always)
  mutating func text(of time: ChatTime?) -> String? {
    guard let time else { return nil }
    if let last, last.epochSeconds == time.epochSeconds, last.utcOffsetSeconds == time.utcOffsetSeconds {
      return last.text
    }
    let text = time.iso8601
    last = (time.epochSeconds, time.utcOffsetSeconds, text)
    return text
  }
}
