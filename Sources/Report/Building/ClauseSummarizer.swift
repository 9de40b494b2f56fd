import Ingest
import Signals

/// Computes the per-clause summaries of the active findings.
enum ClauseSummarizer {
  /// One summary per clause cited by `findings` (which must be active and in report order), in
  /// catalogue order; clauses missing from the catalogue follow, by id.
  static func summaries(of findings: [Finding], catalogue: ClauseCatalogue) -> [ClauseSummary] {
    var tally = ClauseTally()
    for finding in findings { tally.add(finding) }
    return tally.summaries(catalogue: catalogue)
  }
}

/// The running per-clause counts, first findings, times (of all speakers and per speaker role)
/// and scoring weights of active findings met in report order; tallies of consecutive parts of
/// the report can be merged in order.
struct ClauseTally: Sendable {
  private var counts: [String: Int] = [:]
  private var first: [String: String] = [:]
  /// Per clause, when the findings counted were said, of every role and per role.
  private var times: [String: ClauseTimes] = [:]
  /// Per clause, how many (document, rule) pairs of finished documents have each weight.
  private var weights: [String: [Double: Int]] = [:]
  /// Per clause, the weight of each rule citing it in the current document.
  private var open: [String: [String: Double]] = [:]
  private var openPath: String?

  /// Counts `finding`, which follows every finding added before in report order. Inlined, like
  /// `TimedSpeakers.add(_:)`: the spill adds findings where they lie, and a call copied each.
  @inline(__always)
  mutating func add(_ finding: Finding) {
    if finding.path != openPath {
      closeDocument()
      openPath = finding.path
    }
    let role = finding.speakerRole
    let time = finding.time
    // Each distinct clause once, without building a set of them.
    for (position, clause) in finding.clauses.enumerated() where !finding.clauses[..<position].contains(clause) {
      counts[clause, default: 0] += 1
      if first[clause] == nil { first[clause] = finding.id }
      times[clause, default: ClauseTimes()].add(role: role, time: time)
      open[clause, default: [:]][finding.rule] = finding.weight
    }
  }

  /// Adds `later`, a tally of findings that all follow this tally's in report order.
  mutating func merge(_ later: ClauseTally) {
    closeDocument()
    var later = later
    later.closeDocument()
    counts.merge(later.counts, uniquingKeysWith: +)
    first.merge(later.first, uniquingKeysWith: { mine, _ in mine })
    times.merge(later.times) { mine, theirs in
      var joined = mine
      joined.merge(theirs)
      return joined
    }
    for (clause, histogram) in later.weights {
      weights[clause, default: [:]].merge(histogram, uniquingKeysWith: +)
    }
  }

  /// One summary per counted clause, in catalogue order; clauses missing from the catalogue
  /// follow, by id.
  func summaries(catalogue: ClauseCatalogue) -> [ClauseSummary] {
    var closed = self
    closed.closeDocument()
    let order = Dictionary(
      catalogue.entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let ids = closed.counts.keys.sorted { lhs, rhs in
      switch (order[lhs], order[rhs]) {
      case let (left?, right?): left < right
      case (.some, nil): true
      case (nil, .some): false
      case (nil, nil): lhs < rhs
      }
    }
    return ids.map { id in
      let histogram = closed.weights[id, default: [:]]
      let sorted = histogram.keys.sorted().flatMap { Array(repeating: $0, count: histogram[$0, default: 0]) }
      return ClauseSummary(
        id: id, findings: closed.counts[id, default: 0], score: ClauseScore.noisyOR(sorted),
        firstFindingID: closed.first[id, default: ""], timeSpan: closed.times[id]?.all,
        byRole: closed.times[id]?.byRole ?? [])
    }
  }

  /// Moves the current document's rule weights into the histograms.
  private mutating func closeDocument() {
    for (clause, rules) in open {
      for weight in rules.values { weights[clause, default: [:]][weight, default: 0] += 1 }
    }
    open = [:]
    openPath = nil
  }
}

/// Orders speakers: subjects first, then others by name, then units without a speaker.
enum SpeakerOrder {
  /// A sort key for `speaker` given the case's subjects.
  static func key(_ speaker: String?, subjects: [String]) -> (Int, String) {
    guard let speaker, !speaker.isEmpty else { return (2, "") }
    return (subjects.contains(speaker) ? 0 : 1, speaker)
  }
}

/// Groups the timed active findings per speaker.
enum TimelineBuilder {
  /// One timeline per speaker with at least one timed finding.
  static func timelines(of findings: [Finding], subjects: [String]) -> [SpeakerTimeline] {
    var speakers = TimedSpeakers()
    for finding in findings { speakers.add(finding) }
    return timelines(listing: findings, speakers: speakers, subjects: subjects)
  }

  /// One timeline per speaker counted in `speakers`, listing the timed findings of `listing`;
  /// each says how many of its timed findings are not listed.
  static func timelines(listing: [Finding], speakers: TimedSpeakers, subjects: [String]) -> [SpeakerTimeline] {
    var listed: [String: [Finding]] = [:]
    for finding in listing where finding.time != nil {
      listed[finding.speaker ?? "", default: []].append(finding)
    }
    return speakers.counts
      .map { speaker, count in
        let findings = listed[speaker, default: []].sorted { lhs, rhs in
          let left = lhs.time?.epochSeconds ?? 0
          let right = rhs.time?.epochSeconds ?? 0
          return left != right ? left < right : FindingOrder.precedes(lhs, rhs)
        }
        return SpeakerTimeline(
          speaker: speaker, role: count.role, findings: findings, omitted: count.findings - findings.count)
      }
      .sorted {
        SpeakerOrder.key($0.speaker, subjects: subjects) < SpeakerOrder.key($1.speaker, subjects: subjects)
      }
  }
}

/// The number of timed active findings per speaker (empty for no speaker) and the role of each
/// speaker's first, fed in report order — except that a speaker who told the subject anything
/// (`counterpart`) is shown so even when the first finding was among third parties only.
struct TimedSpeakers: Sendable {
  /// Per speaker: the role of the first timed finding and how many there are.
  private(set) var counts: [String: (role: SpeakerRole, findings: Int)] = [:]

  /// Counts `finding` if it is active and timed.
  @inline(__always)
  mutating func add(_ finding: Finding) {
    guard finding.time != nil, !finding.isSuppressed else { return }
    // Read before the lookup: a default value that reads the finding copies the whole finding.
    let role = finding.speakerRole
    Self.count(&counts[finding.speaker ?? "", default: (role, 0)], role: role)
  }

  /// Counts one more finding of `role` in `entry`, in place.
  @inline(__always)
  private static func count(_ entry: inout (role: SpeakerRole, findings: Int), role: SpeakerRole) {
    entry.findings += 1
    entry.role = shown(entry.role, later: role)
  }

  /// Adds `later`, counted from findings that follow these in report order.
  mutating func merge(_ later: TimedSpeakers) {
    counts.merge(later.counts) { mine, theirs in
      (Self.shown(mine.role, later: theirs.role), mine.findings + theirs.findings)
    }
  }

  /// The role a speaker's timeline shows, `first` being that of the earlier findings: the first,
  /// unless it is `thirdParty` and the speaker also told the subject something.
  private static func shown(_ first: SpeakerRole, later: SpeakerRole) -> SpeakerRole {
    first == .thirdParty && later == .counterpart ? .counterpart : first
  }
}
