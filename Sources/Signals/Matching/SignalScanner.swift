import Ingest

/// Runs every rule of a lexicon over evidence documents.
///
/// All literal phrases of all rules (terms, regex atoms and negation vocabulary) are compiled
/// once into one Aho–Corasick automaton. Each unit is folded and run through it in one pass
/// without copying; the rules indexed under the phrases found are kept only when their
/// expression can match with those phrases (`PresenceProgram`), and only units with such a rule (or one
/// with no required literal) are normalised, scanned again for positions, and evaluated. `sequence` rules pair a unit with an
/// earlier unit of the same conversation.
public struct SignalScanner: Sendable {
  let compiled: CompiledLexicon
  /// The literal atoms of each regex (nil when it has none).
  let regexAtoms: [[Int]?]

  /// Compiles the lexicon.
  public init(lexicon: LexiconSet) {
    compiled = CompiledLexicon(lexicon)
    regexAtoms = compiled.regexes.map(\.atoms)
  }

  /// Scans every unit of the document; returns active and suppressed signals (those with
  /// `suppressedReason` set), sorted by line, then rule id.
  ///
  /// `subjects` are speaker names (exact match after trimming; a speaker id also matches) that
  /// designate the subject(s); see `SpeakerRoles` for how roles decide which rules count.
  public func scan(_ document: EvidenceDocument, subjects: Set<String>) -> [Signal] {
    var scan = DocumentScan(scanner: self, subjects: subjects)
    return scan.next(document)
  }

  /// The signals of unit `index` of `units`. Most units contain no pattern any rule is indexed
  /// under; for them this is one pass of the automaton over the text read in place, with no
  /// allocation and no copy of the unit.
  func scan(
    _ units: UnsafeBufferPointer<TextUnit>, index: Int, path: String, roles: SpeakerRoles,
    sequences: inout SequenceTracker, scratch: inout UnitScratch
  ) -> [Signal] {
    let conversation = compiled.hasSequences ? units[index].conversation ?? path : ""
    let ordinal = compiled.hasSequences ? sequences.advance(conversation, by: units[index].span) : 0
    // Messages the sieve left unread hold no text, and a sieve exists only when no rule fires
    // without a phrase: they count in their conversation and yield nothing.
    guard units[index].kind != .elided else { return [] }
    compiled.triggerAutomaton.patterns(inFolding: units[index].text, into: &scratch.found)
    guard !scratch.found.isEmpty || !compiled.unconditionalRules.isEmpty else { return [] }
    scratch.candidates.removeAll()
    for rule in compiled.unconditionalRules { scratch.candidates.insert(rule) }
    for pattern in scratch.found.members {
      for rule in compiled.rulesByPattern[pattern] { scratch.candidates.insert(rule) }
    }
    guard !scratch.candidates.isEmpty else { return [] }
    scratch.candidates.sortMembers()
    var rules: [CompiledRule] = []
    for candidate in scratch.candidates.members {
      let rule = compiled.rules[candidate]
      if let trigger = rule.priceTrigger {
        guard
          trigger.namesService(scratch.found)
            || trigger.mayLinkAmount(scratch.found)
              && sequences.services.mention(
                rule: rule.rule.id, conversation: conversation, before: ordinal, within: trigger.within) != nil
        else { continue }
      } else if !mayFire(candidate, given: scratch.found) {
        continue
      }
      rules.append(rule)
    }
    guard !rules.isEmpty else { return [] }
    return evaluate(
      rules, on: units[index], index: index, path: path, conversation: conversation, ordinal: ordinal, roles: roles,
      sequences: &sequences)
  }

  /// Whether rule `rule` (an index into `compiled.rules`, indexed under one of the patterns
  /// `found` in a unit) other than a `price` rule is to be evaluated on the unit: when its
  /// expression can match with those patterns. A price rule's test is its `PriceTrigger`.
  @inline(__always)
  func mayFire(_ rule: Int, given found: StampedIDSet) -> Bool {
    compiled.presence.mayFire(rule, given: found)
  }

  /// The signals of `candidates` (in rule order: rules whose expression may match the unit, and
  /// price rules) on a unit, for those whose speaker constraint counts the unit (sequence rules
  /// check it themselves).
  private func evaluate(
    _ candidates: [CompiledRule], on unit: TextUnit, index: Int, path: String, conversation: String, ordinal: Int,
    roles: SpeakerRoles, sequences: inout SequenceTracker
  ) -> [Signal] {
    let role = roles.role(of: unit)
    let rules = candidates.filter { $0.isSequence || roles.admits($0.rule.speaker, kind: unit.kind, role: role) }
    guard !rules.isEmpty else { return [] }
    let normalized = TextNormalizer.normalize(unit.text)
    let hits = compiled.automaton.scan(normalized.utf8)
    var context = UnitMatchContext(
      text: unit.text, normalized: normalized, hits: hits, lengths: compiled.automaton.patternLengths)
    if unit.attributes[TextUnit.forwardedFromAttribute] != nil { context.markWhollyForwarded() }
    if rules.contains(where: { $0.usesMoney }) { context.extractAmounts() }
    let regexes = rules.reduce(into: Set<Int>()) { $0.formUnion($1.regexes) }
    if !regexes.isEmpty { context.runRegexes(regexes, compiled: compiled.regexes) }

    var signals: [Signal] = []
    for rule in rules {
      let evaluation = RuleEvaluation(rule: rule, context: context, lexicon: compiled)
      if rule.isPriceRule {
        signals += evaluation.priceSignals(
          unit: unit, index: index, path: path, role: role, counts: roles.admits(rule.rule.speaker, kind: unit.kind, role: role),
          conversation: conversation, ordinal: ordinal, mentions: &sequences.services)
        continue
      }
      guard let sequence = rule.sequence else {
        if let signal = evaluation.signal(unit: unit, index: index, path: path, role: role) { signals.append(signal) }
        continue
      }
      let event = SequenceTracker.Event(unit: unit, ordinal: ordinal)
      // The earlier event is looked up first: without one, the `then` event is not evaluated.
      if roles.admits(rule.rule.speaker, kind: unit.kind, role: role),
        let earlier = sequences.earlier(rule: rule.rule.id, conversation: conversation, before: event, window: sequence.window),
        let then = evaluation.outcome(of: sequence.then)
      {
        let related = RelatedUnit(path: path, line: earlier.event.unit.line, endLine: earlier.event.unit.endLine, role: "earlier")
        signals.append(
          evaluation.signal(
            from: then, unit: unit, index: index, path: path, role: role, related: [related],
            tracePrefix: "sequence(first \(earlier.trace) @L\(earlier.event.unit.line), then) "))
      }
      if let first = evaluation.outcome(of: sequence.first), first.suppressedReason == nil {
        sequences.record(rule: rule.rule.id, conversation: conversation, event: event, trace: first.trace)
      }
    }
    return signals
  }
}

/// One document scanned a piece at a time (a large file read in pieces): the conversation state
/// that sequence and price rules carry from unit to unit lasts across the pieces, so the signals
/// are those of a scan of the whole document — except `scope: document` rules, which join the
/// units of one piece.
public struct DocumentScan {
  private let scanner: SignalScanner
  private let roles: SpeakerRoles
  private var sequences = SequenceTracker()
  private var scratch: UnitScratch

  /// Starts a scan; `subjects` as in `SignalScanner.scan(_:subjects:)`.
  public init(scanner: SignalScanner, subjects: Set<String>) {
    self.scanner = scanner
    roles = SpeakerRoles(subjects: subjects)
    scratch = UnitScratch(compiled: scanner.compiled)
  }

  /// Whose words `unit` holds, as the signals on it say (`SpeakerRoles`).
  public func role(of unit: TextUnit) -> SpeakerRole {
    roles.role(of: unit)
  }

  /// Whether any subject is named: without one every role is `unknown`.
  public var namesSubjects: Bool { !roles.subjects.isEmpty }

  /// The signals of the next piece of the document (its units follow those of earlier pieces),
  /// sorted by line, then rule id; `unitIndex` counts within `piece`.
  public mutating func next(_ piece: EvidenceDocument) -> [Signal] {
    var signals: [Signal] = []
    let path = piece.path
    // Units are read in place through the buffer: an element passed on would be copied first.
    piece.units.withUnsafeBufferPointer { units in
      for index in units.indices {
        let found = scanner.scan(
          units, index: index, path: path, roles: roles, sequences: &sequences, scratch: &scratch)
        if !found.isEmpty { signals += found }
      }
    }
    signals += scanner.scanJoinedScopes(piece, roles: roles)
    // Sorted in place and compared field by field: `sorted` would copy every signal first, and a
    // tuple of the fields copies the rule id for each comparison.
    signals.sort { lhs, rhs in
      if lhs.line != rhs.line { return lhs.line < rhs.line }
      if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
      return lhs.unitIndex < rhs.unitIndex
    }
    return signals
  }
}

/// The buffers one document's scan reuses unit after unit.
struct UnitScratch {
  /// The patterns found in the unit.
  var found: StampedIDSet
  /// The rules indexed under them (and the unconditional rules).
  var candidates: StampedIDSet

  init(compiled: CompiledLexicon) {
    found = StampedIDSet(capacity: compiled.automaton.patternCount)
    candidates = StampedIDSet(capacity: compiled.rules.count)
  }
}

/// Remembers, per rule and conversation, the latest unit that matched a sequence's `first`.
struct SequenceTracker {
  /// A unit and its position in its conversation.
  struct Event {
    var unit: TextUnit
    var ordinal: Int
  }

  /// The services named per price rule and conversation (see `ServiceMentions`).
  var services = ServiceMentions()
  /// The unit counts of the conversations other than `current`.
  private var ordinals: [String: Int] = [:]
  /// The conversation of the latest unit and its count (consecutive units mostly share one).
  private var current: (conversation: String, count: Int)?
  private var firsts: [String: [String: (event: Event, trace: String)]] = [:]

  /// Counts `span` more units in the conversation (one unit, or a run of elided messages) and
  /// returns the ordinal of the last.
  mutating func advance(_ conversation: String, by span: Int) -> Int {
    if let latest = current, latest.conversation == conversation {
      current = (conversation, latest.count + span)
      return latest.count + span
    }
    if let latest = current { ordinals[latest.conversation] = latest.count }
    let next = (ordinals[conversation] ?? 0) + span
    current = (conversation, next)
    return next
  }

  mutating func record(rule: String, conversation: String, event: Event, trace: String) {
    firsts[rule, default: [:]][conversation] = (event, trace)
  }

  /// The latest recorded first event of the rule in the conversation within the window.
  func earlier(rule: String, conversation: String, before event: Event, window: SequenceWindow) -> (
    event: Event, trace: String
  )? {
    guard let found = firsts[rule]?[conversation], found.event.ordinal < event.ordinal else { return nil }
    if let messages = window.messages, event.ordinal - found.event.ordinal > messages { return nil }
    if let seconds = window.seconds, let then = event.unit.time, let first = found.event.unit.time,
      then.epochSeconds - first.epochSeconds > seconds
    {
      return nil
    }
    return found
  }
}
