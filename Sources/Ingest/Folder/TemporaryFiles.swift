import Foundation

/// The temporary files and folders a scan has made outside the evidence folder and not yet
/// removed: the UTF-8 copy of a GB18030, UTF-16 or Big5 export (`TranscodedCopy`), a PDF's copy
/// until it loses its name (`PDFTextReader`), the spill's folder until its file loses its name
/// (`FindingSpill`). A normal scan removes each as soon as it is done with it; an interrupted one
/// removes what is left with `removeAll`, so that no decoded evidence stays in `$TMPDIR`.
///
/// Safe to use from several threads. A file is made and registered under one lock, and
/// `removeAll` takes the same lock and refuses every later file, so that nothing made
/// concurrently escapes it.
public final class TemporaryFiles: @unchecked Sendable {
  /// The registry of the process, which the readers use unless told another.
  public static let shared = TemporaryFiles()

  private let lock = NSLock()
  private var registered: Set<String> = []
  private var sealed = false

  /// An empty registry.
  public init() {}

  /// The paths registered, sorted.
  public var paths: [String] {
    lock.lock()
    defer { lock.unlock() }
    return registered.sorted()
  }

  /// Runs `create`, which makes the file or folder at `path` and tells whether it did, and
  /// registers `path` when it did, both under the lock: `removeAll` runs before or after, never
  /// between. False, without running `create`, once `removeAll` has run.
  public func make(_ path: String, with create: () throws -> Bool) rethrows -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard !sealed, try create() else { return false }
    registered.insert(path)
    return true
  }

  /// Removes the file or folder at `path` (a folder with what it holds) and drops it.
  public func remove(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    try? FileManager.default.removeItem(atPath: path)
    registered.remove(path)
  }

  /// Drops `path` without touching it: it has been removed, or it has no name any more.
  public func forget(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    registered.remove(path)
  }

  /// Removes every registered file and folder and refuses any made afterwards (`make` returns
  /// false): how many were removed. For an interrupted scan, whose process ends next.
  @discardableResult
  public func removeAll() -> Int {
    lock.lock()
    defer { lock.unlock() }
    sealed = true
    let removed = registered.filter { (try? FileManager.default.removeItem(atPath: $0)) != nil }.count
    registered.removeAll()
    return removed
  }
}
