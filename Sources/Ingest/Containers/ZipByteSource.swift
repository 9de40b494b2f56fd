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
  /// How the bytes changed since they were opened (`size went from … to … bytes`), or nil.
  func change() -> String?
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

  func change() -> String? { nil }
}

/// ZIP bytes read with `pread(2)` from a file opened read-only; the file is closed with the value.
final class ZipFileBytes: ZipByteSource {
  private let file: OpenedFile

  var size: Int { file.size }

  /// Opens the file at `path` (file-system bytes) without following a final link; nil when it
  /// cannot be opened or is not a regular file. `io` notices changes made while it is read.
  init?(path: [UInt8], io: FileIO) {
    guard let file = OpenedFile(path: path, io: io) else { return nil }
    self.file = file
  }

  func change() -> String? { file.change() }

  func bytes(at offset: Int, count: Int) -> [UInt8]? {
    guard offset >= 0, count >= 0, offset <= size, count <= size - offset else { return nil }
    var buffer = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let read = buffer.withUnsafeMutableBytes { raw in
        pread(file.descriptor, raw.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
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
