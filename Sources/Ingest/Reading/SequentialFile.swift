import Crypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular evidence file read front to back in blocks and hashed on the way, for files too large
/// to hold at once. Opened read-only without following a final symbolic link.
final class SequentialFile {
  /// The file's size when it was opened.
  let size: Int
  private let descriptor: Int32
  private let modified: timespec
  private var hasher = SHA256()
  /// Bytes read so far.
  private(set) var consumed = 0
  /// Whether a read failed (the reason is in `failure`).
  private(set) var failure: String?
  /// Whether the end of the file was reached.
  private(set) var isAtEnd = false

  /// Opens the regular file at `path`, or nil when it cannot be opened as one (the caller then
  /// reads it the ordinary way, which reports why).
  init?(path: [UInt8]) {
    let descriptor = FileSystem.withPath(path) { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
    guard descriptor >= 0 else { return nil }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      return nil
    }
    self.descriptor = descriptor
    size = Int(info.st_size)
    modified = info.st_mtim
  }

  deinit { close(descriptor) }

  /// Up to `count` further bytes (fewer at the end, none once the end is reached or a read failed).
  func read(upTo count: Int) -> [UInt8] {
    guard !isAtEnd, failure == nil, count > 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        FileSystem.readBytes(descriptor, into: buffer.baseAddress.map { $0 + filled }, count: count - filled)
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

  /// Reads and hashes whatever is left, returning the file's SHA-256 (lower-case hex) and whether
  /// the file changed while it was read: a size or modification time other than at opening, or
  /// a byte count other than the size.
  func finish() -> (sha256: String, changed: Bool) {
    while !isAtEnd, failure == nil { _ = read(upTo: 1 << 20) }
    var info = stat()
    let stable =
      fstat(descriptor, &info) == 0 && Int(info.st_size) == size && info.st_mtim.tv_sec == modified.tv_sec
      && info.st_mtim.tv_nsec == modified.tv_nsec && consumed == size
    return (hasher.finalize().lowercaseHex, !stable)
  }
}
