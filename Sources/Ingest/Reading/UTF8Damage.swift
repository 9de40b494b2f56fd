#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where bytes that are mostly UTF-8 are not: the invalid sequences (each a maximal subpart, as
/// the Unicode standard and the standard library's `String(decoding:as:)` replace them, one
/// U+FFFD each), the well-formed multi-byte characters around them, and the lines that hold them.
/// The same measure serves bytes that are mostly GB18030 (`GB18030.decodeReplacing`), with
/// `encoding` saying which.
///
/// Line numbers count breaks the way `SourceLines` does (LF, CRLF and lone CR, each one break),
/// so the line named is the line of the decoded text; an invalid sequence never holds a break,
/// since ASCII bytes always end one (in GB18030 too, whose multi-byte characters hold no byte
/// below 0x30).
struct UTF8Damage: Sendable, Hashable {
  /// How many lines are named in `lines`; the others are only counted.
  static let namedLineLimit = 10

  /// The encoding the bytes were meant in: UTF-8, or GB18030.
  private(set) var encoding: TextEncoding

  /// Invalid sequences, each replaced by one U+FFFD.
  private(set) var invalidSequences = 0
  /// Bytes in invalid sequences.
  private(set) var invalidBytes = 0
  /// Well-formed characters of two to four bytes.
  private(set) var multibyteCharacters = 0
  /// Unicode scalars of the repaired text, replacements included.
  private(set) var scalars = 0
  /// The first lines (1-based, at most `namedLineLimit`) holding invalid bytes, in order.
  private(set) var lines: [Int] = []
  /// How many lines hold invalid bytes.
  private(set) var lineCount = 0
  /// The line of the last invalid sequence counted (0 before the first).
  private var lastLine = 0

  /// An empty measure of bytes meant in `encoding`.
  init(encoding: TextEncoding = .utf8) {
    self.encoding = encoding
  }

  /// Whether no byte is invalid.
  var isEmpty: Bool { invalidSequences == 0 }

  /// Whether the replacements are at most one in twenty characters of the repaired text (the
  /// bar `TextDecoding.isPlausibleText` sets for odd characters in any decoded text), or a single
  /// one (a note of a few words with one bad byte).
  var replacesFew: Bool { invalidSequences <= 1 || invalidSequences * 20 <= scalars }

  /// Whether the well-formed multi-byte characters show the bytes to be in `encoding`: at least
  /// four for each invalid sequence. Chinese text in GB18030 read as UTF-8 gives about four
  /// invalid sequences for each well-formed one (0.23 well-formed per invalid over the 65,000
  /// characters of the project's legal texts; see `DamagedUTF8Tests`).
  var showsEncoding: Bool { multibyteCharacters >= 4 * invalidSequences }

  /// Counts one invalid sequence of `count` bytes on `line` (lines come in order).
  mutating func addInvalid(count: Int, line: Int) {
    invalidSequences += 1
    invalidBytes += count
    if lastLine != line {
      lastLine = line
      lineCount += 1
      if lines.count < Self.namedLineLimit { lines.append(line) }
    }
  }

  /// Sets how many scalars the repaired text holds, replacements included, and how many of them
  /// are well-formed multi-byte characters.
  mutating func setText(scalars: Int, multibyteCharacters: Int) {
    self.scalars = scalars
    self.multibyteCharacters = multibyteCharacters
  }

  /// How many leading bytes are judged on their own when giving up (`measure`).
  static let headBytes = 65_536

  /// Measures `bytes`. With `givingUpUnlessFew`, stops and returns nil as soon as the
  /// replacements can no longer be few (`replacesFew`) whatever the rest holds, or when, at the
  /// first invalid sequence past the first `headBytes`, more than one in four characters so far
  /// would be replaced: such a file is not UTF-8 damaged in a few places (GB18030 chat text has
  /// about one in three), and a large file in another encoding is told after its head rather
  /// than after a sixth of its bytes. Without `countingLines`, the lines are not counted: all the
  /// damage is taken to be on line 1 (for the counts alone, told faster).
  static func measure(
    _ bytes: UnsafeBufferPointer<UInt8>, givingUpUnlessFew: Bool = false, countingLines: Bool = true
  ) -> UTF8Damage? {
    var damage = UTF8Damage()
    guard let base = bytes.baseAddress else { return damage }
    let count = bytes.count
    let raw = UnsafeRawPointer(base)
    let hasCarriageReturn = countingLines && memchr(base, 0x0D, count) != nil
    var continuationBytes = 0
    var line = 1
    var headJudged = false
    var countedTo = 0
    var index = 0
    while index < count {
      if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        index += 8
        continue
      }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length = wellFormedLength(bytes, at: index)
      if length.valid {
        damage.multibyteCharacters += 1
        continuationBytes += length.count - 1
        index += length.count
        continue
      }
      if countingLines {
        line += breaks(bytes, from: countedTo, to: index, hasCarriageReturn: hasCarriageReturn)
        countedTo = index
      }
      damage.addInvalid(count: length.count, line: line)
      index += length.count
      if givingUpUnlessFew, damage.invalidSequences > 1 {
        let scalarsSoFar = index - continuationBytes - damage.invalidBytes + damage.invalidSequences
        if damage.invalidSequences * 20 > scalarsSoFar + (count - index) { return nil }
        if !headJudged, index >= headBytes {
          headJudged = true
          if damage.invalidSequences * 4 > scalarsSoFar { return nil }
        }
      }
    }
    damage.scalars = count - continuationBytes - damage.invalidBytes + damage.invalidSequences
    return damage
  }

  /// `measure(_:givingUpUnlessFew:countingLines:)` for bytes in an array or a slice of one.
  static func measure(_ bytes: ArraySlice<UInt8>, givingUpUnlessFew: Bool = false, countingLines: Bool = true) -> UTF8Damage? {
    bytes.withUnsafeBufferPointer { measure($0, givingUpUnlessFew: givingUpUnlessFew, countingLines: countingLines) }
  }

  /// The well-formed multi-byte characters and the invalid sequences that `measure` counts in the
  /// bytes `next` hands over block after block (nil at the end), one block held at a time: a
  /// sequence cut between two blocks is counted whole.
  static func countSequences(_ next: () -> [UInt8]?) -> (multibyteCharacters: Int, invalidSequences: Int) {
    var tally = Tally()
    while let block = next() { tally.add(block) }
    tally.finish()
    return (tally.counts.multibyteCharacters, tally.counts.invalidSequences)
  }

  /// What `measure` counts (without lines) in bytes handed over block after block, one block held
  /// at a time: a sequence cut between two blocks is counted whole.
  struct Tally {
    /// The counts of the bytes added so far (no lines named); those of all of them once finished.
    private(set) var counts = UTF8Damage()
    /// The last bytes added, which the next block may complete.
    private var carry: [UInt8] = []

    /// Counts `block`, the bytes after those added before.
    mutating func add(_ block: [UInt8]) {
      let joined = carry + block
      let cut = Self.completeEnd(joined)
      count(joined[..<cut])
      carry = Array(joined[cut...])
    }

    /// Counts the last bytes held back: the bytes have all been added.
    mutating func finish() {
      count(carry[...])
      carry = []
    }

    /// Whether the replacements can no longer be few (`replacesFew`) whatever the `remaining`
    /// bytes still to be added hold: each gives at most one scalar.
    func cannotReplaceFew(remaining: Int) -> Bool {
      counts.invalidSequences > 1 && counts.invalidSequences * 20 > counts.scalars + carry.count + remaining
    }

    private mutating func count(_ bytes: ArraySlice<UInt8>) {
      guard let measured = measure(bytes, countingLines: false) else { return }
      counts.invalidSequences += measured.invalidSequences
      counts.invalidBytes += measured.invalidBytes
      counts.multibyteCharacters += measured.multibyteCharacters
      counts.scalars += measured.scalars
    }

    /// Where the sequences of `bytes` that the bytes after them cannot change end: before the
    /// last byte that starts a sequence (any byte but 0x80...0xBF) when it is one of the last
    /// three, since a sequence is at most four bytes long; else at the end.
    private static func completeEnd(_ bytes: [UInt8]) -> Int {
      guard let start = bytes.lastIndex(where: { $0 & 0xC0 != 0x80 }), bytes.count - start < 4 else { return bytes.count }
      return start
    }
  }

  /// The warning naming the lines of `path` that held invalid bytes, numbered after
  /// `lineOffset` lines (those of the pieces before, for a file read in pieces): `invalid-utf8`,
  /// or `invalid-gb18030` for bytes meant in GB18030.
  func diagnostic(path: String, lineOffset: Int = 0) -> Diagnostic {
    let named = lines.map { String($0 + lineOffset) }
    let place: String
    if lineCount == 1 {
      place = "on line \(named[0])"
    } else if lineCount <= named.count {
      place = "on lines \(named.dropLast().joined(separator: ", ")) and \(named[named.count - 1])"
    } else {
      place = "on \(lineCount) lines (first \(named.joined(separator: ", ")))"
    }
    let sequences = invalidSequences == 1 ? "1 invalid sequence" : "\(invalidSequences) invalid sequences"
    let count = invalidBytes == 1 ? "1 byte" : "\(invalidBytes) bytes"
    let (code, name) = encoding == .gb18030 ? ("invalid-gb18030", "GB18030") : ("invalid-utf8", "UTF-8")
    return Diagnostic(
      .warning, code: code, file: path, line: lines.first.map { $0 + lineOffset },
      message: "bytes that are not \(name) \(place) were replaced by U+FFFD (\(sequences), \(count))")
  }

  /// The length of the well-formed character starting at `index` (a byte of 0x80 or more), or
  /// of the maximal subpart of one that is not there, with whether it is well-formed (Unicode
  /// Table 3-7).
  private static func wellFormedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (count: Int, valid: Bool) {
    let lead = bytes[index]
    let needed: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: needed = 1
    case 0xE0: (needed, low) = (2, 0xA0)
    case 0xE1...0xEC, 0xEE...0xEF: needed = 2
    case 0xED: (needed, high) = (2, 0x9F)
    case 0xF0: (needed, low) = (3, 0x90)
    case 0xF1...0xF3: needed = 3
    case 0xF4: (needed, high) = (3, 0x8F)
    default: return (1, false)
    }
    var taken = 1
    while taken <= needed {
      guard index + taken < bytes.count else { return (taken, false) }
      let byte = bytes[index + taken]
      guard byte >= low && byte <= high else { return (taken, false) }
      (low, high) = (0x80, 0xBF)
      taken += 1
    }
    return (taken, true)
  }

  /// The line breaks in `bytes[start..<end]`: line feeds, or with carriage returns in the text,
  /// CRLF and lone CR and LF, each one (a CRLF is counted at its CR).
  static func breaks(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, hasCarriageReturn: Bool) -> Int {
    guard end > start else { return 0 }
    guard hasCarriageReturn else { return SourceLines.occurrences(of: 0x0A, in: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
    var found = 0
    for offset in start..<end {
      let byte = bytes[offset]
      if byte == 0x0D || (byte == 0x0A && (offset == 0 || bytes[offset - 1] != 0x0D)) { found += 1 }
    }
    return found
  }
}
