/// Folds text to the form lexicon terms are matched in, keeping a map back to the original.
///
/// Four foldings, each one scalar to at most one scalar so offsets stay mappable:
/// full-width ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000) become their half-width
/// forms; traditional characters become simplified (後臺 → 后台, from ICU's
/// Traditional-Simplified transform, character by character: `SimplifiedPairs`); letters are
/// lower-cased when the lower case is a single scalar; zero-width and bidi marks (U+200B–U+200F, U+202A–U+202E,
/// U+2060, U+FEFF) are removed. Pack terms are folded the same way when they are loaded.
public enum TextNormalizer {
  /// The folded form of `text`, with the offset map.
  public static func normalize(_ text: String) -> NormalizedText {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var origins: [Int32] = []
    origins.reserveCapacity(text.unicodeScalars.count)
    var originalIndex: Int32 = 0
    withSimplified { table in
      for scalar in text.unicodeScalars {
        defer { originalIndex += 1 }
        guard let folded = fold(scalar, simplified: table) else { continue }
        origins.append(originalIndex)
        appendUTF8(folded, to: &bytes)
      }
    }
    return NormalizedText(utf8: bytes, originalOffsets: origins, originalCount: Int(originalIndex))
  }

  /// The folded form of a term or phrase as a plain string.
  public static func fold(_ text: String) -> String {
    var view = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if let folded = fold(scalar) { view.append(folded) }
    }
    return String(view)
  }

  /// The folded scalar, or nil when the scalar is removed.
  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    withSimplified { fold(scalar, simplified: $0) }
  }

  /// Runs `body` with the simplification table, for loops that fold scalar after scalar without
  /// going through the lazily built global on every one.
  static func withSimplified<Result>(_ body: (UnsafeBufferPointer<Unicode.Scalar>) -> Result) -> Result {
    simplified.withUnsafeBufferPointer(body)
  }

  /// `fold(_:)` with the table of `withSimplified` passed in.
  @inline(__always)
  static func fold(_ scalar: Unicode.Scalar, simplified table: UnsafeBufferPointer<Unicode.Scalar>) -> Unicode.Scalar? {
    let value = scalar.value
    switch value {
    case 0x41...0x5A: return Unicode.Scalar(value + 0x20)
    case 0x00...0x7F: return scalar
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0xFEFF: return nil
    case 0x3000: return " "
    case 0x4E00...0x9FFF: return table[Int(value - 0x4E00)]
    case 0x3001...0x4DFF, 0xAC00...0xD7AF: return scalar
    case 0xFF01...0xFF5E:
      let half = value - 0xFEE0
      if (0x41...0x5A).contains(half) { return Unicode.Scalar(half + 0x20) }
      return Unicode.Scalar(half)
    default:
      guard scalar.properties.isUppercase else { return scalar }
      let lower = scalar.properties.lowercaseMapping.unicodeScalars
      guard lower.count == 1, let only = lower.first else { return scalar }
      return only
    }
  }

  /// Simplified forms of the CJK Unified Ideographs block (U+4E00–U+9FFF), from ICU's
  /// Traditional-Simplified transform (as `SimplifiedPairs`), built once; the identity where the
  /// transform keeps a character.
  private static let simplified: [Unicode.Scalar] = {
    var table = (UInt32(0x4E00)...UInt32(0x9FFF)).map { Unicode.Scalar($0) ?? " " }
    var pending: Unicode.Scalar?
    for scalar in SimplifiedPairs.text.unicodeScalars where scalar != "\n" {
      guard let traditional = pending else {
        pending = scalar
        continue
      }
      table[Int(traditional.value - 0x4E00)] = scalar
      pending = nil
    }
    return table
  }()

  private static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let value = scalar.value
    switch value {
    case 0..<0x80:
      bytes.append(UInt8(value))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | (value >> 6)))
      bytes.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | (value >> 12)))
      bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (value & 0x3F)))
    default:
      bytes.append(UInt8(0xF0 | (value >> 18)))
      bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (value & 0x3F)))
    }
  }
}

/// Text after `TextNormalizer`: its UTF-8 bytes and, for each of its scalars, the offset of the
/// scalar in the original text it came from.
public struct NormalizedText: Sendable, Hashable {
  /// The folded text as UTF-8.
  public var utf8: [UInt8]
  /// `originalOffsets[i]` is the original scalar offset of normalised scalar `i`.
  public var originalOffsets: [Int32]
  /// The number of scalars in the original text.
  public var originalCount: Int

  /// The number of scalars of the folded text.
  public var count: Int { originalOffsets.count }

  /// The folded text as a string.
  public var string: String { String(decoding: utf8, as: UTF8.self) }

  /// The original scalar range `[start, end)` covering normalised scalars `[start, end)`.
  public func originalRange(start: Int, end: Int) -> Range<Int> {
    guard start < end, start < originalOffsets.count else {
      let position = start < originalOffsets.count ? Int(originalOffsets[start]) : originalCount
      return position..<position
    }
    return Int(originalOffsets[start])..<(Int(originalOffsets[min(end, originalOffsets.count) - 1]) + 1)
  }

  /// For each byte offset `0...utf8.count`, the scalar offset that starts at or contains it.
  func scalarOffsetsByByte() -> [Int32] {
    var result = [Int32](repeating: 0, count: utf8.count + 1)
    var scalar: Int32 = -1
    for (index, byte) in utf8.enumerated() {
      if byte & 0xC0 != 0x80 { scalar += 1 }
      result[index] = scalar
    }
    result[utf8.count] = Int32(originalOffsets.count)
    return result
  }
}
