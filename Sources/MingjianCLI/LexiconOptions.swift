import ArgumentParser
import Foundation
import Signals

/// The `--lexicons` option shared by the commands that load rule packs.
struct LexiconOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "Folder of lexicon packs (YAML) and clauses.yml (default: ./lexicons, else the lexicons folder of the checkout mingjian was built in).")
  var lexicons: String?

  /// The folder the packs are loaded from.
  var folder: String { lexicons ?? LexiconFolder.standard() }

  /// How `folder` was chosen.
  var source: LexiconFolderError.Source { lexicons == nil ? .standard : .option }

  /// Loads the lexicon folder, printing every diagnostic (file:line:col) and exiting 2 on error.
  func load() throws -> LexiconSet {
    try Self.load(folder, source: source)
  }

  /// Loads the packs in `folder`, chosen as `source` says; prints why they cannot be loaded
  /// (every diagnostic as file:line:col) and exits 2 when they cannot.
  static func load(_ folder: String, source: LexiconFolderError.Source) throws -> LexiconSet {
    guard LexiconFolder.isFolder(folder) else {
      printError("mingjian: \(LexiconFolderError.notFound(path: folder, source: source))")
      throw ExitStatus.fatal
    }
    do {
      return try LexiconLoader.load(directory: URL(fileURLWithPath: folder))
    } catch {
      printError("mingjian: \(LexiconFolderError.unloadable(path: folder, details: "\(error)"))")
      throw ExitStatus.fatal
    }
  }
}
