/// A failure to write a report.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The report directory exists and is not empty, and `--force` was not given.
  case directoryExists(path: String)
  /// The report directory is the evidence folder or inside it; evidence is never modified.
  case insideEvidenceFolder(path: String, evidence: String)
  /// The report path exists but is not a directory.
  case notADirectory(path: String)
  /// The report directory could not be created.
  case cannotCreateDirectory(path: String, reason: String)
  /// A report file could not be written.
  case cannotWrite(path: String, reason: String)
  /// A report file of an earlier run, which this run does not write, could not be removed.
  case cannotRemove(path: String, reason: String)
  /// The report's findings were spilled by a scan that was not asked for `format`, so none were
  /// rendered for it (see `SpilledFindings.formats`).
  case formatNotPrepared(path: String, format: ReportFormat)

  /// What went wrong, naming the path and what to do.
  public var description: String {
    switch self {
    case .directoryExists(let path):
      "report directory already exists and is not empty: \(path) (use --force to overwrite)"
    case .insideEvidenceFolder(let path, let evidence):
      "refusing to write the report to \(path): it is inside the evidence folder \(evidence), "
        + "and evidence is never modified; choose another output directory"
    case .notADirectory(let path):
      "report path exists and is not a directory: \(path)"
    case .cannotCreateDirectory(let path, let reason):
      "cannot create report directory \(path): \(reason)"
    case .cannotWrite(let path, let reason):
      "cannot write file \(path): \(reason)"
    case .cannotRemove(let path, let reason):
      "cannot remove \(path), a report file of an earlier run that this run does not write: \(reason); "
        + "remove it, or write the report to another directory"
    case .formatNotPrepared(let path, let format):
      "cannot write \(path): the scan was not asked for the \(format.rawValue) format, so it rendered no "
        + "findings for it; scan again with \(format.rawValue) among the formats"
    }
  }
}
