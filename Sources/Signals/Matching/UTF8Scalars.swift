/// Decodes UTF-8 into an array of scalars in one pass over the bytes, for the two scalar arrays
/// of every evaluated unit (its original and its normalised text); `Array(string.unicodeScalars)`
/// walks the text twice, once to count and once to copy. And writes scalars back as a string
/// (the matched parts' original text) without growing a `String.UnicodeScalarView`.
enum UTF8Scalars {
  /// The scalars of `text`.
  static func decode(_ text: String) -> [Unicode.Scalar] {
    var text = text
    return text.withUTF8 { decode($0, capacity: $0.count) } ?? Array(text.unicodeScalars)
  }

  /// The scalars of the UTF-8 `bytes`, of which there are `count`; the same as
  /// `Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)`.
  static func decode(_ bytes: [UInt8], count: Int) -> [Unicode.Scalar] {
    bytes.withUnsafeBufferPointer { decode($0, capacity: count) }
      ?? Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
  }

  /// The string of `scalars`, written as UTF-8 straight into the string's storage.
  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    String(unsafeUninitializedCapacity: scalars.count * 4) { bytes in
      var count = 0
      for scalar in scalars {
        let value = scalar.value
        switch value {
        case 0..<0x80:
          bytes[count] = UInt8(value)
          count += 1
        case 0x80..<0x800:
          bytes[count] = UInt8(0xC0 | (value >> 6))
          bytes[count + 1] = UInt8(0x80 | (value & 0x3F))
          count += 2
        case 0x800..<0x10000:
          bytes[count] = UInt8(0xE0 | (value >> 12))
          bytes[count + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
          bytes[count + 2] = UInt8(0x80 | (value & 0x3F))
          count += 3
        default:
          bytes[count] = UInt8(0xF0 | (value >> 18))
          bytes[count + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
          bytes[count + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
          bytes[count + 3] = UInt8(0x80 | (value & 0x3F))
          count += 4
        }
      }
      return count
    }
  }

  /// The scalars of well-formed UTF-8, or nil at the first ill-formed sequence (an overlong
  /// form, a surrogate, a stray or missing continuation byte), which the callers then decode
  /// the standard library's way, with its replacement characters.
  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, capacity: Int) -> [Unicode.Scalar]? {
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(capacity)
    var index = 0
    while index < bytes.count {
      let lead = UInt32(bytes[index])
      if lead < 0x80 {
        result.append(Unicode.Scalar(UInt8(lead)))
        index += 1
        continue
      }
      let length: Int
      var value: UInt32
      let smallest: UInt32
      switch lead {
      case 0xC0...0xDF: (length, value, smallest) = (2, lead & 0x1F, 0x80)
      case 0xE0...0xEF: (length, value, smallest) = (3, lead & 0x0F, 0x800)
      case 0xF0...0xF7: (length, value, smallest) = (4, lead & 0x07, 0x10000)
      default: return nil
      }
      guard index + length <= bytes.count else { return nil }
      for offset in 1..<length {
        let byte = UInt32(bytes[index + offset])
        guard byte & 0xC0 == 0x80 else { return nil }
        value = value << 6 | (byte & 0x3F)
      }
      guard value >= smallest, let scalar = Unicode.Scalar(value) else { return nil }
      result.append(scalar)
      index += length
    }
    return result
  }
}
