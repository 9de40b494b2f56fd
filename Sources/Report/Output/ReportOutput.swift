import Foundation

/// Writes a report's files to a report directory.
///
/// The directory is created when missing. An existing, non-empty directory is only written to
/// with `force`: the report files of the formats written are then replaced, and the files this
/// tool writes that the run does not (`index.html`, `findings.json`, `findings.csv` of formats
/// not asked for, and a `.<name>.partial` left by an interrupted write) are removed first, so
/// that no report of an earlier run stays beside the new one; other files are left alone. A
/// directory inside the evidence folder is always refused: evidence is never modified.
public enum ReportOutput {
  /// Writes `formats` of `report` into `directory` (`index.html`, `findings.json`,
  /// `findings.csv`), each file atomically. `findings.json` and `findings.csv` are streamed to a
  /// temporary file beside their name, which then replaces it. `index.html` shows the first
  /// `htmlLimit` findings of each clause (0: all; see `HTMLReportWriter`). A report from
  /// `ScanPipeline.runSpilling` can only be written in the formats its scan was asked for;
  /// another one is refused before anything is written. With `force`, the stale report files
  /// (`staleFiles(in:writing:)`) are removed before the new ones are written; returns their names.
  @discardableResult
  public static func write(
    _ report: CaseReport, to directory: URL, formats: Set<ReportFormat>, force: Bool,
    htmlLimit: Int = HTMLReportWriter.defaultFindingLimit
  ) throws(ReportError) -> [String] {
    try refuseInside(report.evidenceFolder, directory)
    if let spilled = report.spilled, let missing = formats.sorted().first(where: { !spilled.prepares($0) }) {
      throw .formatNotPrepared(path: directory.appendingPathComponent(missing.fileName).path, format: missing)
    }
    try prepare(directory, force: force)
    let removed = try removeStaleFiles(in: directory, writing: formats)
    for format in formats.sorted() {
      let file = directory.appendingPathComponent(format.fileName)
      switch format {
      case .html:
        do {
          try Data(HTMLReportWriter(findingLimit: htmlLimit).render(report).utf8).write(to: file, options: .atomic)
        } catch {
          throw .cannotWrite(path: file.path, reason: error.localizedDescription)
        }
      case .json: try writeStreamed(to: file) { (partial) throws(ReportError) in try JSONReportWriter().write(report, to: partial) }
      case .csv: try writeStreamed(to: file) { (partial) throws(ReportError) in try CSVReportWriter().write(report, to: partial) }
      }
    }
    return removed
  }

  /// The names of the files in `directory` that this tool writes and a run writing `formats` would
  /// not replace: the file of every other format, and the partial file of any format (left by a
  /// write that was interrupted). Only regular files count: a folder or a link of such a name is
  /// not this tool's. Sorted; empty when the directory does not exist.
  public static func staleFiles(in directory: URL, writing formats: Set<ReportFormat>) -> [String] {
    let names =
      ReportFormat.allCases.filter { !formats.contains($0) }.map(\.fileName)
      + ReportFormat.allCases.map { partialName(of: $0.fileName) }
    return names.filter { name in
      let path = directory.appendingPathComponent(name).path
      return (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }.sorted()
  }

  /// Removes `staleFiles(in:writing:)` from `directory`; returns their names.
  private static func removeStaleFiles(in directory: URL, writing formats: Set<ReportFormat>) throws(ReportError) -> [String] {
    let names = staleFiles(in: directory, writing: formats)
    for name in names {
      let file = directory.appendingPathComponent(name)
      do {
        try FileManager.default.removeItem(at: file)
      } catch {
        throw .cannotRemove(path: file.path, reason: error.localizedDescription)
      }
    }
    return names
  }

  /// The name of the temporary file a report file is streamed to before it replaces `name`.
  static func partialName(of name: String) -> String { ".\(name).partial" }

  /// Streams a file with `write` into a temporary file in the same directory and renames it over
  /// `file`, so a reader never sees a half-written report.
  private static func writeStreamed(
    to file: URL, _ write: (URL) throws(ReportError) -> Void
  ) throws(ReportError) {
    let partial = file.deletingLastPathComponent().appendingPathComponent(partialName(of: file.lastPathComponent))
    do {
      try write(partial)
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

  /// Refuses, before a scan of `evidence` starts, a report directory that `write` would refuse
  /// once the scan is done: one inside the evidence folder, a path to a file, or a non-empty
  /// directory without `force`. Creates nothing.
  public static func check(_ directory: URL, evidence: URL, force: Bool) throws(ReportError) {
    try refuseInside(evidence, directory)
    _ = try existingDirectoryMayBeWritten(directory, force: force)
  }

  /// Refuses a report directory inside the evidence folder: evidence is never modified.
  private static func refuseInside(_ evidence: URL?, _ directory: URL) throws(ReportError) {
    guard let evidence else { return }
    let target = resolvedPath(directory)
    let root = resolvedPath(evidence)
    if target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
      throw .insideEvidenceFolder(path: directory.path, evidence: evidence.path)
    }
  }

  /// Whether `directory` exists; refuses a file, and a non-empty directory without `force`.
  private static func existingDirectoryMayBeWritten(_ directory: URL, force: Bool) throws(ReportError) -> Bool {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return false }
    guard isDirectory.boolValue else { throw .notADirectory(path: directory.path) }
    let contents = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
    if !contents.isEmpty, !force { throw .directoryExists(path: directory.path) }
    return true
  }

  /// Checks the directory may be written and creates it when missing.
  static func prepare(_ directory: URL, force: Bool) throws(ReportError) {
    guard try !existingDirectoryMayBeWritten(directory, force: force) else { return }
    let manager = FileManager.default
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
