#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The physical lines of a decoded text — split on LF, CRLF and lone CR, each one break; a final
/// break starts no extra line — each read as a `Substring` of the text when it is asked for.
///
/// Only where each line starts and how long its break is are stored (9 bytes a line, where a
/// `Substring` takes 32; 8 in a text without carriage returns, where every break is one byte),
/// so a file of short lines such as pretty-printed JSON costs a fraction of its own size to hold.
struct SourceLines: RandomAccessCollection, Sendable {
  /// The text the lines are read from.
  let text: String
  /// The UTF-8 offset where each line starts.
  private let starts: [Int]
  /// The length in bytes of the break after each line (0 for a last line without one); nil when
  /// the text holds no carriage return, where each is 1 but a last line's (`endsWithBreak`).
  private let breakLengths: [UInt8]?
  /// Whether the text ends with a line break (the last line's break is then not 0).
  private let endsWithBreak: Bool
  /// The UTF-8 length of `text`.
  private let byteCount: Int

  /// Finds the lines of `text`.
  init(_ text: String) {
    var text = text
    text.makeContiguousUTF8()
    var starts: [Int] = []
    var breakLengths: [UInt8]?
    byteCount = text.utf8.withContiguousStorageIfAvailable { bytes in
      Self.findLines(bytes, starts: &starts, breakLengths: &breakLengths)
      return bytes.count
    } ?? 0
    endsWithBreak = text.utf8.last == 0x0A || text.utf8.last == 0x0D
    self.text = text
    self.starts = starts
    self.breakLengths = breakLengths
  }

  var startIndex: Int { 0 }
  var endIndex: Int { starts.count }

  /// The length of the break after line `position`.
  @inline(__always)
  private func breakLength(_ position: Int) -> Int {
    if let breakLengths { return Int(breakLengths[position]) }
    return position + 1 < starts.count || endsWithBreak ? 1 : 0
  }

  subscript(position: Int) -> Substring {
    let next = position + 1 < starts.count ? starts[position + 1] : byteCount
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: starts[position])
    return text[start..<utf8.index(utf8.startIndex, offsetBy: next - breakLength(position))]
  }

  /// Calls `body` with the UTF-8 of lines `range` (0-based positions) as they stand in the text,
  /// their own breaks between them and none after the last.
  func withUTF8<Result>(ofLines range: ClosedRange<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    withLineBytes { body($0.utf8(ofLines: range)) }
  }

  /// Calls `body` with the 0-based position and the UTF-8 (without its break) of every line in
  /// turn, read in place.
  func forEachUTF8(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
    forEachUTF8(prefix: starts.count) { position, bytes in
      body(position, bytes)
      return true
    }
  }

  /// Calls `body` with the 0-based position and the UTF-8 (without its break) of each of the
  /// first `limit` lines in turn, read in place, until it returns false: what format detection
  /// reads of a file's head, at no cost per line beyond the bytes it looks at.
  @inline(__always)
  func forEachUTF8(prefix limit: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) {
    withLineBytes { lines in
      for position in 0..<Swift.min(limit, starts.count) where !body(position, lines.utf8(ofLines: position...position)) {
        return
      }
    }
  }

  /// Calls `body` with a reader of the lines' UTF-8 in place, for a loop that reads many lines
  /// (a sieve reads every message): each read is then arithmetic on pointers, where
  /// `withUTF8(ofLines:_:)` retains and releases the text at every call.
  @inline(__always)
  func withLineBytes<Result>(_ body: (LineBytes) -> Result) -> Result {
    func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
      starts.withUnsafeBufferPointer { starts in
        guard let breakLengths else {
          return body(LineBytes(bytes: bytes, starts: starts, breakLengths: nil, endsWithBreak: endsWithBreak))
        }
        return breakLengths.withUnsafeBufferPointer {
          body(LineBytes(bytes: bytes, starts: starts, breakLengths: $0, endsWithBreak: endsWithBreak))
        }
      }
    }
    if let result = text.utf8.withContiguousStorageIfAvailable(read) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(read)
  }

  /// The UTF-8 of a text's lines, read in place (`withLineBytes`); valid only inside the call
  /// that made it.
  struct LineBytes {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let starts: UnsafeBufferPointer<Int>
    fileprivate let breakLengths: UnsafeBufferPointer<UInt8>?
    fileprivate let endsWithBreak: Bool

    /// The UTF-8 of lines `range` (0-based positions) as they stand in the text, their own
    /// breaks between them and none after the last.
    @inline(__always)
    func utf8(ofLines range: ClosedRange<Int>) -> UnsafeBufferPointer<UInt8> {
      let last = range.upperBound
      let next = last + 1 < starts.count ? starts[last + 1] : bytes.count
      let breakLength: Int
      if let breakLengths {
        breakLength = Int(breakLengths[last])
      } else {
        breakLength = last + 1 < starts.count || endsWithBreak ? 1 : 0
      }
      return UnsafeBufferPointer(rebasing: bytes[starts[range.lowerBound]..<(next - breakLength)])
    }
  }

  /// Whether a line given as its UTF-8 is blank as `Substring.isBlank` tells: answered from the
  /// bytes for the lines of every export (empty, ASCII blanks, or led by a byte no white space
  /// starts with), else from `line`.
  static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, line: @autoclosure () -> Substring) -> Bool {
    guard let lead = bytes.first else { return true }
    if lead < 0x80, lead != 0x20, !(0x09...0x0D).contains(lead) { return false }
    if lead >= 0x80, lead != 0xC2, !(0xE1...0xE3).contains(lead) { return false }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0B || $0 == 0x0C }) { return true }
    return line().isBlank
  }

  /// How many bytes of `bytes` are `target`, counted eight at a time: a byte of a word XOR-ed
  /// with `target` in every byte is zero exactly where the byte matched, and the expression below
  /// sets the high bit of exactly those bytes. Shifted down, those bits are added up per byte
  /// lane for up to 255 words, then the lanes are summed with one multiplication: this build
  /// targets x86-64 without a population-count instruction, where `nonzeroBitCount` per word cost
  /// four times as much as the whole test.
  static func occurrences(of target: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let spread = UInt64(target) &* 0x0101_0101_0101_0101
    let low = UInt64(0x7F7F_7F7F_7F7F_7F7F)
    var found = 0
    var offset = 0
    let words = bytes.count / 8
    var word = 0
    while word < words {
      let batchEnd = Swift.min(word &+ 255, words)
      var perLane: UInt64 = 0
      while word < batchEnd {
        let value = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ spread
        perLane &+= (~(((value & low) &+ low) | value | low)) >> 7
        offset &+= 8
        word &+= 1
      }
      // Each lane holds at most 255; the lanes' sum fits the top 16 bits after two folds.
      let pairs = (perLane & 0x00FF_00FF_00FF_00FF) &+ ((perLane >> 8) & 0x00FF_00FF_00FF_00FF)
      found &+= Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }
    while offset < bytes.count {
      if bytes[offset] == target { found += 1 }
      offset += 1
    }
    return found
  }

  /// Records where every line starts and the length of its break. A text without a carriage
  /// return (almost every export) is read eight bytes at a time (`lineFeedStarts`); one with
  /// carriage returns byte by byte.
  private static func findLines(_ bytes: UnsafeBufferPointer<UInt8>, starts: inout [Int], breakLengths: inout [UInt8]?) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    let count = bytes.count
    let hasCarriageReturn = memchr(base, 0x0D, count) != nil
    // Room for exactly as many lines as there can be: a list that grew by doubling would hold its
    // old and new storage at once, twice the size of a large file's line table.
    let lineFeeds = occurrences(of: 0x0A, in: bytes)
    if !hasCarriageReturn {
      let unterminated = bytes[count - 1] != 0x0A
      starts = lineFeedStarts(bytes, lines: lineFeeds + (unterminated ? 1 : 0))
      return
    }
    let breaks = lineFeeds + occurrences(of: 0x0D, in: bytes)
    starts.reserveCapacity(breaks + 1)
    var lengths: [UInt8] = []
    lengths.reserveCapacity(breaks + 1)
    var offset = 0
    starts.append(0)
    while offset < count {
      let byte = bytes[offset]
      guard byte == 0x0A || byte == 0x0D else {
        offset += 1
        continue
      }
      let length = byte == 0x0D && offset + 1 < count && bytes[offset + 1] == 0x0A ? 2 : 1
      lengths.append(UInt8(length))
      offset += length
      if offset < count { starts.append(offset) }
    }
    if lengths.count < starts.count { lengths.append(0) }
    breakLengths = lengths
  }

  /// Where the `lines` lines of a text without carriage returns start: at 0 and after every line
  /// feed but a last one. Each eight bytes are tested at once as in `occurrences(of:in:)`, and
  /// the set bits of the result give the line feeds' positions.
  private static func lineFeedStarts(_ bytes: UnsafeBufferPointer<UInt8>, lines: Int) -> [Int] {
    guard let base = bytes.baseAddress else { return [] }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    return [Int](unsafeUninitializedCapacity: lines) { starts, initialized in
      var written = 0
      func add(_ start: Int) {
        guard start < count, written < lines else { return }
        starts[written] = start
        written += 1
      }
      add(0)
      let spread = UInt64(0x0A) &* 0x0101_0101_0101_0101
      let low = UInt64(0x7F7F_7F7F_7F7F_7F7F)
      var offset = 0
      while offset + 8 <= count {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ spread
        var found = ~(((word & low) &+ low) | word | low)
        while found != 0 {
          add(offset + found.trailingZeroBitCount / 8 + 1)
          found &= found &- 1
        }
        offset += 8
      }
      while offset < count {
        if bytes[offset] == 0x0A { add(offset + 1) }
        offset += 1
      }
      initialized = written
    }
  }
}
