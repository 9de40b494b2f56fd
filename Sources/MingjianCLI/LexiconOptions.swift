import ArgumentParser
import Foundation
import Signals

/// The `--lexicons` option shared by the commands that load rule packs.
struct LexiconOptions: ParsableArguments {
  @Option(name: .long, help: "Folder of lexicon packs (YAML) and clauses.yml.")
  var lexicons: String = "lexicons"

  /// Loads the lexicon folder, printing every diagnostic (file:line:col) and exiting 2 on error.
  func load() throws -> LexiconSet {
    do {
      return try LexiconLoader.load(directory: URL(fileURLWithPath: lexicons))
    } catch {
      printError("mingjian: cannot load lexicons from \(lexicons):\n\(error)")
      throw ExitStatus.fatal
    }
  }
}
