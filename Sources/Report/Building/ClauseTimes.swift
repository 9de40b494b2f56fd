import Ingest
import Signals

/// When the findings counted for one clause were said: the span of all of them and, per speaker
/// role, their number and span. Spans are ordered by instant; of equal instants the lower bound
/// keeps the one met first in report order and the upper bound the one met last.
struct ClauseTimes: Sendable {
  /// The earliest and the latest time of some findings, kept as two bounds that are replaced in
  /// place (a `ClosedRange` is rebuilt, and its times copied, for every time added).
  struct Bounds: Sendable {
    private(set) var earliest: ChatTime
    private(set) var latest: ChatTime

    /// The bounds of `time` alone.
    init(_ time: ChatTime) {
      earliest = time
      latest = time
    }

    /// The bounds as a span.
    var span: ClosedRange<ChatTime> { earliest...latest }

    /// Stretches the bounds to hold `time`, which follows the times added before in report
    /// order, as `min(earliest, time)...max(latest, time)` does: a time at the latest instant
    /// replaces it, one at the earliest instant does not.
    mutating func widen(by time: ChatTime) {
      if time < earliest { earliest = time }
      if !(time < latest) { latest = time }
    }

    /// Stretches the bounds to hold `later`, the bounds of times that follow these in report
    /// order, as `widen` does each of its bounds.
    mutating func join(_ later: Bounds) {
      if later.earliest < earliest { earliest = later.earliest }
      if !(later.latest < latest) { latest = later.latest }
    }
  }

  /// The findings of one role: how many, and the bounds of those that carry a time.
  struct RoleTally: Sendable {
    var findings = 0
    var bounds: Bounds?

    /// Adds `later`, the tally of findings that follow these in report order; a tally without
    /// findings has no bounds either, and adds nothing.
    mutating func merge(_ later: RoleTally) {
      guard later.findings > 0 else { return }
      findings += later.findings
      ClauseTimes.join(&bounds, later.bounds)
    }
  }

  /// The bounds of every timed finding, whatever its role.
  private var allBounds: Bounds?
  private var subject = RoleTally()
  private var counterpart = RoleTally()
  private var thirdParty = RoleTally()
  private var unknown = RoleTally()

  /// The span of every timed finding, whatever its role.
  var all: ClosedRange<ChatTime>? { allBounds?.span }

  /// Counts a finding of `role` said at `time` (nil when it carries none).
  @inline(__always)
  mutating func add(role: SpeakerRole, time: ChatTime?) {
    switch role {
    case .subject: Self.count(&subject, time: time)
    case .counterpart: Self.count(&counterpart, time: time)
    case .thirdParty: Self.count(&thirdParty, time: time)
    case .unknown: Self.count(&unknown, time: time)
    }
    if let time { Self.widen(&allBounds, by: time) }
  }

  /// Adds `later`, counted from findings that all follow these in report order. Each tally is
  /// changed in place.
  mutating func merge(_ later: ClauseTimes) {
    Self.join(&allBounds, later.allBounds)
    subject.merge(later.subject)
    counterpart.merge(later.counterpart)
    thirdParty.merge(later.thirdParty)
    unknown.merge(later.unknown)
  }

  /// The roles with findings, in `ClauseRoleSpan.roleOrder`.
  var byRole: [ClauseRoleSpan] {
    ClauseRoleSpan.roleOrder.compactMap { role in
      let tally = self.tally(of: role)
      return tally.findings > 0
        ? ClauseRoleSpan(role: role, findings: tally.findings, timeSpan: tally.bounds?.span) : nil
    }
  }

  private func tally(of role: SpeakerRole) -> RoleTally {
    switch role {
    case .subject: subject
    case .counterpart: counterpart
    case .thirdParty: thirdParty
    case .unknown: unknown
    }
  }

  /// Counts one more finding in `tally`, said at `time`.
  @inline(__always)
  private static func count(_ tally: inout RoleTally, time: ChatTime?) {
    tally.findings += 1
    if let time { widen(&tally.bounds, by: time) }
  }

  /// Stretches `bounds` to hold `time` (makes them the bounds of `time` alone when there are none).
  private static func widen(_ bounds: inout Bounds?, by time: ChatTime) {
    if bounds == nil {
      bounds = Bounds(time)
    } else {
      bounds?.widen(by: time)
    }
  }

  /// Stretches `earlier` to hold `later`, the bounds of findings that follow in report order.
  private static func join(_ earlier: inout Bounds?, _ later: Bounds?) {
    guard let later else { return }
    if earlier == nil {
      earlier = later
    } else {
      earlier?.join(later)
    }
  }
}
