#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `fstat(2)` says about an open file, as far as telling whether it changed: its type, size,
/// modification time and status-change time (which no tool can set back), to the nanosecond.
struct FileStatus: Sendable, Equatable {
  /// The file-type bits (`S_IFMT`).
  var type: mode_t
  /// Size in bytes.
  var size: Int
  /// Last modification of the contents.
  var modified: FileTime
  /// Last change of the contents or metadata.
  var statusChanged: FileTime

  /// The status of the open file `descriptor`, or nil (with `errno` set) when it cannot be had.
  static func of(_ descriptor: Int32) -> FileStatus? {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    return status(info)
  }

  private static func status(_ info: stat) -> FileStatus {
    #if canImport(Darwin)
      let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
    #else
      let (modified, changed) = (info.st_mtim, info.st_ctim)
    #endif
    return FileStatus(
      type: info.st_mode & S_IFMT, size: Int(info.st_size), modified: FileTime(modified), statusChanged: FileTime(changed))
  }

  /// The status of the file at `path` without following a final link, or nil.
  static func at(_ path: [UInt8]) -> FileStatus? {
    var info = stat()
    guard FileSystem.withPath(path, { lstat($0, &info) }) == 0 else { return nil }
    return status(info)
  }

  /// Why the file is no longer the one first seen (size or times differ), or nil when it is.
  func change(to later: FileStatus) -> String? {
    if later.size != size { return "size went from \(size) to \(later.size) bytes" }
    if later.modified != modified { return "modification time changed" }
    if later.statusChanged != statusChanged { return "status-change time changed" }
    return nil
  }
}

/// A file time as the system gives it: seconds since 1970 and nanoseconds (kept apart, so that a
/// far-future date set on a file cannot overflow).
struct FileTime: Sendable, Equatable {
  /// Whole seconds since 1970-01-01 UTC.
  var seconds: Int64
  /// Nanoseconds within the second.
  var nanoseconds: Int64

  /// The time in `time`.
  init(_ time: timespec) {
    seconds = Int64(time.tv_sec)
    nanoseconds = Int64(time.tv_nsec)
  }

  /// A time from its parts.
  init(seconds: Int64, nanoseconds: Int64) {
    self.seconds = seconds
    self.nanoseconds = nanoseconds
  }
}

/// The `fstat(2)` call the reader uses to notice a file changing while it is read; tests replace
/// it to simulate a change without timing races.
struct FileIO: Sendable {
  /// The status of an open file descriptor.
  var status: @Sendable (Int32) -> FileStatus?

  /// The real system call.
  static let system = FileIO(status: FileStatus.of)
}
