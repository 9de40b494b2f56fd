/// The text of an evidence file in another encoding than UTF-8 (GB18030, UTF-16), decoded whole,
/// read in pieces as a UTF-8 file is, so that a large chat export in such an encoding holds its
/// text but never all its units and records at once. The hash and size it reports are those of
/// the file, taken when the file was read; the text cannot change, so every reading finds what
/// the first found.
final class DecodedTextPieces: PieceSource, PieceRereading {
  private var text: String
  private let sha256: String
  private let size: Int
  /// Where the next read starts, in the text's UTF-8.
  private var offset = 0

  /// Pieces of `text`, decoded from a file of `size` bytes whose SHA-256 is `sha256`.
  init(text: String, sha256: String, size: Int) {
    var contiguous = text
    contiguous.makeContiguousUTF8()
    self.text = contiguous
    self.sha256 = sha256
    self.size = size
  }

  func read(upTo count: Int) -> [UInt8] {
    let start = offset
    let end = min(start + max(count, 0), text.utf8.count)
    offset = end
    return text.withUTF8 { Array($0[start..<end]) }
  }

  var consumed: Int { size }
  var failure: String? { nil }
  var isAtEnd: Bool { offset >= text.utf8.count }
  var change: String? { nil }

  func finish() -> (sha256: String, change: String?) { (sha256, nil) }

  func rewind() { offset = 0 }

  func read(count: Int) -> [UInt8]? {
    let bytes = read(upTo: count)
    return bytes.count == count ? bytes : nil
  }

  func endReading() {}
}
