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

  init(_ check: PriceCheck, table: inout PatternTable) {
    services = check.terms.map { table.id($0) }
    amountAtoms = MoneyExtractor.unitAtoms.map { table.id($0) }
    within = check.within
  }

  /// Whether a service phrase of the check is among `found`.
  func namesService(_ found: StampedIDSet) -> Bool { services.contains(where: found.contains) }

  /// Whether an amount found in the unit could be linked to a service named before it: the rule
  /// links (`within` > 0) and an amount's unit word is among `found`.
  func mayLinkAmount(_ found: StampedIDSet) -> Bool { within > 0 && amountAtoms.contains(where: found.contains) }
}
