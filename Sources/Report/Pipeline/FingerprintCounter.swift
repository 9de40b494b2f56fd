import Signals

/// Gives findings their ids, `FindingFingerprint.id` with occurrences counted in report order,
/// also for a document handed over in parts: the occurrence counts carry on from one call to the
/// next. Every scan assigns its ids with it (`FindingAssembler.assignIDs`, the spill).
///
/// It is the cheap path: each finding's fingerprint base is built once
/// into one string (the plain `FindingFingerprint` builds it twice, through several arrays), the
/// matched texts that are only ASCII and common CJK ideographs are normalised without the
/// Foundation NFKC round trip (they are their own NFKC form, so only ASCII letters are lowered
/// and ASCII whitespace dropped), the hash of a later occurrence goes on from the base's hash
/// instead of hashing a new string, and the id is written as bytes. The base stays bytes: it is
/// hashed and compared as they are, never made a string. The occurrences are counted by the
/// base's FNV hash, which the id needs anyway, not by the base itself: a string key is hashed
/// again, through its Unicode normalisation, and the base holds Chinese text. Two bases with one
/// hash are told apart by comparing them.
struct FingerprintCounter {
  /// Per base hash: the first base with that hash and its occurrences so far.
  private var seen: [UInt64: (base: [UInt8], count: Int)] = [:]
  /// Occurrences so far of the bases whose hash an earlier, different base has.
  private var collided: [[UInt8]: Int] = [:]

  /// The fingerprint id of `finding`, which follows every finding given an id before in report
  /// order. Inlined: the spill asks for ids of findings where they lie, and a call copied each.
  @inline(__always)
  mutating func id(for finding: Finding) -> String {
    let base = Self.baseBytes(rule: finding.rule, path: finding.path, parts: finding.parts)
    let hash = Self.hash(base, from: Self.fnvOffsetBasis)
    return Self.id(hash: hash, occurrence: occurrence(of: base, hash: hash))
  }

  /// Counts one more occurrence of `base`, whose hash is `hash`, and returns its number.
  private mutating func occurrence(of base: [UInt8], hash: UInt64) -> Int {
    guard let index = seen.index(forKey: hash) else {
      seen[hash] = (base, 1)
      return 1
    }
    if seen.values[index].base == base {
      seen.values[index].count += 1
      return seen.values[index].count
    }
    let count = (collided[base] ?? 0) + 1
    collided[base] = count
    return count
  }

  /// The same string as `FindingFingerprint.base(rule:path:matched:)` for the texts of `parts`.
  static func base(rule: String, path: String, parts: [MatchedPart]) -> String {
    String(decoding: baseBytes(rule: rule, path: path, parts: parts), as: UTF8.self)
  }

  /// The UTF-8 bytes of `base(rule:path:parts:)`, put together without making a string.
  private static func baseBytes(rule: String, path: String, parts: [MatchedPart]) -> [UInt8] {
    var capacity = rule.utf8.count + path.utf8.count + 2
    for part in parts { capacity += part.text.utf8.count + 1 }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(capacity)
    bytes += rule.utf8
    bytes.append(separator)
    bytes += path.utf8
    bytes.append(separator)
    for (position, part) in parts.enumerated() {
      if position > 0 { bytes.append(separator) }
      let start = bytes.count
      if !appendFolded(part.text, to: &bytes) {
        bytes.removeSubrange(start...)
        bytes += FindingFingerprint.normalise(part.text).utf8
      }
    }
    return bytes
  }

  /// Appends `text` normalised as `FindingFingerprint.normalise` does when each of its scalars
  /// is its own NFKC form (`isOwnNFKCForm`): only ASCII changes then, so the text is folded a
  /// byte at a time, its ideographs (three bytes, all 0x80 or above) copied as they are. False,
  /// with part of the text appended, at the first scalar that is not. The scalars are read from
  /// the bytes in the same pass, rather than decoded in a pass of their own.
  private static func appendFolded(_ text: String, to bytes: inout [UInt8]) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        if byte < 0x80 {
          guard isOwnNFKCForm(Unicode.Scalar(byte)) else { return false }
          if !isASCIIWhitespace(byte) { bytes.append(asciiLowercased(byte)) }
          index += 1
          continue
        }
        // Any scalar from U+0800 to U+FFFF takes three bytes, the first 0xE0 to 0xEF.
        guard byte & 0xF0 == 0xE0, index + 2 < utf8.count else { return false }
        let value = UInt32(byte & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
        guard let scalar = Unicode.Scalar(value), isOwnNFKCForm(scalar) else { return false }
        bytes.append(contentsOf: utf8[index..<index + 3])
        index += 3
      }
      return true
    }
  }

  /// The same string as `FindingFingerprint.id` for the finding whose base is `base`.
  static func id(base: String, occurrence: Int) -> String {
    id(hash: hash(base.utf8, from: fnvOffsetBasis), occurrence: occurrence)
  }

  /// The id of the finding whose base hashes to `baseHash`.
  private static func id(hash baseHash: UInt64, occurrence: Int) -> String {
    var hash = baseHash
    if occurrence > 1 {
      hash = Self.hash("#".utf8, from: hash)
      hash = Self.hash(String(occurrence).utf8, from: hash)
    }
    return String(unsafeUninitializedCapacity: 18) { bytes in
      bytes[0] = UInt8(ascii: "f")
      bytes[1] = UInt8(ascii: "-")
      for position in 0..<16 {
        let nibble = UInt8(truncatingIfNeeded: hash >> (60 - 4 * UInt64(position))) & 0x0F
        bytes[2 + position] = nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
      }
      return 18
    }
  }

  /// The separator of the base's parts, U+001F.
  private static let separator: UInt8 = 0x1F
  /// FNV-1a's 64-bit offset basis, the hash of no bytes.
  private static let fnvOffsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

  /// FNV-1a, 64 bit, of `bytes` continued from `hash` (as if they followed the bytes hashed so
  /// far), the same arithmetic as `FindingFingerprint.fnv1a64`.
  private static func hash(_ bytes: some Sequence<UInt8>, from hash: UInt64) -> UInt64 {
    var hash = hash
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// Whether `scalar` is printable ASCII, an ASCII whitespace, or a CJK unified ideograph of
  /// the basic block (U+4E00–U+9FFF): none of them changes under NFKC, none but the ASCII
  /// capitals changes when lower-cased, and only the ASCII whitespace among them is whitespace.
  private static func isOwnNFKCForm(_ scalar: Unicode.Scalar) -> Bool {
    (0x09...0x0D).contains(scalar.value) || (0x20...0x7E).contains(scalar.value)
      || (0x4E00...0x9FFF).contains(scalar.value)
  }

  /// Whether `byte` is one of the ASCII scalars with the Unicode White_Space property.
  private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// `byte` with an ASCII capital lowered.
  private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }
}
