extension QQHeader {
  /// `splitSender` of a sender whose every scalar is a character of its own that never joins
  /// the next (printable ASCII, CJK punctuation other than the tone marks, CJK ideographs,
  /// full-width ASCII), read from its bytes without grapheme breaking, which otherwise dominates
  /// reading an "export all" file; nil for any other sender, which `splitSenderByCharacter` reads.
  static func splitSimpleSender(_ sender: Substring) -> (title: String?, nickname: String, account: String?)? {
    sender.utf8.withContiguousStorageIfAvailable { bytes -> (title: String?, nickname: String, account: String?)? in
      guard isSimple(bytes) else { return nil }
      var rest = bytes[...]
      var title: String?
      let open: [UInt8] = [0xE3, 0x80, 0x90]
      let close: [UInt8] = [0xE3, 0x80, 0x91]
      if rest.starts(with: open), let end = firstIndex(of: close, in: rest.dropFirst(3)), end + 3 < rest.endIndex {
        title = text(rest[(rest.startIndex + 3)..<end])
        rest = rest[(end + 3)...]
      }
      if rest.last == 0x29, let start = rest.lastIndex(of: 0x28) {
        let inside = rest[(start + 1)..<(rest.endIndex - 1)]
        if inside.count >= 5, inside.allSatisfy({ (0x30...0x39).contains($0) }) {
          return (title, text(rest[..<start]), text(inside))
        }
      }
      if rest.last == 0x3E, let start = rest.lastIndex(of: 0x3C) {
        let inside = rest[(start + 1)..<(rest.endIndex - 1)]
        if inside.contains(0x40), !inside.contains(0x20), firstIndex(of: [0xE3, 0x80, 0x80], in: inside) == nil {
          return (title, text(rest[..<start]), text(inside))
        }
      }
      return (title, text(rest), nil)
    } ?? nil
  }

  /// Whether every scalar of the UTF-8 `bytes` is printable ASCII or a three-byte scalar in
  /// U+3000–U+3029, U+3030–U+303F, U+4E00–U+9FFF or U+FF01–U+FF5E: none of these extends,
  /// prefixes or joins another scalar, so each is a character of its own.
  private static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        guard lead >= 0x20, lead <= 0x7E else { return false }
        index += 1
        continue
      }
      guard lead & 0xF0 == 0xE0, index + 2 < bytes.count else { return false }
      let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
      guard (0x3000...0x3029).contains(scalar) || (0x3030...0x303F).contains(scalar)
        || (0x4E00...0x9FFF).contains(scalar) || (0xFF01...0xFF5E).contains(scalar)
      else { return false }
      index += 3
    }
    return true
  }

  /// The index where `needle` first starts in `bytes`, or nil.
  private static func firstIndex(of needle: [UInt8], in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    return (bytes.startIndex...(bytes.endIndex - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
  }

  /// The text of `bytes`, whole scalars of a valid UTF-8 sender.
  private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
  }
}
