import Foundation

/// Encodes a value as pretty, key-sorted JSON text for `--json` outputs.
enum JSONText {
  /// The JSON text of `value`.
  static func render(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
