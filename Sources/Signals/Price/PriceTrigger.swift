/// What a `price` rule needs in a unit to do anything there, as pattern ids: a service phrase of
/// its check (it then compares an amount in the unit, or records the service for the units
/// after), or — with `within` — an amount, which it compares only when a unit at most `within`
/// units before it in the conversation named a service. A unit with neither gives no signal and
/// records nothing, so it need not be evaluated.
struct PriceTrigger: Sendable {
  /// The patterns of the check's service phrases.
  let services: [Int]
  /// The patterns every amount holds one of (a currency or magnitude word: `MoneyExtractor.unitAtoms`).
  let amountAtoms: [Int]
  /// How many units back a named service counts (0: only in the same unit).
  let within: Int
  /// The check's `except` words as scalars, made once for the rule rather than for each unit.
  let exceptWords: [[Unicode.Scalar]]
  /// For each pattern known when the rule was compiled (its own phrases among them), the index
  /// in the check's `services` of the service its phrase names, or -1: a service looked up by
  /// phrase compares the phrase with every service's every term, as strings.
  private let serviceIndexByPattern: [Int32]

  init(_ check: PriceCheck, table: inout PatternTable) {
    services = check.terms.map { table.id($0) }
    amountAtoms = MoneyExtractor.unitAtoms.map { table.id($0) }
    within = check.within
    exceptWords = check.except.map { Array($0.unicodeScalars) }
    var firstService: [String: Int] = [:]
    for (index, service) in check.services.enumerated() {
      for term in service.terms where firstService[term] == nil { firstService[term] = index }
    }
    serviceIndexByPattern = table.patterns.map { Int32(firstService[$0] ?? -1) }
  }

  /// The service of `check` (the check the trigger was made from) that the phrase of `pattern`
  /// names: `check.service(named: patterns[pattern])`, read from the table made at compile time.
  func service(of pattern: Int, in check: PriceCheck, patterns: [String]) -> ServicePrice? {
    guard pattern >= 0, pattern < serviceIndexByPattern.count else { return check.service(named: patterns[pattern]) }
    let index = Int(serviceIndexByPattern[pattern])
    return index < 0 ? nil : check.services[index]
  }

  /// Whether a service phrase of the check is among `found`.
  func namesService(_ found: borrowing StampedIDSet) -> Bool {
    for pattern in services where found.contains(pattern) { return true }
    return false
  }

  /// Whether an amount found in the unit could be linked to a service named before it: the rule
  /// links (`within` > 0) and an amount's unit word is among `found`.
  func mayLinkAmount(_ found: borrowing StampedIDSet) -> Bool {
    guard within > 0 else { return false }
    for pattern in amountAtoms where found.contains(pattern) { return true }
    return false
  }
}
