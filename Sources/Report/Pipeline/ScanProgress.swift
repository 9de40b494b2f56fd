import Foundation

/// Tells a watcher how far a scan has got: called from the worker threads as each file is
/// finished and as each piece of a file is read, with the scan's `Status` then. The CLI shows
/// it on a terminal.
public struct ScanProgress: Sendable {
  /// How far a scan has got.
  public struct Status: Sendable, Equatable {
    /// The files (folder entries) finished, of `files`.
    public var filesDone: Int
    public var files: Int
    /// The bytes of evidence read so far: each piece's, or each whole file's (a file that had to
    /// be read twice counts twice; an archive member counts its own, uncompressed, size).
    public var bytesRead: Int
  }

  /// Called with the status after each file finished and each piece read.
  public let update: @Sendable (Status) -> Void

  /// A progress watcher calling `update`.
  public init(update: @escaping @Sendable (Status) -> Void) {
    self.update = update
  }

  /// The status of one scan, shared by its workers.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Status
    private let progress: ScanProgress

    init(files: Int, progress: ScanProgress) {
      status = Status(filesDone: 0, files: files, bytesRead: 0)
      self.progress = progress
    }

    /// Counts one more finished entry and tells the watcher (outside the lock).
    func finishOne() {
      change { $0.filesDone += 1 }
    }

    /// Counts `bytes` more bytes read and tells the watcher.
    func read(bytes: Int) {
      guard bytes > 0 else { return }
      change { $0.bytesRead += bytes }
    }

    private func change(_ body: (inout Status) -> Void) {
      lock.lock()
      body(&status)
      let now = status
      lock.unlock()
      progress.update(now)
    }
  }
}
