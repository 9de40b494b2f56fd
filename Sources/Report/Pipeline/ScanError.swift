import Ingest

/// A failure of a scan that spills its findings to disk (`ScanPipeline.runSpilling`).
public enum ScanError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The evidence folder could not be read.
  case ingest(IngestError)
  /// The temporary spill file could not be created, written or read.
  case spill(path: String, reason: String)

  /// What went wrong, naming the path.
  public var description: String {
    switch self {
    case .ingest(let error): error.description
    case .spill(let path, let reason):
      "cannot keep the findings in the temporary file \(path): \(reason) "
        + "(set TMPDIR to a folder with free space outside the evidence folder)"
    }
  }
}
