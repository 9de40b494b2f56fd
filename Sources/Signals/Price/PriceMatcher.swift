/// Links the amounts of one unit to a service and compares them with the price table.
///
/// Each amount that reads as a price (a currency written, or a price word such as 报价 or 一共 in
/// its clause: 日活十万 is a count) is linked to
/// the nearest service phrase of the same unit at most `near` characters away or, failing that,
/// to the service a caller found in an earlier unit. The pair is compared only when the period
/// written beside the amount fits the service's unit (`PriceWording`): none for a project, 每月
/// for a monthly service, and only when no `except` word stands in the amount's clause (定金三千 is a
/// deposit, not the price). The first far-below or far-above pair by
/// position wins; when there is none, the first pair that could not be compared (a currency
/// without a rate) is returned so the finding can say so.
struct PriceMatcher {
  let check: PriceCheck
  /// The rule's trigger, made from `check`, which knows the service of each of its patterns.
  let trigger: PriceTrigger
  let context: UnitMatchContext
  /// The normalised text of each pattern.
  let patterns: [String]

  /// The price pair chosen among `occurrences`, or nil when every linked amount lies in range.
  func best(in occurrences: [Occurrence], linked: ServicePrice? = nil) -> (candidate: MatchCandidate, comparison: PriceComparison)? {
    let services = serviceOccurrences(in: occurrences)
    let mentions = services.map(\.occurrence)
    let longestService = mentions.lazy.map(\.length).max() ?? 0
    let admitted = MoneyConstraint()
    var fallback: (candidate: MatchCandidate, comparison: PriceComparison)?
    let exceptWords = trigger.exceptWords
    for occurrence in occurrences {
      guard case .money(let index) = occurrence.source, admitted.admits(context.amounts[index]) else { continue }
      let amount = context.amounts[index]
      let parts: [Occurrence]
      let service: ServicePrice
      if let nearest = nearestService(to: occurrence, among: services, mentions: mentions, longest: longestService) {
        parts = [nearest.occurrence, occurrence]
        service = nearest.service
      } else if let linked, services.isEmpty {
        parts = [occurrence]
        service = linked
      } else {
        continue
      }
      let scalars = context.scalars
      guard PriceWording.isPrice(amount, start: occurrence.start, end: occurrence.end, in: scalars),
        PriceWording.fits(PriceWording.period(start: occurrence.start, end: occurrence.end, in: scalars), service.unit),
        PriceWording.exception(exceptWords, start: occurrence.start, end: occurrence.end, in: scalars) == nil
      else { continue }
      let comparison = PriceComparison(amount: amount, service: service, thresholds: check.thresholds, rates: check.rates)
      // The summary is written only for the pair returned.
      if comparison.isAnomalous { return (MatchCandidate(parts: parts, trace: CandidateTrace(comparison.summary)), comparison) }
      if comparison.verdict == .notCompared, fallback == nil {
        fallback = (MatchCandidate(parts: parts, trace: CandidateTrace(comparison.summary)), comparison)
      }
    }
    return fallback
  }

  /// The literal occurrences that name a service of the check, with the service.
  func serviceOccurrences(in occurrences: [Occurrence]) -> [(occurrence: Occurrence, service: ServicePrice)] {
    occurrences.compactMap { occurrence in
      guard occurrence.source == .literal, let service = trigger.service(of: occurrence.pattern, in: check, patterns: patterns)
      else { return nil }
      return (occurrence, service)
    }
  }

  /// The service phrase nearest to `amount` (then the first) at most `near` characters away and
  /// not overlapping it. `mentions` are the services' occurrences, sorted by start, none longer
  /// than `longest`, so only those starting within `near + longest` before the amount to `near`
  /// after it can be near: they are found by binary search (`Occurrence.starting(in:of:)`), and a
  /// unit with many amounts and services costs no more per amount than a short one.
  private func nearestService(
    to amount: Occurrence, among services: [(occurrence: Occurrence, service: ServicePrice)], mentions: [Occurrence],
    longest: Int
  ) -> (occurrence: Occurrence, service: ServicePrice)? {
    let window = Occurrence.starting(in: (amount.start - check.near - longest)..<(amount.end + check.near + 1), of: mentions)
    var best: (gap: Int, start: Int, index: Int)?
    for index in window.indices where !mentions[index].overlaps(amount) {
      let mention = mentions[index]
      let gap = max(amount.start - mention.end, mention.start - amount.end, 0)
      guard gap <= check.near else { continue }
      if let current = best, (current.gap, current.start) <= (gap, mention.start) { continue }
      best = (gap, mention.start, index)
    }
    return best.map { services[$0.index] }
  }
}
