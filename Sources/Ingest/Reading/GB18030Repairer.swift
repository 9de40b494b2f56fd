#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// GB18030 decoded block after block with each invalid sequence replaced by U+FFFD, giving the
/// text and the damage `GB18030.decodeReplacing` gives on the same bytes held whole: a character
/// cut by the end of a block is completed by the next (it is invalid only at the end of the
/// last), and lines are counted on across blocks, a CRLF cut between two being one break.
struct GB18030Repairer {
  private let converter: IconvConverter
  /// The invalid sequences so far and their lines; `finish(text:)` adds the text's counts.
  private var damage = UTF8Damage(encoding: .gb18030)
  /// The bytes of a character the last block ended inside.
  private var carry: [UInt8] = []
  /// The line of the first byte not yet counted (1-based).
  private var line = 1
  /// Whether the last byte counted was a carriage return.
  private var afterCarriageReturn = false

  /// A repairer, or nil when iconv cannot convert from GB18030.
  init?() {
    guard let converter = IconvConverter(from: "GB18030") else { return nil }
    self.converter = converter
  }

  /// Whether an invalid sequence was found so far.
  var foundDamage: Bool { !damage.isEmpty }

  /// Decodes `block`, the bytes after those fed before, into `output` from `written` on,
  /// advancing it; false when `output` is full.
  mutating func feed(_ block: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) -> Bool {
    guard !carry.isEmpty else { return convert(block, final: false, into: output, at: &written) }
    let joined = carry + Array(block)
    return joined.withUnsafeBufferPointer { convert($0, final: false, into: output, at: &written) }
  }

  /// Ends the bytes: a character the last block ended inside is an invalid sequence. False when
  /// `output` is full.
  mutating func end(into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) -> Bool {
    let rest = carry
    return rest.withUnsafeBufferPointer { convert($0, final: true, into: output, at: &written) }
  }

  /// The damage of all the bytes fed, once they are ended and decoded into `text`: where the
  /// invalid sequences were, and the scalars and multi-byte characters of `text`.
  func finish(text: String) -> UTF8Damage {
    var measured = damage
    GB18030.countText(text, into: &measured)
    return measured
  }

  /// `finish(text:)` for a text counted block by block: `scalars` scalars, `multibyteLeads` of
  /// them multi-byte (U+FFFD included).
  func finish(scalars: Int, multibyteLeads: Int) -> UTF8Damage {
    var measured = damage
    measured.setText(scalars: scalars, multibyteCharacters: multibyteLeads - measured.invalidSequences)
    return measured
  }

  private mutating func convert(
    _ input: UnsafeBufferPointer<UInt8>, final: Bool, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
  ) -> Bool {
    var countedTo = 0
    let hasCarriageReturn = input.baseAddress.map { memchr($0, 0x0D, input.count) != nil } ?? false
    let left = converter.convertReplacing(input, into: output, at: &written, final: final) { offset, count in
      countLines(input, from: countedTo, to: offset, hasCarriageReturn: hasCarriageReturn)
      countedTo = offset
      damage.addInvalid(count: count, line: line)
    }
    guard let left else { return false }
    let end = input.count - left
    countLines(input, from: countedTo, to: end, hasCarriageReturn: hasCarriageReturn)
    carry = Array(input[end...])
    return true
  }

  /// Counts the line breaks of `input[start..<end]` (see `UTF8Damage.breaks`), the bytes after
  /// those counted before: a line feed at the start of `input` after a carriage return ending the
  /// bytes counted before is the end of that CRLF, already counted.
  private mutating func countLines(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, hasCarriageReturn: Bool) {
    guard end > start else { return }
    line += UTF8Damage.breaks(input, from: start, to: end, hasCarriageReturn: hasCarriageReturn)
    if start == 0, afterCarriageReturn, input[0] == 0x0A { line -= 1 }
    afterCarriageReturn = input[end - 1] == 0x0D
  }
}
