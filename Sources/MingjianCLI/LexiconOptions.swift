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

  /// Loads the lexicon folder, printing every diagnostic (file:line:col) and exiting 2 on error.
  func load() throws -> LexiconSet {
    let folder = folder
    guard LexiconFolder.isFolder(folder) else {
      printError(
        "mingjian: no lexicon folder at \(folder): run mingjian from the repository's root or name the packs' folder with --lexicons")
      throw ExitStatus.fatal
    }
    do {
      return try LexiconLoader.load(directory: URL(fileURLWithPath: folder))
    } catch {
      printError("mingjian: cannot load lexicons from \(folder):\n\(error)")
      throw ExitStatus.fatal
    }
  }
}
