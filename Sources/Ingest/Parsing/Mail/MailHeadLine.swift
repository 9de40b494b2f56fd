/// What one line of a file's head is to e-mail detection: the empty line ending the header block,
/// a folded continuation (opening with a space or tab), a field named by the text before its
/// first `:` (lower-cased; no space in it), or a line that is no field.
enum MailHeadLine: Equatable {
  case end
  case continuation
  case field(String)
  case notAField

  /// Reads a line from its characters.
  init(_ line: Substring) {
    if line.isEmpty {
      self = .end
    } else if line.first == " " || line.first == "\t" {
      self = .continuation
    } else if let colon = line.firstIndex(of: ":"), !line[..<colon].contains(" ") {
      self = .field(line[..<colon].lowercased())
    } else {
      self = .notAField
    }
  }

  /// Reads a line from its UTF-8 where the bytes settle it as `init(_:)` would: a line with no
  /// `:` byte, or whose bytes through its first `:` and the one after are ASCII (each byte then
  /// one character). Any other line is read from its characters (`line`).
  init(_ bytes: UnsafeBufferPointer<UInt8>, line: @autoclosure () -> Substring) {
    guard let lead = bytes.first else {
      self = .end
      return
    }
    if lead == 0x20 || lead == 0x09 {
      guard bytes.count == 1 || bytes[1] < 0x80 else {
        self = MailHeadLine(line())
        return
      }
      self = .continuation
      return
    }
    guard let colon = bytes.firstIndex(of: 0x3A) else {
      self = .notAField
      return
    }
    guard colon + 1 == bytes.count || bytes[colon + 1] < 0x80, !bytes[..<colon].contains(where: { $0 >= 0x80 }) else {
      self = MailHeadLine(line())
      return
    }
    let name = UnsafeBufferPointer(rebasing: bytes[..<colon])
    guard !name.contains(0x20) else {
      self = .notAField
      return
    }
    self = .field(String(decoding: name.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
  }
}
