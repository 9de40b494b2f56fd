import ArgumentParser

extension MingjianCommand {
  /// `mingjian lexicon …`: work on the rule packs.
  struct Lexicon: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Test and inspect lexicon packs.",
      subcommands: [Test.self, Check.self, Explain.self, New.self, Terms.self]
    )
  }
}
