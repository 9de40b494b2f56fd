import ArgumentParser
import Foundation
import Signals

extension MingjianCommand.Lexicon {
  /// `mingjian lexicon new CASE_TYPE`: scaffold a pack for a new case type.
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create <id>.yml and <id>.test.txt for a new case type, ready to edit and test.",
      discussion: """
        The new pack holds one worked rule with three hit and three ok examples and an annotated \
        test file; both pass `mingjian lexicon test` as written. Replace the rule with your own, \
        keeping at least three hits and three everyday uses of the same words as ok examples.

        Example:
          mingjian lexicon new loan-fraud && mingjian lexicon test
        """
    )

    @Argument(help: "The pack id: lower-case ASCII words joined by dashes, e.g. loan-fraud.")
    var packID: String

    @Option(help: "Folder to write the pack into (default: as for the other commands' --lexicons).")
    var lexicons: String?

    func validate() throws {
      guard PackScaffold(packID: packID).isValidID else {
        throw ValidationError("pack id '\(packID)' must be lower-case ascii words joined by dashes")
      }
    }

    func run() throws {
      let folder = lexicons ?? LexiconFolder.standard()
      guard LexiconFolder.isFolder(folder) else {
        printError("mingjian: \(LexiconFolderError.notFound(path: folder, source: lexicons == nil ? .standard : .option))")
        throw ExitStatus.fatal
      }
      do {
        let written = try PackScaffold(packID: packID).write(into: URL(fileURLWithPath: folder))
        for url in written { print("wrote \(url.path)") }
      } catch {
        printError("mingjian: \(error)")
        throw ExitStatus.fatal
      }
    }
  }
}
