import ArgumentParser
import Report
import Signals

extension MingjianCommand {
  /// `mingjian clauses`: list the clause catalogue.
  struct Clauses: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the clauses rules may cite, with instrument, point and verification level.",
      discussion: """
        Texts marked V1/V2 were verified against published sources and are quoted verbatim in \
        reports; others are cited by instrument and point only. neutral.* entries are analyst \
        factors (the neutral-help test), not law.
        """
    )

    @OptionGroup var lexiconOptions: LexiconOptions

    @Flag(help: "Also print each verbatim text.")
    var text = false

    func run() throws {
      let lexicon = try lexiconOptions.load()
      print(ClauseListing(catalogue: lexicon.clauses, includeText: text).text)
    }
  }
}
