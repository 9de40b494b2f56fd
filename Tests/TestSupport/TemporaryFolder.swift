import Foundation

/// A new, empty folder under the temporary directory that one test owns. The test removes it,
/// with everything written into it, by `defer { temporary.remove() }` right after making it, so
/// that running the tests leaves nothing behind in `$TMPDIR`. Every test target shares it
/// through the `TestSupport` target.
public struct TemporaryFolder: Sendable {
  /// The folder: `$TMPDIR/mingjian-<purpose>-<UUID>`.
  public let url: URL

  /// Makes the folder; `purpose` is part of its name, so a leftover tells which test made it.
  public init(_ purpose: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("mingjian-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Removes the folder and everything in it.
  public func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
