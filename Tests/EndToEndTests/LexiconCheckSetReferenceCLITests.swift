import Foundation
import Testing

/// `lexicon check` on `$set` references inside term lists (Tests/Fixtures/lexicon-set-references):
/// a pack that builds sets from sets and names sets in its negation lists is clean; one naming a
/// set it does not define, or sets that refer to each other, fails with the file, the line, the
/// set or rule holding the reference and the reference.
@Suite struct LexiconCheckSetReferenceCLITests {
  static let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/lexicon-set-references")

  @Test func aPackBuildingSetsFromSetsChecksClean() throws {
    let folder = Self.fixtures.appendingPathComponent("valid").path
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", folder])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("2 rules in 1 packs: 0 failing"))
    let test = try CommandRunner.run(["lexicon", "test", "--lexicons", folder])
    #expect(test.status == 0 && test.stdout.hasSuffix("2 passed, 0 failed\n"), "\(test.stdout)")
  }

  @Test func anUnknownOrCircularReferenceFailsTheCheckNamingIt() throws {
    let folder = Self.fixtures.appendingPathComponent("broken")
    let file = folder.appendingPathComponent("broken.yml").path
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", folder.path])
    #expect(check.status != 0)
    for expected in [
      "\(file):8:21: error[lexicon.unknown-term-ref]: unknown term set '$logs' in term set '$evidence'",
      "\(file):10:15: error[lexicon.term-set-cycle]: term set '$wiped_too' is part of a cycle",
      "\(file):22:18: error[lexicon.unknown-term-ref]: unknown term set '$my_refusals' in negation refusals of rule 'broken.records'",
    ] {
      #expect(check.stderr.contains(expected), "\(check.stderr)")
    }
  }
}
