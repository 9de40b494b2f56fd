#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// GB18030 decoding (Foundation on Linux cannot decode GB18030).
enum GB18030 {
  /// The text, or nil when the bytes are not valid GB18030. A GB18030 character of one, two or
  /// four bytes is at most as many UTF-8 bytes, or three for two.
  static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
    Iconv.decode(bytes, from: "GB18030", utf8PerByte: 1.5)
  }

  /// Whether the bytes are valid GB18030, told without keeping their text: they are converted
  /// block after block into one scratch buffer.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let converter = IconvConverter(from: "GB18030") else { return false }
    let block = 16_384
    var scratch = [UInt8](repeating: 0, count: block * 2 + 16)
    return scratch.withUnsafeMutableBufferPointer { output in
      var start = 0
      while start < bytes.count {
        let end = min(start + block, bytes.count)
        var written = 0
        guard converter.feed(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: output, at: &written) else { return false }
        start = end
      }
      var written = 0
      return converter.finish(into: output, at: &written)
    }
  }
}

extension GB18030 {
  /// The text of `bytes` read as GB18030 with each invalid sequence replaced by U+FFFD, and where
  /// those were (`UTF8Damage` of `encoding` GB18030), or nil when iconv cannot convert from
  /// GB18030. An invalid sequence is the byte where a character cannot go on (a lead byte before
  /// a byte that cannot follow it, which is read again as the start of the next character: a
  /// line break is never swallowed), or a character cut by the end of the bytes.
  static func decodeReplacing(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, damage: UTF8Damage)? {
    guard let converter = IconvConverter(from: "GB18030"), let base = bytes.baseAddress else { return nil }
    var damage = UTF8Damage(encoding: .gb18030)
    let hasCarriageReturn = memchr(base, 0x0D, bytes.count) != nil
    var line = 1
    var countedTo = 0
    // A byte gives at most three UTF-8 bytes: a replacement for one byte, or a two-byte character.
    let text = try? String(unsafeUninitializedCapacity: bytes.count * 3 + 16) { output in
      var written = 0
      let converted = converter.convertReplacing(bytes, into: output, at: &written) { offset, count in
        line += UTF8Damage.breaks(bytes, from: countedTo, to: offset, hasCarriageReturn: hasCarriageReturn)
        countedTo = offset
        damage.addInvalid(count: count, line: line)
      }
      guard converted != nil else { throw IconvConverter.Invalid() }
      return written
    }
    guard let text else { return nil }
    countText(text, into: &damage)
    return (text, damage)
  }

  /// Sets in `damage` (whose invalid sequences are counted) the scalars and well-formed multi-byte
  /// characters of `text`, the repaired text, each invalid sequence being one U+FFFD in it.
  static func countText(_ text: String, into damage: inout UTF8Damage) {
    var contiguous = text
    let (continuation, leads) = contiguous.withUTF8(countMultibyteBytes)
    damage.setText(
      scalars: contiguous.utf8.count - continuation, multibyteCharacters: leads - damage.invalidSequences)
  }

  /// The lead bytes of multi-byte characters of UTF-8 `bytes` (`countText`'s count, taken block
  /// by block).
  static func multibyteLeads(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
    countMultibyteBytes(bytes).leads
  }

  /// The continuation bytes (0x80...0xBF) and the lead bytes of multi-byte characters (0xC0 and
  /// above) of UTF-8 `bytes`, counted eight bytes at a time.
  private static func countMultibyteBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> (continuation: Int, leads: Int) {
    guard let base = bytes.baseAddress else { return (0, 0) }
    let raw = UnsafeRawPointer(base)
    let highBits: UInt64 = 0x8080_8080_8080_8080
    var continuation = 0
    var leads = 0
    var index = 0
    while index + 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let high = word & highBits
      if high != 0 {
        // Each byte's bit 6 moved to its bit 7: set for 0xC0 and above, clear for continuations.
        let second = (word << 1) & highBits
        continuation += (high & ~second).nonzeroBitCount
        leads += (high & second).nonzeroBitCount
      }
      index += 8
    }
    for byte in bytes[index...] where byte >= 0x80 {
      if byte >= 0xC0 { leads += 1 } else { continuation += 1 }
    }
    return (continuation, leads)
  }
}

/// Decoding through the C library's iconv. Each call opens its own conversion descriptor, so
/// concurrent calls are safe.
enum Iconv {
  /// The text of `bytes` in the iconv charset `charset`, or nil when the charset is unknown or the
  /// bytes are not valid in it. `utf8PerByte` bounds the UTF-8 bytes a byte of the charset can
  /// become (4, the default, holds for every charset: a character takes at least one byte and
  /// gives at most four).
  ///
  /// The bytes are read where they lie and converted straight into the text's storage, which
  /// is reserved at the bound: a large file's pages past the text written are never touched, so
  /// the conversion holds the file and its text and nothing else (it used to hold five copies).
  static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, from charset: String, utf8PerByte: Double = 4) -> String? {
    let converted = bytes.withContiguousStorageIfAvailable { decode($0, from: charset, utf8PerByte: utf8PerByte) }
    if let converted { return converted }
    return Array(bytes).withUnsafeBufferPointer { decode($0, from: charset, utf8PerByte: utf8PerByte) }
  }

  private static func decode(_ input: UnsafeBufferPointer<UInt8>, from charset: String, utf8PerByte: Double) -> String? {
    guard let converter = IconvConverter(from: charset) else { return nil }
    guard !input.isEmpty else { return "" }
    let capacity = Int((Double(input.count) * utf8PerByte).rounded(.up)) + 16
    return try? String(unsafeUninitializedCapacity: capacity) { output in
      var written = 0
      guard converter.feed(input, into: output, at: &written), converter.finish(into: output, at: &written) else {
        throw IconvConverter.Invalid()
      }
      return written
    }
  }
}

/// One iconv conversion to UTF-8, fed block after block: a character cut at the end of a block
/// is completed by the next.
final class IconvConverter {
  /// Stops a conversion whose input is not valid in its charset.
  struct Invalid: Error {}

  private let descriptor: iconv_t
  /// The bytes of a character the last block ended inside.
  private var carry: [UInt8] = []

  /// A converter from the iconv charset `charset`, or nil when iconv does not know it.
  init?(from charset: String) {
    let descriptor = iconv_open("UTF-8", charset)
    guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
    self.descriptor = descriptor
  }

  deinit { iconv_close(descriptor) }

  /// Converts `input` into `output` from `written` on, advancing it; false when the input is not
  /// valid in the charset or `output` is full.
  func feed(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) -> Bool {
    guard !carry.isEmpty else { return convert(input, into: output, at: &written) }
    let joined = carry + Array(input)
    carry = []
    return joined.withUnsafeBufferPointer { convert($0, into: output, at: &written) }
  }

  /// Ends the conversion: false when the last block ended inside a character.
  func finish(into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) -> Bool {
    guard carry.isEmpty, let base = output.baseAddress else { return false }
    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(base + written).assumingMemoryBound(to: CChar.self)
    var outLeft = output.count - written
    guard iconv(descriptor, nil, nil, &outPointer, &outLeft) != -1 else { return false }
    written = output.count - outLeft
    return true
  }

  /// Converts all of `input` into `output` from `written` on, advancing it, writing U+FFFD for
  /// each invalid sequence (see `GB18030.decodeReplacing`) and telling `invalid` its offset in
  /// `input` and its length. Returns how many bytes at the end of `input` were left unconverted:
  /// unless `final`, a character cut by the end of `input` is left for the caller to complete
  /// with the bytes that follow; when `final`, it is an invalid sequence and none are left.
  /// Nil when `output` is full.
  func convertReplacing(
    _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int,
    final: Bool = true, invalid: (_ offset: Int, _ count: Int) -> Void
  ) -> Int? {
    guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return input.isEmpty ? 0 : nil }
    var offset = 0
    while offset < input.count {
      var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase + offset).assumingMemoryBound(
        to: CChar.self)
      var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + written).assumingMemoryBound(to: CChar.self)
      var inLeft = input.count - offset
      var outLeft = output.count - written
      let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
      let failure = errno
      written = output.count - outLeft
      offset = input.count - inLeft
      guard result == -1 else { break }
      if failure == EINVAL, !final { return inLeft }
      guard failure == EILSEQ || failure == EINVAL, outLeft >= 3 else { return nil }
      let count = failure == EINVAL ? inLeft : 1
      invalid(offset, count)
      for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
        output[written] = byte
        written += 1
      }
      offset += count
      iconv(descriptor, nil, nil, nil, nil)
    }
    guard final else { return 0 }
    return finish(into: output, at: &written) ? 0 : nil
  }

  private func convert(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) -> Bool {
    guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return input.isEmpty }
    // iconv takes a non-const input pointer but only reads through it.
    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + written).assumingMemoryBound(to: CChar.self)
    var inLeft = input.count
    var outLeft = output.count - written
    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
    written = output.count - outLeft
    guard result == -1 else { return true }
    guard errno == EINVAL else { return false }
    carry = Array(input.suffix(inLeft))
    return true
  }
}
