import Foundation
import Ingest

/// The stable identity of a finding, kept across re-runs and line shifts.
///
/// The fingerprint is FNV-1a (64 bit) over the rule id, the document path and the normalised
/// matched text. It is an identifier, not a security hash: it only has to be stable and to spread
/// well. When the same rule matches the same text several times in one document, the later
/// occurrences add their ordinal (`#2`, `#3`, …) to the hashed text so every id stays unique.
public enum FindingFingerprint {
  /// The id of a finding: `f-` followed by 16 lower-case hex digits.
  /// - Parameters:
  ///   - rule: the rule id.
  ///   - path: the document's relative path.
  ///   - matched: the original texts of the matched parts.
  ///   - occurrence: 1 for the first finding with this rule, path and text in document order,
  ///     2 for the second, and so on.
  /// - Returns: `f-` and the fingerprint as 16 lower-case hex digits.
  public static func id(rule: String, path: String, matched: [String], occurrence: Int = 1)
    -> String
  {
    var input = base(rule: rule, path: path, matched: matched)
    if occurrence > 1 { input += "#\(occurrence)" }
    let hex = String(fnv1a64(input), radix: 16)
    return "f-" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The text hashed for the first occurrence: rule, path and normalised matched text separated
  /// by U+001F (unit separator), which never occurs in ids or normalised text.
  static func base(rule: String, path: String, matched: [String]) -> String {
    let text = matched.map(normalise).joined(separator: "\u{1F}")
    return [rule, path, text].joined(separator: "\u{1F}")
  }

  /// Folds width and compatibility forms (NFKC), lower-cases Latin and drops whitespace, so that
  /// `ＵＳＤＴ` and `usdt` fingerprint alike.
  static func normalise(_ text: String) -> String {
    let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
    return String(
      String.UnicodeScalarView(
        folded.unicodeScalars.filter {
          !$0.isWhitespaceScalar
        }))
  }

  /// FNV-1a, 64 bit, over the UTF-8 bytes of `text`.
  static func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}
