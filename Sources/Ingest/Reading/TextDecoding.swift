#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A text encoding the reader recognises, with the id written in `EvidenceDocument.encoding`.
enum TextEncoding: String, Sendable, Hashable {
  case utf8 = "utf-8"
  case utf8BOM = "utf-8-bom"
  case utf16LE = "utf-16le"
  case utf16BE = "utf-16be"
  case gb18030 = "gb18030"
  case big5 = "big5"
}

/// The outcome of sniffing and decoding a file's bytes as text.
enum DecodedText: Sendable, Hashable {
  /// Decoded; the byte-order mark, if any, is not part of `text`.
  case text(String, TextEncoding)
  /// UTF-8 or GB18030 but for a few invalid sequences (see `TextDecoding`), each replaced by
  /// U+FFFD in `text`; `damage` says where they were.
  case damaged(String, TextEncoding, UTF8Damage)
  /// Binary data: NUL bytes outside UTF-16, an XOR-encoded picture, or bytes that only GB18030
  /// would decode, into control and private-use characters.
  case binary
  /// No supported encoding decodes the bytes.
  case undecodable
}

/// Encoding sniffing in the order of export-formats.md §0.1: BOMs, UTF-16 by zero-byte pattern,
/// valid UTF-8, then GB18030; bytes that GB18030 does not read as plausible text are tried as
/// Big5 (`Big5`).
///
/// Bytes that are not valid UTF-8 may still be UTF-8 damaged in a few places (a character cut
/// by a faulty export, a copy or a disk): one bad byte must not cost a whole chat its search.
/// They are taken for damaged UTF-8, decoded with each invalid sequence replaced by U+FFFD and
/// the lines holding one reported, when (see `UTF8Damage`)
/// 1. the replacements would be at most one in twenty characters of the text, or just one
///    (`replacesFew`), and
/// 2. the text holds at least four well-formed multi-byte UTF-8 characters for each invalid
///    sequence (`showsEncoding`; Chinese GB18030 text read as UTF-8 gives several invalid sequences
///    for each well-formed one, so a real GB18030 file never passes), or the bytes are not valid
///    GB18030 either (ASCII text with a stray byte).
/// After a UTF-8 byte-order mark only the first condition applies. A large file whose first
/// 64 KiB would already have more than one character in four replaced is judged on them
/// (`UTF8Damage.measure`). Anything else is sniffed as GB18030.
///
/// Bytes that GB18030 does not decode may be GB18030 damaged in a few places in the same way.
/// They are decoded with each invalid sequence replaced by U+FFFD (`GB18030.decodeReplacing`, or
/// `GB18030Repairer` block by block for a file decoded again from the file, `RereadDecoding`) and
/// the lines holding one reported, by the same criterion, whatever the file's size:
/// 1. the replacements would be at most one in twenty characters of the text, or just one;
/// 2. the text holds at least four well-formed GB18030 multi-byte characters for each invalid
///    sequence (`showsEncoding`);
/// and, since UTF-8 Chinese read as GB18030 gives many well-formed (wrong) characters and few
/// invalid sequences, the bytes must not look like UTF-8: read as UTF-8 they hold fewer
/// well-formed multi-byte characters than invalid sequences (GB18030 Chinese gives 0.23 for
/// each, UTF-8 damaged anywhere but almost everywhere many more); and the text must be
/// plausible (`isPlausibleText`), which binary data is not. Anything else is undecodable.
enum TextDecoding {
  /// How many leading bytes the UTF-16 zero-byte test looks at.
  static let sniffLength = 65_536

  /// What a file's bytes are, told in the order of export-formats.md §0.1 without decoding UTF-16
  /// or valid GB18030 (a UTF-8 or damaged GB18030 text comes with it: telling it builds it).
  enum Sniffed {
    /// UTF-8 (with or without its byte-order mark, which is not part of the text).
    case utf8(String, TextEncoding)
    /// UTF-8, or GB18030 as its `TextEncoding` says, but for a few invalid sequences, replaced by
    /// U+FFFD in the text (the name is older than damaged GB18030).
    case damagedUTF8(String, TextEncoding, UTF8Damage)
    /// UTF-16, with or without its byte-order mark.
    case utf16(littleEndian: Bool, byteOrderMark: Bool)
    /// None of the others: GB18030, if anything (or damaged GB18030 in a file of at least the
    /// size from which it is decoded again from the file, which is not told here but when it is
    /// decoded).
    case gb18030
    /// Binary data: NUL bytes outside UTF-16, or an XOR-encoded picture.
    case binary
    /// A UTF-8 byte-order mark before bytes that are not UTF-8, even damaged in a few places.
    case undecodable
  }

  /// Sniffs `bytes`: byte-order marks, UTF-16 by zero-byte pattern, NUL bytes, valid UTF-8, an
  /// XOR-encoded picture, damaged UTF-8, damaged GB18030 (in a file smaller than `rereadFrom`
  /// bytes, which is decoded from its bytes; a larger one is decoded again from the file,
  /// `RereadDecoding`), then GB18030.
  static func sniff(_ bytes: [UInt8], rereadFrom: Int = RereadDecoding.minimumBytes) -> Sniffed {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      let content = bytes.dropFirst(3)
      if let text = String(validating: content, as: UTF8.self) { return .utf8(text, .utf8BOM) }
      guard let damage = UTF8Damage.measure(content, givingUpUnlessFew: true), damage.replacesFew else { return .undecodable }
      return .damagedUTF8(String(decoding: content, as: UTF8.self), .utf8BOM, damage)
    }
    if bytes.starts(with: [0xFF, 0xFE]) { return .utf16(littleEndian: true, byteOrderMark: true) }
    if bytes.starts(with: [0xFE, 0xFF]) { return .utf16(littleEndian: false, byteOrderMark: true) }
    if let littleEndian = utf16WithoutBOM(bytes) { return .utf16(littleEndian: littleEndian, byteOrderMark: false) }
    if bytes.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }) {
      return .binary
    }
    if let text = String(validating: bytes, as: UTF8.self) { return .utf8(text, .utf8) }
    if BinarySignature.xorImage(bytes) != nil { return .binary }
    if let damage = UTF8Damage.measure(bytes[...], givingUpUnlessFew: true), damage.replacesFew,
      damage.showsEncoding || !bytes.withUnsafeBufferPointer(GB18030.isValid)
    {
      return .damagedUTF8(String(decoding: bytes, as: UTF8.self), .utf8, damage)
    }
    if bytes.count < rereadFrom, let (text, damage) = damagedGB18030(bytes) {
      return .damagedUTF8(text, .gb18030, damage)
    }
    return .gb18030
  }

  /// Sniffs and decodes `bytes`.
  static func decode(_ bytes: [UInt8]) -> DecodedText { decode(bytes, as: sniff(bytes)) }

  /// Decodes `bytes` as `sniffed` says they are.
  static func decode(_ bytes: [UInt8], as sniffed: Sniffed) -> DecodedText {
    switch sniffed {
    case .utf8(let text, let encoding):
      return .text(text, encoding)
    case .damagedUTF8(let text, let encoding, let damage):
      return .damaged(text, encoding, damage)
    case .utf16(let littleEndian, let byteOrderMark):
      // Without a mark, UTF-16 must hold no U+0000; bytes that do not decode then hold zero
      // bytes, so they are binary data.
      guard let text = utf16(byteOrderMark ? bytes.dropFirst(2) : bytes[...], littleEndian: littleEndian, rejectsNUL: !byteOrderMark)
      else { return byteOrderMark ? .undecodable : .binary }
      return .text(text, littleEndian ? .utf16LE : .utf16BE)
    case .gb18030:
      // `sniff` tells damaged GB18030 only in bytes too few to be decoded again from the file;
      // in more, it is told here (in fewer, it was ruled out, and is asked again in vain).
      // Bytes GB18030 does not read as plausible text may be Big5.
      if let text = GB18030.decode(bytes) {
        let outcome = gb18030Outcome(text)
        if case .binary = outcome, let big5 = Big5.decode(bytes) { return .text(big5, .big5) }
        return outcome
      }
      if let (text, damage) = damagedGB18030(bytes) { return .damaged(text, .gb18030, damage) }
      return Big5.decode(bytes).map { .text($0, .big5) } ?? .undecodable
    case .binary:
      return .binary
    case .undecodable:
      return .undecodable
    }
  }

  /// The text (without a byte-order mark) and damage of bytes that are GB18030 damaged in a few
  /// places (see the type's comment); nil when they are valid GB18030 or not GB18030 at all.
  static func damagedGB18030(_ bytes: [UInt8]) -> (String, UTF8Damage)? {
    bytes.withUnsafeBufferPointer { buffer in
      guard !GB18030.isValid(buffer), let asUTF8 = UTF8Damage.measure(buffer),
        !mayBeUTF8(multibyteCharacters: asUTF8.multibyteCharacters, invalidSequences: asUTF8.invalidSequences),
        let (decoded, damage) = GB18030.decodeReplacing(buffer), isFewGB18030Damage(damage, in: decoded)
      else { return nil }
      return (withoutByteOrderMark(decoded), damage)
    }
  }

  /// Whether `damage`, found decoding bytes as GB18030 into `decoded` with each invalid sequence
  /// replaced by U+FFFD, makes them GB18030 damaged in a few places (see the type's comment),
  /// provided they do not look like UTF-8 (`mayBeUTF8`, asked apart): some invalid sequences, few
  /// (`replacesFew`), among enough well-formed multi-byte characters (`showsEncoding`), in
  /// plausible text.
  static func isFewGB18030Damage(_ damage: UTF8Damage, in decoded: String) -> Bool {
    !damage.isEmpty && damage.replacesFew && damage.showsEncoding && isPlausibleText(decoded)
  }

  /// Whether bytes holding `multibyteCharacters` well-formed multi-byte UTF-8 characters and
  /// `invalidSequences` invalid UTF-8 sequences may be UTF-8, and so are never damaged GB18030:
  /// GB18030 Chinese holds fewer well-formed characters than invalid sequences (see the type's
  /// comment).
  static func mayBeUTF8(multibyteCharacters: Int, invalidSequences: Int) -> Bool {
    multibyteCharacters >= invalidSequences
  }

  /// What a text decoded from GB18030 is: binary data when it is not plausible text, else the
  /// text without its byte-order mark (84 31 95 33 decodes to U+FEFF; like UTF-8's, it is not text).
  static func gb18030Outcome(_ decoded: String) -> DecodedText {
    guard isPlausibleText(decoded) else { return .binary }
    return .text(withoutByteOrderMark(decoded), .gb18030)
  }

  /// `decoded` without the U+FEFF it starts with, if it does.
  static func withoutByteOrderMark(_ decoded: String) -> String {
    var text = decoded
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    return text
  }

  /// False when more than 5% of the scalars are control characters (other than tab, line feed,
  /// form feed and carriage return) or private-use characters: GB18030 decodes almost any byte
  /// sequence, so binary data that is not UTF-8 must not pass as Chinese text.
  static func isPlausibleText(_ text: String) -> Bool {
    var total = 0
    var odd = 0
    for scalar in text.unicodeScalars {
      total += 1
      if isOdd(scalar.value) { odd += 1 }
    }
    return odd * 20 <= total
  }

  /// The scalars of well-formed UTF-8 `bytes` and how many of them `isPlausibleText` counts
  /// against text: its counts over a text given block by block.
  static func plausibilityCounts(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (scalars: Int, odd: Int) {
    var scalars = 0
    var odd = 0
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      scalars += 1
      if isOdd(scalar.value) { odd += 1 }
    }
    return (scalars, odd)
  }

  /// A control character other than tab, line feed, form feed and carriage return, a private-use
  /// character or U+FFFD.
  private static func isOdd(_ value: UInt32) -> Bool {
    (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0C && value != 0x0D) || value == 0x7F
      || (0xE000...0xF8FF).contains(value) || value == 0xFFFD
  }

  /// Guesses UTF-16 without a BOM from where the zero bytes fall: ASCII characters (digits,
  /// spaces, line breaks of a chat log) have a zero high byte. Returns true for little-endian,
  /// false for big-endian, nil when the pattern is not UTF-16.
  static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
    guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
    let sample = bytes.prefix(sniffLength)
    var evenZeros = 0
    var oddZeros = 0
    for (offset, byte) in sample.enumerated() where byte == 0 {
      if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let pairs = sample.count / 2
    let threshold = max(1, pairs / 20)
    if oddZeros >= threshold && evenZeros * 10 <= oddZeros { return true }
    if evenZeros >= threshold && oddZeros * 10 <= evenZeros { return false }
    return nil
  }

  /// Strict UTF-16 decoding (unpaired surrogates fail, and a U+0000 with `rejectsNUL`), straight
  /// into the text's storage: a code
  /// unit of two bytes is at most three UTF-8 bytes, a surrogate pair of four bytes is four.
  static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, rejectsNUL: Bool = false) -> String? {
    bytes.withUnsafeBufferPointer { input in
      try? String(unsafeUninitializedCapacity: input.count / 2 * 3) { output in
        var transcoder = UTF16Transcoder(littleEndian: littleEndian, rejectsNUL: rejectsNUL)
        var written = 0
        try transcoder.feed(input, into: output, at: &written)
        try transcoder.finish()
        return written
      }
    }
  }
}

/// UTF-16 bytes written out as UTF-8, fed block after block: a code unit or surrogate pair cut at
/// the end of a block is completed by the next.
struct UTF16Transcoder {
  /// An unpaired surrogate, a byte left over at the end, or a U+0000 where none is allowed.
  struct Invalid: Error {}

  let littleEndian: Bool
  /// Whether a U+0000 is invalid (UTF-16 told by its zero bytes, without a byte-order mark, must
  /// hold none, or it is taken for binary data).
  var rejectsNUL = false
  /// The first byte of a code unit the last block ended inside.
  private var pendingByte: UInt32?
  /// A high surrogate the last block ended with.
  private var pendingHigh: UInt32?

  init(littleEndian: Bool, rejectsNUL: Bool = false) {
    self.littleEndian = littleEndian
    self.rejectsNUL = rejectsNUL
  }

  /// Writes the text of `input` into `output` (room for three bytes per code unit) from `written`
  /// on, advancing it.
  mutating func feed(
    _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
  ) throws {
    var offset = 0
    if let first = pendingByte, !input.isEmpty {
      pendingByte = nil
      try take(unit(first, UInt32(input[0])), into: output, at: &written)
      offset = 1
    }
    while offset + 1 < input.count {
      try take(unit(UInt32(input[offset]), UInt32(input[offset + 1])), into: output, at: &written)
      offset += 2
    }
    if offset < input.count { pendingByte = UInt32(input[offset]) }
  }

  /// Ends the text: it must not end inside a code unit or after a high surrogate.
  func finish() throws {
    guard pendingByte == nil, pendingHigh == nil else { throw Invalid() }
  }

  /// The code unit of two bytes in file order.
  private func unit(_ first: UInt32, _ second: UInt32) -> UInt32 {
    littleEndian ? first | second << 8 : first << 8 | second
  }

  private mutating func take(_ unit: UInt32, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) throws {
    var value = unit
    if let high = pendingHigh {
      guard unit & 0xFC00 == 0xDC00 else { throw Invalid() }
      pendingHigh = nil
      value = 0x10000 + ((high & 0x3FF) << 10 | unit & 0x3FF)
    } else if unit & 0xFC00 == 0xD800 {
      pendingHigh = unit
      return
    } else if unit & 0xFC00 == 0xDC00 || (unit == 0 && rejectsNUL) {
      throw Invalid()
    }
    func put(_ byte: UInt32) {
      output[written] = UInt8(truncatingIfNeeded: byte)
      written += 1
    }
    switch value {
    case ..<0x80:
      put(value)
    case ..<0x800:
      put(0xC0 | value >> 6)
      put(0x80 | value & 0x3F)
    case ..<0x10000:
      put(0xE0 | value >> 12)
      put(0x80 | value >> 6 & 0x3F)
      put(0x80 | value & 0x3F)
    default:
      put(0xF0 | value >> 18)
      put(0x80 | value >> 12 & 0x3F)
      put(0x80 | value >> 6 & 0x3F)
      put(0x80 | value & 0x3F)
    }
  }
}
