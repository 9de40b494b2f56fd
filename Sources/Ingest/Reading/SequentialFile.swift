import Crypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular evidence file read front to back in blocks and hashed on the way, for files too large
/// to hold at once. Opened read-only without following a final symbolic link.
final class SequentialFile {
  private let file: OpenedFile
  private var hasher = SHA256()
  /// Bytes read so far.
  private(set) var consumed = 0
  /// Whether a read failed (the reason is in `failure`).
  private(set) var failure: String?
  /// Whether the end of the file was reached.
  private(set) var isAtEnd = false

  /// The file's size when it was opened.
  var size: Int { file.size }

  /// Opens the regular file at `path`, or nil when it cannot be opened as one (the caller then
  /// reads it the ordinary way, which reports why). `io` notices changes made while it is read.
  init?(path: [UInt8], io: FileIO) {
    guard let file = OpenedFile(path: path, io: io) else { return nil }
    self.file = file
  }

  /// Up to `count` further bytes (fewer at the end, none once the end is reached or a read failed).
  func read(upTo count: Int) -> [UInt8] {
    guard !isAtEnd, failure == nil, count > 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        FileSystem.readBytes(file.descriptor, into: buffer.baseAddress.map { $0 + filled }, count: count - filled)
      }
      if got < 0 {
        if errno == EINTR { continue }
        failure = SystemError(code: errno).description
        break
      }
      if got == 0 {
        isAtEnd = true
        break
      }
      filled += got
    }
    bytes.removeLast(count - filled)
    hasher.update(data: bytes)
    consumed += filled
    return bytes
  }

  /// Reads and hashes whatever is left, returning the file's SHA-256 (lower-case hex) and, when
  /// the file changed while it was read, what changed (`FileStatus.change(to:)`, or a byte count
  /// other than the size).
  func finish() -> (sha256: String, change: String?) {
    while !isAtEnd, failure == nil { _ = read(upTo: 1 << 20) }
    let sha256 = hasher.finalize().lowercaseHex
    if let change = file.change() { return (sha256, change) }
    return (sha256, consumed == size ? nil : "\(consumed) bytes read where \(size) were expected")
  }
}
