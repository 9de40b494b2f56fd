import Foundation

/// Where the lexicon packs are when `--lexicons` is not given: `lexicons/` in the current folder,
/// else the `lexicons/` folder of the checkout the running `mingjian` was built in (the
/// executable sits in `.build/…/release/` or `.build/…/debug/` below it), so that the README's
/// commands work from any folder.
enum LexiconFolder {
  /// The folder name looked for.
  static let name = "lexicons"

  /// The path to use: `lexicons` when the current folder has one, else the first `lexicons`
  /// folder holding `clauses.yml` among the executable's ancestors, else `lexicons` (whose
  /// absence the loader then reports).
  static func standard() -> String {
    if isFolder(name) { return name }
    var folder = executableURL().deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("clauses.yml").path) {
        return candidate.path
      }
      folder.deleteLastPathComponent()
    }
    return name
  }

  /// Whether `path` is an existing folder.
  static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  private static func executableURL() -> URL {
    (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
  }
}
