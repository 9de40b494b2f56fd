import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private copy of an evidence file kept while the file is read in pieces by a parser that
/// must see it more than once (see `PieceCarry`): the evidence is read and hashed once, and every
/// later reading reads back exactly the bytes that were hashed.
///
/// The copy is a temporary file readable by its owner only and unlinked as soon as it is
/// created, so it never has a name another process could open and it disappears when closed,
/// even if the scan is killed.
final class WorkingCopy {
  private let descriptor: Int32
  /// Why a write or read failed, once one has.
  private(set) var failure: String?

  /// Creates the copy in `directory`; nil when no file can be created there.
  init?(in directory: URL = FileManager.default.temporaryDirectory) {
    let path = directory.appendingPathComponent("mingjian-\(UUID().uuidString).part").path
    let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return nil }
    unlink(path)
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Appends `bytes`; false (with `failure` set) when they could not all be written.
  func append(_ bytes: [UInt8]) -> Bool {
    guard failure == nil else { return false }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        failure = count < 0 ? SystemError(code: errno).description : "nothing could be written"
        return false
      }
      written += count
    }
    return true
  }

  /// Goes back to the first byte, for the next reading.
  func rewind() {
    if failure == nil, lseek(descriptor, 0, SEEK_SET) < 0 { failure = SystemError(code: errno).description }
  }

  /// The next `count` bytes, or nil (with `failure` set) when they cannot all be read back.
  func read(count: Int) -> [UInt8]? {
    guard failure == nil else { return nil }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        FileSystem.readBytes(descriptor, into: buffer.baseAddress.map { $0 + filled }, count: count - filled)
      }
      if got < 0, errno == EINTR { continue }
      guard got > 0 else {
        failure = got < 0 ? SystemError(code: errno).description : "it ended after \(filled) of \(count) bytes"
        return nil
      }
      filled += got
    }
    return bytes
  }
}
