import Ingest
import Signals

/// Lookups the HTML sections share: documents by path, anchors, clause labels and spans.
struct HTMLContext {
  /// The report being rendered.
  let report: CaseReport
  /// Documents by path.
  let documents: [String: EvidenceDocument]
  /// The anchor stem of each document (`d` + short hash, made unique among identical copies).
  let documentAnchors: [String: String]
  /// Findings shown per clause group and among the suppressed findings; 0 for all.
  let limit: Int
  /// The clause groups of the findings section (Art. 11 items, other clauses, analyst factors),
  /// each with the findings it shows (the first `limit` in report order) and how many cite it.
  let groups: [(clause: String, findings: [Finding], total: Int)]
  /// The suppressed findings shown (the first `limit` in report order).
  let shownSuppressed: [Finding]
  /// The anchor of each shown finding's main card (in the first group of the rule's clauses that
  /// shows it), for links from the timeline, the amounts and the source views.
  let primaryCard: [String: String]
  /// Highlight spans of every shown finding (active and suppressed) per document path and unit
  /// index.
  let spans: [String: [Int: [HighlightSpan]]]
  /// Shown active and suppressed findings per document path and unit index, in report order.
  let unitFindings: [String: [Int: [Finding]]]

  /// The group id of findings that cite no clause.
  static let unmappedGroup = ""

  /// Builds the lookups for `report`, showing the first `limit` findings of each group (0: all).
  init(_ report: CaseReport, limit: Int = 0) {
    self.report = report
    self.limit = limit
    documents = Dictionary(
      report.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var anchors: [String: String] = [:]
    var used: [String: Int] = [:]
    for document in report.documents {
      let stem = "d" + document.shortID
      let count = used[stem, default: 0] + 1
      used[stem] = count
      anchors[document.path] = count == 1 ? stem : "\(stem)-\(count)"
    }
    documentAnchors = anchors

    let analyst = Set(
      report.catalogue.entries.filter { $0.kind == "analyst" }.map(\.id)
        + report.clauses.map(\.id).filter { $0.hasPrefix("neutral.") })
    let ordered = report.clauses.enumerated().sorted { lhs, rhs in
      let left = HTMLContext.groupRank(lhs.element.id, analyst: analyst)
      let right = HTMLContext.groupRank(rhs.element.id, analyst: analyst)
      return left != right ? left < right : lhs.offset < rhs.offset
    }
    let shown = { (findings: [Finding]) in limit > 0 ? Array(findings.prefix(limit)) : findings }
    var groups: [(clause: String, findings: [Finding], total: Int)] = ordered.map { _, summary in
      (summary.id, shown(report.findings.filter { $0.clauses.contains(summary.id) }), summary.findings)
    }
    let unmapped = report.findings.filter(\.clauses.isEmpty)
    if !unmapped.isEmpty {
      groups.append((HTMLContext.unmappedGroup, shown(unmapped), report.counts.unmapped))
    }
    self.groups = groups
    let suppressed = shown(report.suppressed)
    shownSuppressed = suppressed
    var shownIn: [String: Set<String>] = [:]
    for group in groups {
      for finding in group.findings { shownIn[finding.id, default: []].insert(group.clause) }
    }
    var primary: [String: String] = [:]
    for finding in report.findings {
      let clauses = finding.clauses.isEmpty ? [HTMLContext.unmappedGroup] : finding.clauses
      guard let group = clauses.first(where: { shownIn[finding.id]?.contains($0) == true }) else { continue }
      primary[finding.id] = HTMLContext.cardAnchor(finding.id, group: group)
    }
    for finding in suppressed { primary[finding.id] = finding.id }
    primaryCard = primary

    var spans: [String: [Int: [HighlightSpan]]] = [:]
    var unitFindings: [String: [Int: [Finding]]] = [:]
    for finding in report.findings.filter({ primary[$0.id] != nil }) + suppressed {
      spans[finding.path, default: [:]][finding.unitIndex, default: []] += HTMLContext.spans(
        of: finding)
      unitFindings[finding.path, default: [:]][finding.unitIndex, default: []].append(finding)
    }
    self.spans = spans
    self.unitFindings = unitFindings
  }

  /// The active and suppressed findings the report shows, in report order.
  var shownFindings: [Finding] {
    report.findings.filter { primaryCard[$0.id] != nil } + shownSuppressed
  }

  /// Whether some findings are left out of the findings section.
  var leavesFindingsOut: Bool {
    groups.contains { $0.total > $0.findings.count } || report.counts.suppressed > shownSuppressed.count
  }

  /// The order of clause groups: Art. 11 items first, then other clauses, then analyst factors;
  /// catalogue order within each.
  static func groupRank(_ id: String, analyst: Set<String>) -> Int {
    if art11Item(id) != nil { return 0 }
    return analyst.contains(id) ? 2 : 1
  }

  /// The anchor of a finding's card within a clause group.
  static func cardAnchor(_ findingID: String, group: String) -> String {
    group.isEmpty ? "u-\(findingID)" : "c-\(group)-\(findingID)"
  }

  /// The anchor of a clause group.
  static func groupAnchor(_ clause: String) -> String {
    clause.isEmpty ? "c-unmapped" : "c-\(clause)"
  }

  /// The anchor of line `line` of the document at `path`, e.g. `d3f9c00000000-L12`; on a page
  /// or sheet, `d3f9c00000000-p2-L12` (spreadsheet rows are numbered per sheet).
  func lineAnchor(path: String, line: Int, page: Int? = nil) -> String {
    let stem = documentAnchors[path] ?? "d-missing"
    return page.map { "\(stem)-p\($0)-L\(line)" } ?? "\(stem)-L\(line)"
  }

  /// A link to the source view of `path` at `line`…`endLine`, showing `path:line–endLine`; on
  /// an XLSX sheet `path sheet “name”, row N` (rows are numbered per sheet), on a PDF page
  /// `path p. N, line M`; without the path when `showPath` is false.
  func sourceLink(
    path: String, line: Int, endLine: Int, page: Int? = nil, sheet: String? = nil, showPath: Bool = true
  ) -> String {
    let lines = endLine > line ? "\(line)–\(endLine)" : "\(line)"
    let place: String
    if let sheet {
      place = "sheet “\(sheet)”, row \(lines)"
    } else if let page {
      place = "p. \(page), line \(lines)"
    } else {
      place = lines
    }
    let label = showPath ? path + (page == nil && sheet == nil ? ":" : " ") + place : place
    let target = HTML.escape(lineAnchor(path: path, line: line, page: page))
    return "<a class=\"loc\" href=\"#\(target)\">\(HTML.escape(label))</a>"
  }

  /// A link to the source view of `finding`'s unit, followed by the message's id in its export
  /// where it has one (`message 4`), which tells apart messages that share a line.
  func sourceLink(_ finding: Finding) -> String {
    let link = sourceLink(path: finding.path, line: finding.line, endLine: finding.endLine, page: finding.page, sheet: finding.sheet)
    guard let id = finding.messageID else { return link }
    return link + " <span class=\"msgid\">(message \(HTML.escape(id)))</span>"
  }

  /// A link to the source view of a related unit of `finding`, labelled with the path and the
  /// page or sheet of the unit.
  func sourceLink(_ related: RelatedUnit, of finding: Finding) -> String {
    let unit = unit(of: related, for: finding)
    return sourceLink(
      path: related.path, line: related.line, endLine: related.endLine, page: unit.page, sheet: unit.sheet)
  }

  /// The page and sheet name of a related unit: the finding's own in the same document,
  /// otherwise those of the first unit of that document covering the line.
  func unit(of related: RelatedUnit, for finding: Finding) -> (page: Int?, sheet: String?) {
    if related.path == finding.path { return (finding.page, finding.sheet) }
    let unit = documents[related.path]?.units.first {
      $0.line <= related.line && related.line <= $0.endLine
    }
    return (unit?.page, unit?.attributes["sheet"])
  }

  /// The highlight spans of `finding`'s matched parts.
  static func spans(of finding: Finding) -> [HighlightSpan] {
    var title = finding.rule + " · " + finding.clauses.joined(separator: ", ")
    let style: String
    let rank: Int
    if let reason = finding.reason {
      title += " · suppressed: " + reason
      style = "suppressed"
      rank = 0
    } else if finding.polarity == .exculpatory {
      style = "exculpatory"
      rank = 1
    } else {
      style = "lvl-" + finding.level.rawValue
      rank = 2 + (RuleLevel.allCases.firstIndex(of: finding.level) ?? 0)
    }
    return finding.parts.map {
      HighlightSpan(start: $0.start, end: $0.end, title: title, style: style, rank: rank)
    }
  }

  /// The clause's catalogue entry, if catalogued.
  func clause(_ id: String) -> Clause? { report.catalogue.clause(id) }

  /// Whether `id` is an analyst factor rather than law.
  func isAnalystFactor(_ id: String) -> Bool {
    id.hasPrefix("neutral.") || clause(id)?.kind == "analyst"
  }

  /// How a clause is cited: document number (or instrument) and point, or the id when it is not
  /// catalogued.
  func citation(_ id: String) -> String {
    guard let clause = clause(id) else { return id + " (not in the clause catalogue)" }
    if isAnalystFactor(id) { return "analyst factor · " + clause.title }
    let source = clause.documentNumber.isEmpty ? clause.instrument : clause.documentNumber
    return [source, clause.point].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// The "supports …" wording of a finding for one clause; never "proves".
  func supportsWording(_ id: String) -> String {
    guard let clause = clause(id) else { return "supports \(id)" }
    if isAnalystFactor(id) {
      return "supports the neutral-help factor “\(clause.title)” (an analyst factor, not law)"
    }
    return "supports \(citation(id)) \(ClauseTitle.display(clause))"
  }

  /// The item label （一）…（七） of an Art. 11 clause id, or nil.
  static func art11Item(_ id: String) -> String? {
    let prefix = "interp2019.art11."
    guard id.hasPrefix(prefix), let number = Int(id.dropFirst(prefix.count)),
      (1...7).contains(number)
    else { return nil }
    return "（" + ["一", "二", "三", "四", "五", "六", "七"][number - 1] + "）"
  }
}
