import Foundation
import Testing
import TestSupport

/// Every subcommand finds the packs the same way (`--lexicons DIR`, else `./lexicons`, else the
/// checkout's), and a missing folder is named with how it was given.
@Suite(.serialized) struct LexiconFolderCLITests {
  /// The last line of a `lexicon test` run.
  static func summary(_ outcome: CommandRunner.Outcome) -> String {
    outcome.stdout.split(separator: "\n").last.map(String.init) ?? ""
  }

  @Test func lexiconTestFindsTheCheckoutsPacksFromAnotherFolder() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let elsewhere = temporary.url
    let result = try CommandRunner.run(["lexicon", "test"], in: elsewhere)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(Self.summary(result).range(of: #"^\d+ passed, 0 failed$"#, options: .regularExpression) != nil)
  }

  @Test func lexiconTestTakesTheLexiconsOptionLikeTheOtherCommands() throws {
    let temporary = try TemporaryFolder("e2e")
    defer { temporary.remove() }
    let elsewhere = temporary.url
    let named = try CommandRunner.run(["lexicon", "test", "--lexicons", RepositoryPaths.lexicons.path], in: elsewhere)
    #expect(named.status == 0, "stderr: \(named.stderr)")
    let positional = try CommandRunner.run(["lexicon", "test", RepositoryPaths.lexicons.path], in: elsewhere)
    #expect(positional.status == 0, "stderr: \(positional.stderr)")
    #expect(Self.summary(named) == Self.summary(positional))
  }

  @Test func aMissingFolderIsNamedWithHowItWasGiven() throws {
    let option = try CommandRunner.run(["lexicon", "test", "--lexicons", "/nonexistent"])
    #expect(option.status == 2)
    #expect(
      option.stderr == "mingjian: no lexicon folder at /nonexistent (named with --lexicons): check the path\n",
      "stderr: \(option.stderr)")
    let argument = try CommandRunner.run(["lexicon", "test", "/nonexistent"])
    #expect(argument.status == 2)
    #expect(argument.stderr.contains("no lexicon folder at /nonexistent (named as a FOLDER argument)"))
    for command in [["scan", "corpus/demo", "-o", "/tmp/unused-\(UUID().uuidString)"], ["lexicon", "check"], ["clauses"]] {
      let result = try CommandRunner.run(command + ["--lexicons", "/nonexistent"])
      #expect(result.status == 2)
      #expect(result.stderr.contains("no lexicon folder at /nonexistent (named with --lexicons)"), "\(command)")
    }
  }

  /// A FILE:LINE whose LINE is not a number is a usage error of `lexicon explain`, shown with its
  /// usage, not the root command's.
  @Test func explainsUsageErrorShowsExplainsUsage() throws {
    let result = try CommandRunner.run(["lexicon", "explain", "--rule", "tech.pay-offbook", "file.txt:abc"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("expected FILE:LINE with LINE a line number from 1, got 'file.txt:abc'"))
    #expect(result.stderr.contains("Usage: mingjian lexicon explain"), "stderr: \(result.stderr)")
    #expect(!result.stderr.contains("mingjian <subcommand>"))
  }
}
