import Ingest

extension SignalScanner {
  /// A sieve for the chat parsers of a scan (see `UnitSieve`): a message passes when `scan` could
  /// evaluate a rule on it — its folded text holds a phrase some rule is indexed under and that
  /// rule may fire given the phrases present (`mayFire`), or a `price` rule is triggered
  /// (`PriceTrigger`; at the start of a run an amount passes as if a service had been named just
  /// before); on any other unit no rule is evaluated, so it yields no signal. Nil when every unit
  /// must be read whole: the lexicon has a rule with no required phrase (evaluated on every unit)
  /// or a `paragraph` or `document` rule (its joined text takes every unit), or a phrase that
  /// decides whether a rule may fire holds a line break (the sieve reads raw bodies, whose breaks
  /// may differ from the unit text's; a negation breaker such as `\n` decides nothing here).
  ///
  /// - Parameters:
  ///   - radius: messages built whole on either side of one that passes.
  ///   - minimumUnits: pieces of at most this many messages are not sieved.
  public func unitSieve(radius: Int, minimumUnits: Int) -> UnitSieve? {
    guard compiled.unconditionalRules.isEmpty, compiled.joinedScopeRules.isEmpty else { return nil }
    let decisive = compiled.rules.reduce(into: Set<Int>()) { $0.formUnion($1.match.decisivePatterns(regexAtoms: regexAtoms)) }
    guard !decisive.contains(where: { compiled.patterns[$0].utf8.contains { $0 == 0x0A || $0 == 0x0D } }) else { return nil }
    let tables = SieveTables(scanner: self)
    return UnitSieve(radius: radius, minimumUnits: minimumUnits) {
      let run = SieveRunStorage(SieveRun(tables: tables))
      return { body in run.passes(body) }
    }
  }
}

/// What the sieve reads for every message, built once per scan from the compiled lexicon.
private struct SieveTables: Sendable {
  let scanner: SignalScanner
  let automaton: ScalarAutomaton
  let presence: PresenceProgram
  /// `rulesByPattern` flattened: the rules of pattern `p` are `patternRules[patternStarts[p]..<patternStarts[p + 1]]`.
  let patternStarts: [Int32]
  let patternRules: [Int32]
  /// Per rule, the index of its trigger in `triggers`, or -1 for a rule that is not a price rule.
  let triggerOfRule: [Int32]
  let triggers: [PriceTrigger]

  init(scanner: SignalScanner) {
    self.scanner = scanner
    let compiled = scanner.compiled
    automaton = compiled.triggerAutomaton
    presence = compiled.presence
    var starts: [Int32] = [0]
    var rules: [Int32] = []
    for list in compiled.rulesByPattern {
      rules += list.map(Int32.init)
      starts.append(Int32(rules.count))
    }
    patternStarts = starts
    patternRules = rules
    var triggers: [PriceTrigger] = []
    triggerOfRule = compiled.rules.map { rule in
      guard let trigger = rule.priceTrigger else { return -1 }
      triggers.append(trigger)
      return Int32(triggers.count - 1)
    }
    self.triggers = triggers
  }
}

/// A `SieveRun` held for the closure a parser calls once per message: kept behind a pointer, as a
/// variable the closure captured would be checked for exclusive access at every call (about 1 %
/// of a scan's time). The closure is used on one thread (`UnitSieve.init`), so no two calls
/// overlap.
private final class SieveRunStorage {
  private let run: UnsafeMutablePointer<SieveRun>

  init(_ run: SieveRun) {
    self.run = .allocate(capacity: 1)
    self.run.initialize(to: run)
  }

  deinit {
    run.deinitialize(count: 1)
    run.deallocate()
  }

  func passes(_ body: UnsafeBufferPointer<UInt8>) -> Bool { run.pointee.passes(body) }
}

/// The sieve's test over one run of messages of a conversation, taken in order.
private struct SieveRun {
  let tables: SieveTables
  /// The patterns found in the current message.
  var found: StampedIDSet
  /// The leaves of the rules' presence programs that those patterns make present.
  var leaves: StampedIDSet
  /// The current message's position in the run.
  var position = -1
  /// Per trigger, the position of the latest message that named one of its services; -1 at
  /// first, as a service may have been named just before the run (in the piece before).
  var servicePositions: [Int]

  init(tables: SieveTables) {
    self.tables = tables
    found = StampedIDSet(capacity: tables.scanner.compiled.automaton.patternCount)
    leaves = StampedIDSet(capacity: tables.presence.leafCount)
    servicePositions = Array(repeating: -1, count: tables.triggers.count)
  }

  /// Whether `scan` could evaluate a rule on the next message, whose text is the UTF-8 `body`:
  /// a rule indexed under a pattern found may fire (`mayFire`, asked of the present leaves), or a price rule is triggered
  /// (`PriceTrigger`), counting a service named within the rule's `within` messages before.
  mutating func passes(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
    position += 1
    tables.automaton.patterns(inFoldingWellFormedUTF8: body, into: &found)
    var passes = false
    var leavesMarked = false
    for pattern in found.members {
      for slot in Int(tables.patternStarts[pattern])..<Int(tables.patternStarts[pattern + 1]) {
        let rule = Int(tables.patternRules[slot])
        let trigger = Int(tables.triggerOfRule[rule])
        if trigger >= 0 {
          if tables.triggers[trigger].namesService(found) {
            servicePositions[trigger] = position
            passes = true
          } else if position - servicePositions[trigger] <= tables.triggers[trigger].within,
            tables.triggers[trigger].mayLinkAmount(found)
          {
            passes = true
          }
        } else if !passes {
          if !leavesMarked {
            tables.presence.markLeaves(of: found, into: &leaves)
            leavesMarked = true
          }
          passes = tables.presence.mayFire(rule, givenLeaves: leaves)
        }
      }
    }
    return passes
  }
}
