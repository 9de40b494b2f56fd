#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular evidence file opened read-only without following a final symbolic link, with its
/// status at opening so that a change made while it is read can be told; closed with the value.
final class OpenedFile {
  /// The open file descriptor.
  let descriptor: Int32
  /// The file's size when it was opened.
  let size: Int
  private let opened: FileStatus
  private let io: FileIO

  /// Opens the file at `path` (file-system bytes); nil when it cannot be opened or is not a
  /// regular file (the ordinary read then reports why). `io` is the `fstat` used to notice changes.
  init?(path: [UInt8], io: FileIO) {
    let descriptor = FileSystem.withPath(path) { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
    guard descriptor >= 0 else { return nil }
    guard let status = io.status(descriptor), status.type == S_IFREG else {
      close(descriptor)
      return nil
    }
    self.descriptor = descriptor
    self.io = io
    opened = status
    size = status.size
  }

  deinit { close(descriptor) }

  /// How the file changed since it was opened (`size went from … to … bytes`), or nil.
  func change() -> String? {
    guard let now = io.status(descriptor) else { return "it can no longer be examined" }
    return opened.change(to: now)
  }
}
