import Ingest
import Signals

/// Findings grouped by clause, each as a card, and the collapsed list of suppressed findings.
enum FindingSection {
  /// Units of context shown before and after the unit of a finding.
  static let contextUnits = 2

  /// The findings section: one group per clause, in catalogue order.
  static func render(_ context: HTMLContext) -> String {
    var html = "<section id=\"findings\">\n<h2>Findings by clause</h2>\n"
    if context.groups.isEmpty { html += "<p>No active findings.</p>\n" }
    if context.leavesFindingsOut {
      let shown = context.limit > 0 ? "its first \(context.limit) findings" : "the findings kept by the scan"
      html += "<p class=\"note\">Each clause shows \(shown) in report order, with their context. "
      html += "findings.json and findings.csv list all \(context.report.counts.active) active findings; "
      html += "findings.json also lists all \(context.report.counts.suppressed) suppressed ones.</p>\n"
    }
    for group in context.groups {
      html +=
        "<section class=\"group\" id=\"\(HTML.escape(HTMLContext.groupAnchor(group.clause)))\">\n"
      html += groupHeading(group.clause, context)
      for (index, finding) in group.findings.enumerated() {
        let anchor = HTMLContext.cardAnchor(finding.id, group: group.clause)
        guard anchor == context.primaryCard[finding.id] else {
          html += reference(finding, anchor: anchor, context)
          continue
        }
        let next = index + 1 < group.findings.count ? group.findings[index + 1] : nil
        html += card(
          finding, anchor: anchor,
          next: next.map { HTMLContext.cardAnchor($0.id, group: group.clause) }, context)
      }
      html += moreNotice(hidden: group.total - group.findings.count, listedIn: "findings.json and findings.csv list")
      html += "</section>\n"
    }
    html += "</section>\n"
    return html
  }

  /// The notice under a list that shows only part of its findings, e.g. `listedIn`
  /// "findings.json lists"; empty when nothing is hidden.
  static func moreNotice(hidden: Int, listedIn: String) -> String {
    guard hidden > 0 else { return "" }
    return "<p class=\"note\">\(hidden) more finding(s) not shown here; \(listedIn) all of them.</p>\n"
  }

  /// The suppressed findings in a collapsed block, each with its reason.
  static func renderSuppressed(_ context: HTMLContext) -> String {
    var html = """
      <section id="suppressed">
      <h2>Suppressed findings</h2>
      <details>
      <summary>\(context.report.counts.suppressed) suppressed: negated, hypothetical, questioned or \
      filtered. They count for nothing but are listed so that nothing is dropped silently.</summary>

      """
    for finding in context.shownSuppressed {
      html += card(finding, anchor: finding.id, next: nil, context)
    }
    html += moreNotice(hidden: context.report.counts.suppressed - context.shownSuppressed.count, listedIn: "findings.json lists")
    html += "</details>\n</section>\n"
    return html
  }

  /// A clause group's heading: citation, title, and the verbatim text only where the catalogue
  /// has one verified at level V1 or V2; any other clause is cited by instrument and point.
  static func groupHeading(_ id: String, _ context: HTMLContext) -> String {
    guard !id.isEmpty else {
      return "<h3>Findings citing no clause</h3>\n"
    }
    var html = "<h3><span class=\"cid\">\(HTML.escape(id))</span> "
    html += HTML.escape(context.citation(id)) + "</h3>\n"
    guard let clause = context.clause(id) else {
      return html + "<p class=\"unverified\">Not in the clause catalogue.</p>\n"
    }
    html += "<p class=\"ctitle\">\(HTML.escape(ClauseTitle.display(clause)))"
    if context.isAnalystFactor(id) {
      html += " <span class=\"badge\">analyst factor, not law</span>"
    }
    html += "</p>\n"
    if let text = clause.text, !text.isEmpty, ["V1", "V2"].contains(clause.verification) {
      let lines = text.split(separator: "\n").map { HTML.escape(String($0)) }
      html += "<blockquote class=\"law\">\(lines.joined(separator: "<br>"))</blockquote>\n"
      html +=
        "<p class=\"source\">Verbatim text, verification \(HTML.escape(clause.verification)); "
      html += "source: \(HTML.escape(clause.source)). \(HTML.escape(clause.instrument))</p>\n"
    } else if !context.isAnalystFactor(id) {
      html += "<p class=\"unverified\">Cited by instrument and point; text not verified. "
      html += "\(HTML.escape(clause.instrument))</p>\n"
    }
    return html
  }

  /// One finding's card.
  static func card(_ finding: Finding, anchor: String, next: String?, _ context: HTMLContext)
    -> String
  {
    let classes = [
      "card", "lvl-" + finding.level.rawValue, finding.polarity.rawValue,
      finding.isSuppressed ? "is-suppressed" : "",
    ].filter { !$0.isEmpty }.joined(separator: " ")
    var html = "<article class=\"\(classes)\" id=\"\(HTML.escape(anchor))\">\n"
    html += "<h4><span class=\"level\">\(HTML.escape(finding.level.rawValue))</span> "
    html += "<span class=\"polarity\">\(HTML.escape(finding.polarity.rawValue))</span> "
    html += "\(HTML.escape(finding.title)) <code>\(HTML.escape(finding.rule))</code> "
    html += "<span class=\"fid\">\(HTML.escape(finding.id))</span></h4>\n"
    if let reason = finding.reason {
      html += "<p class=\"reason\">Suppressed: \(HTML.escape(reason))</p>\n"
    }
    if !finding.clauses.isEmpty {
      let wording = finding.clauses.map { HTML.escape(context.supportsWording($0)) }
      html += "<ul class=\"supports\"><li>\(wording.joined(separator: "</li><li>"))</li></ul>\n"
    }
    html += "<p class=\"meta\">\(who(finding, context).map { $0 + " · " } ?? "")"
    html += context.sourceLink(finding)
    html += "</p>\n"
    html += contextTable(finding, context)
    if !finding.values.isEmpty {
      let values = FindingValues.described(finding.values).map(HTML.escape)
      html += "<p class=\"values\">Values: \(values.joined(separator: "; "))</p>\n"
    }
    html += "<p class=\"verdict\">Negation check: \(HTML.escape(finding.negation.label))</p>\n"
    html += "<p class=\"why\">Why: \(HTML.escape(finding.why))</p>\n"
    if !finding.related.isEmpty {
      let links = finding.related.map {
        context.sourceLink($0, of: finding) + " ("
          + HTML.escape($0.role) + ")"
      }
      html += "<p class=\"related\">Rests also on: \(links.joined(separator: ", "))</p>\n"
    }
    if let next {
      html += "<p class=\"next\"><a href=\"#\(HTML.escape(next))\">next finding →</a></p>\n"
    }
    html += "</article>\n"
    return html
  }

  /// A short entry for a finding whose full card sits under the rule's first clause: title,
  /// speaker, location, the highlighted unit, and a link to the card.
  static func reference(_ finding: Finding, anchor: String, _ context: HTMLContext) -> String {
    let main = context.primaryCard[finding.id] ?? finding.id
    var html = "<article class=\"ref lvl-\(HTML.escape(finding.level.rawValue)) "
    html += "\(HTML.escape(finding.polarity.rawValue))\" id=\"\(HTML.escape(anchor))\">\n"
    html += "<p><span class=\"level\">\(HTML.escape(finding.level.rawValue))</span> "
    html +=
      "\(HTML.escape(finding.title)) <code>\(HTML.escape(finding.rule))</code> · \(who(finding, context).map { $0 + " · " } ?? "")"
    html += context.sourceLink(finding)
    html += " · <a href=\"#\(HTML.escape(main))\">full card under "
    html += "\(HTML.escape(finding.clauses.first.map(context.citation) ?? ""))</a></p>\n"
    if let units = context.documents[finding.path]?.units, units.indices.contains(finding.unitIndex)
    {
      let spans = HTMLContext.spans(of: finding)
      let lines = Highlighter.lines(of: units[finding.unitIndex].text).map {
        Highlighter.render($0, spans: spans)
      }
      html += "<p class=\"excerpt\">\(lines.joined(separator: "<br>"))</p>\n"
    } else {
      html += "<p class=\"excerpt\">\(HTML.escape(finding.excerpt))</p>\n"
    }
    html += "</article>\n"
    return html
  }

  /// `speaker · role · time`, escaped. A unit without a speaker shows why in place of the name
  /// ("speaker unknown", "system notice") and no role; a document without speakers shows
  /// neither; the actor of a chat service event is marked ` (action)` (`WhoLabel`). Nil when
  /// there is nothing to show.
  static func who(_ finding: Finding, _ context: HTMLContext) -> String? {
    var parts: [String] = []
    if let label = finding.speakerLabel {
      let isAction = finding.speaker != nil && unit(of: finding, context).map(WhoLabel.isAction) == true
      parts.append(WhoLabel.marked(label, isAction: isAction))
    }
    if finding.speaker != nil || finding.speakerRole != .unknown { parts.append(finding.speakerRole.rawValue) }
    if let time = finding.time { parts.append(time.iso8601) }
    return parts.isEmpty ? nil : parts.map(HTML.escape).joined(separator: " · ")
  }

  /// The unit `finding` sits on, when the report keeps its document's units.
  static func unit(of finding: Finding, _ context: HTMLContext) -> TextUnit? {
    guard let units = context.documents[finding.path]?.units, units.indices.contains(finding.unitIndex) else { return nil }
    return units[finding.unitIndex]
  }

  /// The finding's unit with its matched parts marked, between up to two units on either side.
  static func contextTable(_ finding: Finding, _ context: HTMLContext) -> String {
    guard let units = context.documents[finding.path]?.units,
      units.indices.contains(finding.unitIndex)
    else {
      return "<p class=\"excerpt\">\(HTML.escape(finding.excerpt))</p>\n"
    }
    let lower = max(finding.unitIndex - contextUnits, 0)
    let upper = min(finding.unitIndex + contextUnits, units.count - 1)
    var html = "<table class=\"ctx\">\n"
    for index in lower...upper {
      let unit = units[index]
      let isTarget = index == finding.unitIndex
      let spans = isTarget ? HTMLContext.spans(of: finding) : []
      let text = Highlighter.lines(of: unit.text).map { Highlighter.render($0, spans: spans) }
      html += "<tr\(isTarget ? " class=\"target\"" : "")><td class=\"ln\">"
      html += context.sourceLink(
        path: finding.path, line: unit.line, endLine: unit.endLine, page: unit.page,
        sheet: unit.attributes["sheet"], showPath: false)
      html += "</td><td class=\"who\">\(HTML.escape(WhoLabel.row(unit)))</td>"
      html += "<td class=\"txt\">\(text.joined(separator: "<br>"))</td></tr>\n"
    }
    html += "</table>\n"
    return html
  }
}
