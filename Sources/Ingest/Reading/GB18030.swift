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
