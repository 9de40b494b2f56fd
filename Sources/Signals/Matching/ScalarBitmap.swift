/// A set of scalar values below U+10000 as a bitmap (8 KB), for tests made on every scalar of a
/// text: bit `v & 63` of word `v >> 6` is set when `v` is in the set.
struct ScalarBitmap: Sendable {
  /// The bitmap's words.
  private(set) var words = [UInt64](repeating: 0, count: 0x10000 / 64)

  /// The scalars `TextNormalizer` folding leaves unchanged (most CJK text is made of them), so
  /// that a pass over folded text can feed them as they are, without folding them.
  static let foldIdentity: ScalarBitmap = {
    var set = ScalarBitmap()
    TextNormalizer.withSimplified { table in
      for value in UInt32(0)..<0x10000 {
        if let scalar = Unicode.Scalar(value), TextNormalizer.fold(scalar, simplified: table) == scalar {
          set.insert(value)
        }
      }
    }
    return set
  }()

  /// The values of the three-byte sequences of `patterns` (a lead byte E0–EF and the two bytes
  /// after it, decoded as UTF-8 is); every value when a pattern is not valid UTF-8. A well-formed
  /// three-byte sequence whose value is not in the set occurs in no pattern, and no pattern can
  /// start inside it, so an automaton over `patterns` is back at its root after reading it.
  static func threeByteSequences(of patterns: [[UInt8]]) -> ScalarBitmap {
    var set = ScalarBitmap()
    for pattern in patterns {
      guard String(validating: pattern, as: UTF8.self) != nil else {
        set.words = [UInt64](repeating: .max, count: set.words.count)
        return set
      }
      for index in pattern.indices where pattern[index] & 0xF0 == 0xE0 && index + 2 < pattern.count {
        set.insert(decode(pattern[index], pattern[index + 1], pattern[index + 2]))
      }
    }
    return set
  }

  /// The value of a three-byte sequence whose lead byte is E0–EF (its payload bits, unchecked).
  @inline(__always)
  static func decode<Byte: BinaryInteger>(_ lead: Byte, _ second: Byte, _ third: Byte) -> UInt32 {
    UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
  }

  /// Adds `value` (below U+10000).
  mutating func insert(_ value: UInt32) {
    words[Int(value >> 6)] |= 1 << UInt64(value & 63)
  }

  /// Whether `value` (below U+10000) is in the set.
  func contains(_ value: UInt32) -> Bool {
    words[Int(value >> 6)] >> UInt64(value & 63) & 1 == 1
  }
}
