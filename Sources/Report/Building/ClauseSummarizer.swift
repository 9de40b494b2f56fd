import Signals

/// Computes the per-clause summaries of the active findings.
enum ClauseSummarizer {
  /// One summary per clause cited by `findings` (which must be active and in report order), in
  /// catalogue order; clauses missing from the catalogue follow, by id.
  static func summaries(of findings: [Finding], catalogue: ClauseCatalogue) -> [ClauseSummary] {
    var counts: [String: Int] = [:]
    var first: [String: String] = [:]
    var weights: [String: [String: Double]] = [:]
    for finding in findings {
      for clause in Set(finding.clauses) {
        counts[clause, default: 0] += 1
        if first[clause] == nil { first[clause] = finding.id }
        let key = finding.path + "\u{1F}" + finding.rule
        weights[clause, default: [:]][key] = finding.weight
      }
    }
    let order = Dictionary(
      catalogue.entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let ids = counts.keys.sorted { lhs, rhs in
      switch (order[lhs], order[rhs]) {
      case let (left?, right?): left < right
      case (.some, nil): true
      case (nil, .some): false
      case (nil, nil): lhs < rhs
      }
    }
    return ids.map { id in
      ClauseSummary(
        id: id, findings: counts[id, default: 0],
        score: ClauseScore.noisyOR(weights[id, default: [:]].values.sorted()),
        firstFindingID: first[id, default: ""])
    }
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

/// Sums the amounts of the active inculpatory findings per speaker.
enum AmountSummarizer {
  /// Totals per speaker of `values["amountFen"]`, each unit's amount counted once.
  static func totals(of findings: [Finding], subjects: [String]) -> [AmountTotal] {
    var totals: [String?: AmountTotal] = [:]
    var counted: Set<String> = []
    for finding in findings where finding.polarity == .inculpatory {
      guard let raw = finding.values["amountFen"], let fen = Int64(raw) else { continue }
      let unitKey = "\(finding.path)\u{1F}\(finding.unitIndex)\u{1F}\(fen)"
      guard counted.insert(unitKey).inserted else { continue }
      var total =
        totals[finding.speaker]
        ?? AmountTotal(
          speaker: finding.speaker, role: finding.speakerRole, totalFen: 0, findingIDs: [])
      let (sum, overflow) = total.totalFen.addingReportingOverflow(fen)
      total.totalFen = overflow ? (fen < 0 ? Int64.min : Int64.max) : sum
      total.findingIDs.append(finding.id)
      totals[finding.speaker] = total
    }
    return totals.values.sorted {
      SpeakerOrder.key($0.speaker, subjects: subjects)
        < SpeakerOrder.key($1.speaker, subjects: subjects)
    }
  }
}

/// Groups the timed active findings per speaker.
enum TimelineBuilder {
  /// One timeline per speaker with at least one timed finding.
  static func timelines(of findings: [Finding], subjects: [String]) -> [SpeakerTimeline] {
    var groups: [String: SpeakerTimeline] = [:]
    for finding in findings where finding.time != nil {
      let speaker = finding.speaker ?? ""
      groups[
        speaker,
        default: SpeakerTimeline(
          speaker: speaker, role: finding.speakerRole, findings: [])
      ].findings.append(finding)
    }
    return groups.values
      .map { timeline in
        var sorted = timeline
        sorted.findings.sort { lhs, rhs in
          let left = lhs.time?.epochSeconds ?? 0
          let right = rhs.time?.epochSeconds ?? 0
          return left != right ? left < right : FindingOrder.precedes(lhs, rhs)
        }
        return sorted
      }
      .sorted {
        SpeakerOrder.key($0.speaker, subjects: subjects)
          < SpeakerOrder.key($1.speaker, subjects: subjects)
      }
  }
}
