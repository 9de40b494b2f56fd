import ArgumentParser

extension MingjianCommand.Lexicon {
  /// `mingjian lexicon terms`: print every literal term, one per line.
  struct Terms: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print every literal term the loaded rules match on, one per line.",
      discussion: "Used by scripts/bench as the pattern list for the ripgrep baseline."
    )

    @OptionGroup var lexiconOptions: LexiconOptions

    func run() throws {
      for term in try lexiconOptions.load().literalTerms { print(term) }
    }
  }
}
