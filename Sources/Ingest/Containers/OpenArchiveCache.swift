import Foundation

/// ZIP archives nested in an archive of the evidence folder, kept open in memory after one of
/// their members is read, so that reading the members of one inner archive one after another
/// decompresses and opens it once rather than once per member (for 1,000 members that is the
/// difference between seconds and a minute).
///
/// Together the kept archives hold at most `capacity` bytes (the parse limit); the least recently
/// used go first. An archive is kept under the path of the file on disk, that file's status when
/// it was opened (so a file that has since changed is never served from memory) and the members
/// leading to it. Only the kept archives' member table and bytes are used after they are opened,
/// both read-only, so they are shared between threads.
final class NestedArchiveCache: @unchecked Sendable {
  /// Which nested archive: the file on disk as it was, and the members leading to the archive.
  struct Key: Equatable {
    /// The archive file's path.
    let systemPath: [UInt8]
    /// The archive file's status when it was opened.
    let fileStatus: FileStatus?
    /// The members leading from the file to the nested archive, the last being the archive.
    let chain: [String]
  }

  private struct Slot {
    let key: Key
    let container: ZipContainer
    let size: UInt64
  }

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

  /// Keeps `container` (`size` bytes) under `key`, dropping the least recently used archives to
  /// stay within the capacity; an archive larger than the capacity is not kept.
  func keep(_ container: ZipContainer, size: UInt64, for key: Key) {
    guard size <= capacity else { return }
    lock.lock()
    defer { lock.unlock() }
    slots.removeAll { $0.key == key }
    slots.append(Slot(key: key, container: container, size: size))
    var total = slots.reduce(0) { $0 + $1.size }
    while total > capacity, !slots.isEmpty {
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
