import Foundation

/// Tells a watcher how far a scan has got, file by file: `fileDone(done, total)` is called once
/// as each of the folder's `total` entries is finished, with how many are finished then, from
/// whichever worker thread finished it (so `done` runs 1…total, and calls may come in any order
/// of arrival but never with the same `done` twice). The CLI shows it on a terminal.
public struct ScanProgress: Sendable {
  /// Called after each entry with the number finished and the number of entries.
  public let fileDone: @Sendable (_ done: Int, _ total: Int) -> Void

  /// A progress watcher calling `fileDone` after each entry.
  public init(fileDone: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) {
    self.fileDone = fileDone
  }

  /// A counter of finished entries shared by the workers of one scan.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let progress: ScanProgress

    init(total: Int, progress: ScanProgress) {
      self.total = total
      self.progress = progress
    }

    /// Counts one more finished entry and tells the watcher (outside the lock).
    func finishOne() {
      lock.lock()
      done += 1
      let now = done
      lock.unlock()
      progress.fileDone(now, total)
    }
  }
}
