/// A forward-only reader over the Unicode scalars of one line, for hand-written header grammars
/// (faster and more precise than regular expressions on large exports).
struct TextCursor {
  private let scalars: Substring.UnicodeScalarView
  private(set) var index: Substring.UnicodeScalarView.Index

  /// Starts at the beginning of `line`.
  init(_ line: Substring) {
    scalars = line.unicodeScalars
    index = scalars.startIndex
  }

  /// True when everything has been read.
  var isAtEnd: Bool { index == scalars.endIndex }

  /// The next scalar, without reading it.
  var peek: Unicode.Scalar? { isAtEnd ? nil : scalars[index] }

  /// Everything not read yet.
  var rest: Substring { Substring(scalars[index...]) }

  /// Reads `min...max` ASCII digits as a number; on failure reads nothing and returns nil.
  mutating func number(digits range: ClosedRange<Int>) -> Int? {
    var value = 0
    var count = 0
    var probe = index
    while probe < scalars.endIndex, count < range.upperBound, let digit = Self.digit(scalars[probe]) {
      value = value * 10 + digit
      count += 1
      probe = scalars.index(after: probe)
    }
    guard count >= range.lowerBound else { return nil }
    index = probe
    return value
  }

  /// Reads `literal` if it comes next.
  mutating func take(_ literal: String) -> Bool {
    var probe = index
    for scalar in literal.unicodeScalars {
      guard probe < scalars.endIndex, scalars[probe] == scalar else { return false }
      probe = scalars.index(after: probe)
    }
    index = probe
    return true
  }

  /// Reads one scalar if it is one of `choices` (a handful: they are compared in turn, and a
  /// literal list is built once, not at every call as a set would be), returning it.
  mutating func take(oneOf choices: [Unicode.Scalar]) -> Unicode.Scalar? {
    guard let next = peek, choices.contains(next) else { return nil }
    index = scalars.index(after: index)
    return next
  }

  /// Reads white space (including U+202F, U+2009, U+00A0); returns how many scalars were read.
  @discardableResult
  mutating func skipSpaces() -> Int { skip(while: \.isWhitespaceScalar) }

  /// Reads up to `maximum` scalars that pass `test`; returns how many were read.
  @discardableResult
  mutating func skip(while test: (Unicode.Scalar) -> Bool, maximum: Int = .max) -> Int {
    var count = 0
    while count < maximum, let next = peek, test(next) {
      index = scalars.index(after: index)
      count += 1
    }
    return count
  }

  private static func digit(_ scalar: Unicode.Scalar) -> Int? {
    scalar.value >= 48 && scalar.value <= 57 ? Int(scalar.value - 48) : nil
  }
}
