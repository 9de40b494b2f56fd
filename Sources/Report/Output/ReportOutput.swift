import Foundation

/// Writes a report's files to a report directory.
///
/// The directory is created when missing. An existing, non-empty directory is only written to
/// with `force` (the report files are then replaced; other files are left alone). A directory
/// inside the evidence folder is always refused: evidence is never modified.
public enum ReportOutput {
  /// Writes `formats` of `report` into `directory` (`index.html`, `findings.json`,
  /// `findings.csv`), each file atomically. `findings.json` is streamed to a temporary file
  /// beside it, which then replaces it.
  public static func write(
    _ report: CaseReport, to directory: URL, formats: Set<ReportFormat>, force: Bool
  ) throws(ReportError) {
    let target = resolvedPath(directory)
    if let evidence = report.evidenceFolder {
      let root = resolvedPath(evidence)
      if target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
        throw .insideEvidenceFolder(path: directory.path, evidence: evidence.path)
      }
    }
    try prepare(directory, force: force)
    for format in formats.sorted() {
      let file = directory.appendingPathComponent(format.fileName)
      let data: Data
      switch format {
      case .html: data = Data(HTMLReportWriter().render(report).utf8)
      case .json:
        try writeStreamed(report, to: file)
        continue
      case .csv: data = CSVReportWriter().render(report)
      }
      do {
        try data.write(to: file, options: .atomic)
      } catch {
        throw .cannotWrite(path: file.path, reason: error.localizedDescription)
      }
    }
  }

  /// Streams `findings.json` into a temporary file in the same directory and renames it over
  /// `file`, so a reader never sees a half-written report.
  private static func writeStreamed(_ report: CaseReport, to file: URL) throws(ReportError) {
    let partial = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).partial")
    do {
      try JSONReportWriter().write(report, to: partial)
    } catch {
      try? FileManager.default.removeItem(at: partial)
      throw .cannotWrite(path: file.path, reason: Self.reason(error))
    }
    guard rename(partial.path, file.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: partial)
      throw .cannotWrite(path: file.path, reason: reason)
    }
  }

  /// The human reason inside a write error.
  private static func reason(_ error: ReportError) -> String {
    if case .cannotWrite(_, let reason) = error { return reason }
    return error.description
  }

  /// Checks the directory may be written and creates it when missing.
  static func prepare(_ directory: URL, force: Bool) throws(ReportError) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw .notADirectory(path: directory.path) }
      let contents = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
      if !contents.isEmpty, !force { throw .directoryExists(path: directory.path) }
      return
    }
    do {
      try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreateDirectory(path: directory.path, reason: error.localizedDescription)
    }
  }

  /// The absolute path of `url` with symbolic links resolved, also for a path that does not
  /// exist yet: the longest existing ancestor is resolved and the rest appended.
  static func resolvedPath(_ url: URL) -> String {
    var existing = url.standardizedFileURL
    var rest: [String] = []
    while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
      rest.insert(existing.lastPathComponent, at: 0)
      existing = existing.deletingLastPathComponent()
    }
    var resolved = existing.resolvingSymlinksInPath()
    for component in rest { resolved.appendPathComponent(component) }
    return resolved.standardizedFileURL.path
  }
}
