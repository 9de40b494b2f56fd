import Ingest
import Signals

/// When the findings counted for one clause were said: the span of all of them and, per speaker
/// role, their number and span. Spans are ordered by instant; of equal instants the lower bound
/// keeps the one met first in report order and the upper bound the one met last.
struct ClauseTimes: Sendable {
  /// The findings of one role: how many, and the span of those that carry a time.
  struct RoleTally: Sendable {
    var findings = 0
    var span: ClosedRange<ChatTime>?

    /// Adds `later`, the tally of findings that follow these in report order; a tally without
    /// findings has no span either, and adds nothing.
    mutating func merge(_ later: RoleTally) {
      guard later.findings > 0 else { return }
      findings += later.findings
      if later.span != nil { span = ClauseTimes.joined(span, later.span) }
    }
  }

  /// The span of every timed finding, whatever its role.
  private(set) var all: ClosedRange<ChatTime>?
  private var subject = RoleTally()
  private var counterpart = RoleTally()
  private var thirdParty = RoleTally()
  private var unknown = RoleTally()

  /// Counts a finding of `role` said at `time` (nil when it carries none).
  @inline(__always)
  mutating func add(role: SpeakerRole, time: ChatTime?) {
    switch role {
    case .subject: Self.count(&subject, time: time)
    case .counterpart: Self.count(&counterpart, time: time)
    case .thirdParty: Self.count(&thirdParty, time: time)
    case .unknown: Self.count(&unknown, time: time)
    }
    if let time { Self.widen(&all, by: time) }
  }

  /// Adds `later`, counted from findings that all follow these in report order. Each tally is
  /// changed in place, and a span only when `later` has one.
  mutating func merge(_ later: ClauseTimes) {
    if later.all != nil { all = Self.joined(all, later.all) }
    subject.merge(later.subject)
    counterpart.merge(later.counterpart)
    thirdParty.merge(later.thirdParty)
    unknown.merge(later.unknown)
  }

  /// The roles with findings, in `ClauseRoleSpan.roleOrder`.
  var byRole: [ClauseRoleSpan] {
    ClauseRoleSpan.roleOrder.compactMap { role in
      let tally = self.tally(of: role)
      return tally.findings > 0 ? ClauseRoleSpan(role: role, findings: tally.findings, timeSpan: tally.span) : nil
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
    if let time { widen(&tally.span, by: time) }
  }

  /// Stretches `span` to hold `time` (makes it a span of `time` alone when there is none).
  private static func widen(_ span: inout ClosedRange<ChatTime>?, by time: ChatTime) {
    guard let current = span else {
      span = time...time
      return
    }
    span = min(current.lowerBound, time)...max(current.upperBound, time)
  }

  /// The span holding `earlier` and `later`, the spans of findings in that report order.
  fileprivate static func joined(_ earlier: ClosedRange<ChatTime>?, _ later: ClosedRange<ChatTime>?) -> ClosedRange<ChatTime>? {
    guard let earlier else { return later }
    guard let later else { return earlier }
    return min(earlier.lowerBound, later.lowerBound)...max(earlier.upperBound, later.upperBound)
  }
}
