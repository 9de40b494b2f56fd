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
