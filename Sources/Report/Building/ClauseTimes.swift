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
    self[role].findings += 1
    guard let time else { return }
    all = Self.widen(all, by: time)
    self[role].span = Self.widen(self[role].span, by: time)
  }

  /// Adds `later`, counted from findings that all follow these in report order.
  mutating func merge(_ later: ClauseTimes) {
    all = Self.joined(all, later.all)
    for role in ClauseRoleSpan.roleOrder {
      self[role].findings += later[role].findings
      self[role].span = Self.joined(self[role].span, later[role].span)
    }
  }

  /// The roles with findings, in `ClauseRoleSpan.roleOrder`.
  var byRole: [ClauseRoleSpan] {
    ClauseRoleSpan.roleOrder.compactMap { role in
      let tally = self[role]
      return tally.findings > 0 ? ClauseRoleSpan(role: role, findings: tally.findings, timeSpan: tally.span) : nil
    }
  }

  private subscript(role: SpeakerRole) -> RoleTally {
    get {
      switch role {
      case .subject: subject
      case .counterpart: counterpart
      case .thirdParty: thirdParty
      case .unknown: unknown
      }
    }
    set {
      switch role {
      case .subject: subject = newValue
      case .counterpart: counterpart = newValue
      case .thirdParty: thirdParty = newValue
      case .unknown: unknown = newValue
      }
    }
  }

  /// `span` stretched to hold `time` (a span of `time` alone when there is none).
  private static func widen(_ span: ClosedRange<ChatTime>?, by time: ChatTime) -> ClosedRange<ChatTime> {
    guard let span else { return time...time }
    return min(span.lowerBound, time)...max(span.upperBound, time)
  }

  /// The span holding `earlier` and `later`, the spans of findings in that report order.
  private static func joined(_ earlier: ClosedRange<ChatTime>?, _ later: ClosedRange<ChatTime>?) -> ClosedRange<ChatTime>? {
    guard let earlier else { return later }
    guard let later else { return earlier }
    return min(earlier.lowerBound, later.lowerBound)...max(earlier.upperBound, later.upperBound)
  }
}
