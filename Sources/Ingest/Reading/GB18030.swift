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

  /// Stops a conversion whose input is not valid in its charset.
  private struct InvalidInput: Error {}

  private static func decode(_ input: UnsafeBufferPointer<UInt8>, from charset: String, utf8PerByte: Double) -> String? {
    let descriptor = iconv_open("UTF-8", charset)
    guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(descriptor) }
    guard let base = input.baseAddress, !input.isEmpty else { return "" }
    let capacity = Int((Double(input.count) * utf8PerByte).rounded(.up)) + 16
    return try? String(unsafeUninitializedCapacity: capacity) { output in
      // iconv takes a non-const input pointer but only reads through it.
      var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
        .assumingMemoryBound(to: CChar.self)
      var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output.baseAddress)?
        .assumingMemoryBound(to: CChar.self)
      var inLeft = input.count
      var outLeft = output.count
      guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0,
        iconv(descriptor, nil, nil, &outPointer, &outLeft) != -1
      else { throw InvalidInput() }
      return output.count - outLeft
    }
  }
}
