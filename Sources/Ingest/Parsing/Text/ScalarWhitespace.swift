extension Unicode.Scalar {
  /// Whether the scalar has the Unicode `White_Space` property, like `properties.isWhitespace`
  /// but without its table lookup: the set is small and fixed (tab to carriage return, space,
  /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), and header
  /// parsers test it on nearly every line they read.
  @inline(__always)
  public var isWhitespaceScalar: Bool {
    let value = value
    if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }
}

extension Character {
  /// `isWhitespace` (the character's first scalar has the `White_Space` property) without the
  /// property table lookup; see `Unicode.Scalar.isWhitespaceScalar`.
  @inline(__always)
  var isWhitespaceCharacter: Bool { unicodeScalars.first?.isWhitespaceScalar ?? false }
}
