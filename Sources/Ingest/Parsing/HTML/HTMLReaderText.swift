#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SourceText {
  /// The whole text as libxml2's HTML reader takes it, numbered as the file is. libxml2 counts a
  /// line at each line feed, so a text whose every break holds one (LF or CRLF) is handed over as
  /// it was decoded, without a copy; only a text with a lone carriage return (a break libxml2
  /// would not count) is handed over with its lines joined by `\n` (`newlineText`). A carriage
  /// return left before a line feed is white space to the block builder, as the line feed is.
  var htmlReaderText: String {
    let whole = lines.text
    let loneReturn = whole.utf8.withContiguousStorageIfAvailable(Self.hasLoneCarriageReturn) ?? true
    return loneReturn ? newlineText : whole
  }

  /// True when a carriage return in `bytes` is not followed by a line feed.
  static func hasLoneCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard var cursor = bytes.baseAddress else { return false }
    let end = cursor + bytes.count
    while cursor < end, let found = memchr(cursor, 0x0D, end - cursor) {
      let carriageReturn = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
      if carriageReturn + 1 == end || carriageReturn[1] != 0x0A { return true }
      cursor = carriageReturn + 2
    }
    return false
  }
}
