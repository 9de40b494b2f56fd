import ArgumentParser

/// A FILE:LINE argument: the path of an evidence file and a 1-based line in it.
struct EvidenceLocation {
  /// The file's path, as given.
  let path: String
  /// The line, from 1.
  let line: Int

  /// Parses `text` (`FILE:LINE`, split at the last colon); a usage error when it has no colon or
  /// the line is not a number from 1.
  init(_ text: String) throws {
    guard let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]), line >= 1 else {
      throw ValidationError("expected FILE:LINE with LINE a line number from 1, got '\(text)'")
    }
    self.path = String(text[..<colon])
    self.line = line
  }
}
