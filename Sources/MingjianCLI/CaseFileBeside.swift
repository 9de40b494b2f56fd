import Foundation
import Signals

/// The `case.yml` that `lexicon explain FILE:LINE` reads for the subjects, so that it gives the
/// speaker the role a scan of the evidence folder gives: the nearest `case.yml` in the folder
/// holding FILE or in a folder above it, up to the filesystem root. For a member of an archive
/// (`case.zip!/chats/a.txt`, also nested, `outer.zip!/inner.zip!/a.txt`) the search starts in the
/// folder holding the archive on disk: a `case.yml` inside an archive is evidence, never read
/// for the subjects (a scan reads only the one at the top of the folder it scans).
struct CaseFileBeside {
  /// The `case.yml` found.
  let url: URL
  /// What it says.
  let caseFile: CaseFile

  /// The nearest `case.yml` above the evidence file `path` (relative to the current folder, or
  /// absolute; archive members cited with `!/` or plain `/`), read; nil when there is none.
  static func find(for path: String) throws(CaseFileError) -> CaseFileBeside? {
    guard let folder = folder(for: path) else { return nil }
    guard let caseFile = try CaseFile.load(folder: folder) else { return nil }
    return CaseFileBeside(url: folder.appendingPathComponent(CaseFile.fileName), caseFile: caseFile)
  }

  /// The nearest folder at or above the one holding `path` that holds a `case.yml` file (not a
  /// folder of that name); nil when no folder up to the root does.
  static func folder(for path: String) -> URL? {
    let onDisk = path.replacingOccurrences(of: "!/", with: "/")
    var folder = URL(fileURLWithPath: onDisk).standardizedFileURL.deletingLastPathComponent()
    while true {
      var isDirectory: ObjCBool = false
      let candidate = folder.appendingPathComponent(CaseFile.fileName).path
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
        return folder
      }
      guard folder.pathComponents.count > 1 else { return nil }
      folder.deleteLastPathComponent()
    }
  }

  /// One line naming the subjects a scan of this folder with `extra` (`--subject`) values names,
  /// and where each comes from.
  func subjectsLine(adding extra: [String]) -> String {
    let own = caseFile.subjects
    let added = CaseFile.subjects(caseFile, adding: extra).filter { !own.contains($0) }
    let fromFile = own.isEmpty ? "none" : own.joined(separator: ", ")
    let fromOptions = added.isEmpty ? "" : "; \(added.joined(separator: ", ")) (--subject)"
    return "subjects: \(fromFile) (from \(url.path))\(fromOptions)"
  }
}
