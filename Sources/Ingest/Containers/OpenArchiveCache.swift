import Foundation

/// ZIP archives of the evidence folder, and ZIPs nested in them, kept open after one of their
/// members is read, so that reading the members of one archive one after another opens it (and
/// for a nested one, decompresses it) once rather than once per member: opening lists every
/// member, so reading n members each through a fresh open costs n² (4,000 members of one ZIP
/// took 200 CPU seconds).
///
/// Together the kept nested archives hold at most `capacity` bytes in memory (the parse limit;
/// an archive on disk counts 0 bytes but keeps a file open), and at most `maxCount` archives are
/// kept; the least recently used go first. An archive is kept under the path of the file on
/// disk, that file's status when it was looked up (so a file that has since changed is never
/// served from the cache) and the members leading to it. After opening, only a kept archive's
/// member table and bytes are used (`pread` for a file), all read-only, so they are shared
/// between threads.
final class OpenArchiveCache: @unchecked Sendable {
  /// Which nested archive: the file on disk as it was, and the members leading to the archive.
  struct Key: Equatable {
    /// The archive file's path.
    let systemPath: [UInt8]
    /// The archive file's status when it was looked up.
    let fileStatus: FileStatus
    /// The members leading from the file to the nested archive, the last being the archive;
    /// empty for the archive file itself.
    let chain: [String]
  }

  private struct Slot {
    let key: Key
    let container: ZipContainer
    let size: UInt64
  }

  /// The most archives kept at once (each on disk keeps a file descriptor open).
  static let maxCount = 8

  private let lock = NSLock()
  private let capacity: UInt64
  /// Least recently used first.
  private var slots: [Slot] = []

  /// An empty cache holding up to `capacity` bytes of archives.
  init(capacity: Int) {
    self.capacity = UInt64(max(0, capacity))
  }

  /// The archive kept under `key`, if any (it becomes the most recently used).
  func container(_ key: Key) -> ZipContainer? {
    lock.lock()
    defer { lock.unlock() }
    guard let index = slots.firstIndex(where: { $0.key == key }) else { return nil }
    let slot = slots.remove(at: index)
    slots.append(slot)
    return slot.container
  }

  /// Keeps `container` (`size` bytes in memory) under `key`, dropping the least recently used
  /// archives to stay within the capacity and `maxCount`; one larger than the capacity is not kept.
  func keep(_ container: ZipContainer, size: UInt64, for key: Key) {
    guard size <= capacity else { return }
    lock.lock()
    defer { lock.unlock() }
    slots.removeAll { $0.key == key }
    slots.append(Slot(key: key, container: container, size: size))
    var total = slots.reduce(0) { $0 + $1.size }
    while total > capacity || slots.count > Self.maxCount, !slots.isEmpty {
      total -= slots.removeFirst().size
    }
  }

  /// How many archives are kept.
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return slots.count
  }
}
