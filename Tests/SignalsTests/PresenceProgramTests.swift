import Foundation
import Testing

@testable import Signals

/// `PresenceProgram`: the flat programs answer "may this rule fire given the patterns found"
/// exactly as the recursive reading of the expression does (`PresenceReference`), on hand-written
/// expressions, on seeded random ones, and on every rule of the project's lexicons.
@Suite struct PresenceProgramTests {
  static let regexAtoms: [[Int]?] = [[3, 4], nil, [], [9]]

  static func found(_ patterns: [Int], capacity: Int = 16) -> StampedIDSet {
    var set = StampedIDSet(capacity: capacity)
    for pattern in patterns { set.insert(pattern) }
    return set
  }

  static func answers(_ condition: CompiledExpression, _ patterns: [Int]) -> Bool {
    PresenceProgram(conditions: [condition], regexAtoms: regexAtoms).mayFire(0, given: found(patterns))
  }

  @Test func leavesNeedOneOfTheirPatternsOrNothingWhenTheyHaveNoAtoms() {
    let money = MoneyConstraint(minFen: 100)
    #expect(Self.answers(.term(pattern: 2), [2]))
    #expect(!Self.answers(.term(pattern: 2), [1, 3]))
    #expect(Self.answers(.termSet(name: "s", patterns: [1, 5]), [5]))
    #expect(!Self.answers(.termSet(name: "s", patterns: [1, 5]), [2]))
    #expect(Self.answers(.money(money, atoms: [6, 7]), [7]))
    #expect(!Self.answers(.money(money, atoms: [6, 7]), [1]))
    #expect(Self.answers(.money(money, atoms: nil), []))
    #expect(!Self.answers(.money(money, atoms: []), [1]))
    #expect(Self.answers(.regex(0), [4]))
    #expect(!Self.answers(.regex(0), [9]))
    #expect(Self.answers(.regex(1), []))
    #expect(!Self.answers(.regex(2), [3]))
  }

  @Test func operatorsCountTheirItems() {
    let near = NearConstraint(within: 5)
    let nested = CompiledExpression.all(
      [.any([.term(pattern: 1), .term(pattern: 2)]), .atLeast(2, [.term(pattern: 3), .regex(3), .term(pattern: 5)], near: nil)],
      near: near)
    #expect(Self.answers(nested, [2, 3, 9]))
    #expect(!Self.answers(nested, [2, 3]))
    #expect(!Self.answers(nested, [3, 5, 9]))
    #expect(Self.answers(.atLeast(3, [.term(pattern: 1), .term(pattern: 2), .regex(1)], near: nil), [1, 2]))
    #expect(!Self.answers(.atLeast(3, [.term(pattern: 1), .term(pattern: 2)], near: nil), [1, 2]))
    #expect(Self.answers(.count(.term(pattern: 4), min: 3), [4]))
    let sequence = CompiledExpression.sequence(first: .term(pattern: 1), then: .term(pattern: 2), window: SequenceWindow(messages: 3))
    #expect(Self.answers(sequence, [2]))
    #expect(!Self.answers(sequence, [3]))
    #expect(Self.answers(.all([], near: nil), []))
    #expect(!Self.answers(.any([]), [1]))
  }

  @Test func answersAsTheRecursiveReadingOnSeededRandomExpressions() {
    var random = SplitMix64(seed: 0x4D49_4E47)
    let conditions = (0..<600).map { _ in Self.randomExpression(depth: 4, &random) }
    let program = PresenceProgram(conditions: conditions, regexAtoms: Self.regexAtoms)
    var leaves = StampedIDSet(capacity: program.leafCount)
    var disagreements = 0
    var trues = 0
    for trial in 0..<60 {
      let density = [0.1, 0.3, 0.6][trial % 3]
      let found = Self.found((0..<16).filter { _ in random.chance(density) })
      program.markLeaves(of: found, into: &leaves)
      for (rule, condition) in conditions.enumerated() {
        let expected = PresenceReference.mayMatch(condition, found, regexAtoms: Self.regexAtoms)
        if program.mayFire(rule, given: found) != expected { disagreements += 1 }
        if program.mayFire(rule, givenLeaves: leaves) != expected { disagreements += 1 }
        if expected { trues += 1 }
      }
    }
    #expect(disagreements == 0)
    #expect(trues > 3_000 && trues < 33_000)
  }

  @Test func answersAsTheRecursiveReadingOnEveryProjectRule() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let lexicon = CompiledLexicon(try LexiconLoader.load(directory: root.appendingPathComponent("lexicons")))
    let atoms = lexicon.regexes.map(\.atoms)
    var random = SplitMix64(seed: 2872)
    var found = StampedIDSet(capacity: lexicon.patterns.count)
    var leaves = StampedIDSet(capacity: lexicon.presence.leafCount)
    var disagreements = 0
    var answers: Set<Bool> = []
    for (index, rule) in lexicon.rules.enumerated() {
      let decisive = Array(rule.match.decisivePatterns(regexAtoms: atoms)).sorted()
      for trial in 0..<24 {
        found.removeAll()
        let density = [0.2, 0.5, 0.8][trial % 3]
        for pattern in decisive where random.chance(density) { found.insert(pattern) }
        let expected = PresenceReference.mayMatch(rule.match, found, regexAtoms: atoms)
        if lexicon.presence.mayFire(index, given: found) != expected { disagreements += 1 }
        lexicon.presence.markLeaves(of: found, into: &leaves)
        if lexicon.presence.mayFire(index, givenLeaves: leaves) != expected { disagreements += 1 }
        answers.insert(expected)
      }
    }
    #expect(lexicon.rules.count > 50)
    #expect(disagreements == 0)
    #expect(answers == [false, true])
  }

  /// A random expression over patterns 0..<16 and the regexes of `regexAtoms`.
  static func randomExpression(depth: Int, _ random: inout SplitMix64) -> CompiledExpression {
    let leafOnly = depth == 0 || random.chance(0.35)
    let money = MoneyConstraint(minFen: 1)
    if leafOnly {
      switch random.below(5) {
      case 0: return .term(pattern: random.below(16))
      case 1: return .termSet(name: "s", patterns: Set((0..<random.below(4)).map { _ in random.below(16) }))
      case 2:
        let atoms: [Int]? = random.chance(0.3) ? nil : (0..<random.below(3)).map { _ in random.below(16) }
        return .money(money, atoms: atoms)
      case 3: return .regex(random.below(regexAtoms.count))
      default: return .term(pattern: random.below(16))
      }
    }
    let items = (0..<random.below(5)).map { _ in randomExpression(depth: depth - 1, &random) }
    switch random.below(5) {
    case 0: return .any(items)
    case 1: return .all(items, near: random.chance(0.5) ? NearConstraint(within: 4) : nil)
    case 2: return .atLeast(random.below(items.count + 2), items, near: nil)
    case 3: return .count(randomExpression(depth: depth - 1, &random), min: 2)
    default:
      return .sequence(
        first: randomExpression(depth: depth - 1, &random), then: randomExpression(depth: depth - 1, &random),
        window: SequenceWindow(messages: 5))
    }
  }
}

/// The presence reading of an expression, written as the recursion it is defined by, for the
/// tests to compare the flat programs with.
enum PresenceReference {
  static func mayMatch(_ expression: CompiledExpression, _ present: StampedIDSet, regexAtoms: [[Int]?]) -> Bool {
    switch expression {
    case .term(let pattern): return present.contains(pattern)
    case .termSet(_, let patterns): return patterns.contains(where: present.contains)
    case .any(let items): return items.contains { mayMatch($0, present, regexAtoms: regexAtoms) }
    case .all(let items, _): return items.allSatisfy { mayMatch($0, present, regexAtoms: regexAtoms) }
    case .atLeast(let count, let items, _):
      return items.lazy.filter { mayMatch($0, present, regexAtoms: regexAtoms) }.prefix(count).count >= count
    case .money(_, let atoms): return atoms.map { $0.contains(where: present.contains) } ?? true
    case .regex(let id): return regexAtoms[id].map { $0.contains(where: present.contains) } ?? true
    case .count(let inner, _): return mayMatch(inner, present, regexAtoms: regexAtoms)
    case .sequence(let first, let then, _):
      return mayMatch(first, present, regexAtoms: regexAtoms) || mayMatch(then, present, regexAtoms: regexAtoms)
    case .not: return true
    }
  }
}

/// A small seeded generator (SplitMix64), so random cases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A number in `0..<bound` (0 when `bound` is 0).
  mutating func below(_ bound: Int) -> Int { bound == 0 ? 0 : Int(next() % UInt64(bound)) }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }
}
