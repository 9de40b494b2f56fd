#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Random access to the bytes of a ZIP archive, whether they are in memory (a DOCX read as
/// evidence) or in a file of the evidence folder (a plain ZIP read in place).
protocol ZipByteSource {
  /// The archive's length in bytes.
  var size: Int { get }
  /// Exactly `count` bytes from `offset`, or nil when they lie (partly) past the end or cannot be read.
  func bytes(at offset: Int, count: Int) -> [UInt8]?
}

/// ZIP bytes already in memory.
struct ZipMemoryBytes: ZipByteSource {
  /// The whole archive.
  let storage: [UInt8]

  var size: Int { storage.count }

  func bytes(at offset: Int, count: Int) -> [UInt8]? {
    guard offset >= 0, count >= 0, offset <= storage.count, count <= storage.count - offset else { return nil }
    return Array(storage[offset..<offset + count])
  }
}

/// ZIP bytes read with `pread(2)` from a file opened read-only; the file is closed with the value.
final class ZipFileBytes: ZipByteSource {
  private let descriptor: Int32
  let size: Int

  /// Opens the file at `path` (file-system bytes) without following a final link; nil when it
  /// cannot be opened or is not a regular file.
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
  }

  deinit { close(descriptor) }

  func bytes(at offset: Int, count: Int) -> [UInt8]? {
    guard offset >= 0, count >= 0, offset <= size, count <= size - offset else { return nil }
    var buffer = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let read = buffer.withUnsafeMutableBytes { raw in
        pread(descriptor, raw.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
      }
      if read < 0 && errno == EINTR { continue }
      guard read > 0 else { return nil }
      filled += read
    }
    return buffer
  }
}

extension [UInt8] {
  /// The little-endian unsigned integer of `width` bytes at `offset` (the caller has checked the bounds).
  func littleEndian(at offset: Int, width: Int) -> UInt64 {
    var value: UInt64 = 0
    for index in (0..<width).reversed() { value = value << 8 | UInt64(self[offset + index]) }
    return value
  }
}
