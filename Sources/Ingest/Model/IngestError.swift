/// A failure that stops one file, or the whole scan, from being read.
///
/// Per-file failures never abort a scan: the walker turns them into a manifest entry with status
/// `error` and this error's description as the reason. Only a missing or unreadable evidence
/// *folder* is fatal.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The evidence folder does not exist or is not a folder.
  case folderNotFound(path: String)
  /// The file could not be opened or read (permissions, vanished while reading).
  case unreadable(path: String, reason: String)
  /// No supported text encoding decodes the file.
  case undecodable(path: String)
  /// The file is empty.
  case empty(path: String)
  /// The file changed while it was being read (size or hash differ between reads).
  case changedWhileReading(path: String)

  public var description: String {
    switch self {
    case .folderNotFound(let path): "evidence folder not found or not a folder: \(path)"
    case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
    case .undecodable(let path):
      "\(path): text is not valid UTF-8, UTF-16 or GB18030; the file may be binary or damaged"
    case .empty(let path): "\(path): file is empty"
    case .changedWhileReading(let path): "\(path): file changed while it was being read"
    }
  }
}
