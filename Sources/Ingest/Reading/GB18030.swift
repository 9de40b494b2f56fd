#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// GB18030 decoding (Foundation on Linux cannot decode GB18030).
enum GB18030 {
  /// The text, or nil when the bytes are not valid GB18030.
  static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
    Iconv.decode(bytes, from: "GB18030")
  }
}

/// Decoding through the C library's iconv. Each call opens its own conversion descriptor, so
/// concurrent calls are safe.
enum Iconv {
  /// The text of `bytes` in the iconv charset `charset`, or nil when the charset is unknown or the
  /// bytes are not valid in it.
  static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, from charset: String) -> String? {
    let descriptor = iconv_open("UTF-8", charset)
    guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(descriptor) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 4 + 16)
    let inputCount = input.count
    let outputCount = output.count
    let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer = inBuffer.baseAddress
        var outPointer = outBuffer.baseAddress
        var inLeft = inputCount
        var outLeft = outputCount
        let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        guard result != -1, inLeft == 0 else { return nil }
        let flushed = iconv(descriptor, nil, nil, &outPointer, &outLeft)
        guard flushed != -1 else { return nil }
        return outputCount - outLeft
      }
    }
    guard let written else { return nil }
    return String(validating: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
