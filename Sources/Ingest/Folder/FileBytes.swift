import Crypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads an evidence file read-only, without following a final symbolic link.
enum FileBytes {
  /// What reading produced.
  enum Contents {
    /// The whole file.
    case bytes([UInt8])
    /// The file is larger than the parse limit: only its hash and size.
    case tooLarge(sha256: String, size: Int)
  }

  /// Reads the file at `path`, or fails with the reason (`IngestError`).
  static func read(_ path: [UInt8], display: String, limit: Int) -> Result<Contents, IngestError> {
    let descriptor = FileSystem.withPath(path) { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
    guard descriptor >= 0 else {
      return .failure(.unreadable(path: display, reason: SystemError(code: errno).description))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(.unreadable(path: display, reason: SystemError(code: errno).description))
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      return .failure(.unreadable(path: display, reason: "not a regular file (\(FileSystem.kindName(info.st_mode & S_IFMT)))"))
    }
    let size = Int(info.st_size)
    if size > limit { return streamHash(descriptor, display: display, expected: size) }
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        FileSystem.readBytes(descriptor, into: buffer.baseAddress.map { $0 + filled }, count: size - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable(path: display, reason: SystemError(code: errno).description))
      }
      if count == 0 { break }
      filled += count
    }
    var probe: UInt8 = 0
    guard filled == size, FileSystem.readBytes(descriptor, into: &probe, count: 1) == 0 else {
      return .failure(.changedWhileReading(path: display))
    }
    return .success(.bytes(bytes))
  }

  /// The first `count` bytes of the file (fewer when it is shorter), or nil when it cannot be read.
  static func readPrefix(_ path: [UInt8], count: Int) -> [UInt8]? {
    let descriptor = FileSystem.withPath(path) { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    let read = bytes.withUnsafeMutableBytes { FileSystem.readBytes(descriptor, into: $0.baseAddress, count: count) }
    return read >= 0 ? Array(bytes.prefix(read)) : nil
  }

  /// Hashes a large file in 1 MiB chunks, keeping memory bounded.
  private static func streamHash(_ descriptor: Int32, display: String, expected: Int) -> Result<Contents, IngestError> {
    var hasher = SHA256()
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var total = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { FileSystem.readBytes(descriptor, into: $0.baseAddress, count: $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable(path: display, reason: SystemError(code: errno).description))
      }
      if count == 0 { break }
      hasher.update(data: buffer[0..<count])
      total += count
    }
    guard total == expected else { return .failure(.changedWhileReading(path: display)) }
    let hex = hasher.finalize().lowercaseHex
    return .success(.tooLarge(sha256: hex, size: total))
  }
}
