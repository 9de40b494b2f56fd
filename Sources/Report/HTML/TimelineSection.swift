/// The timeline of findings per speaker and the amount totals.
enum TimelineSection {
  /// The timeline and amounts section; a finding on a chat service event is marked as the
  /// speaker's action (`WhoLabel`).
  static func render(_ context: HTMLContext) -> String {
    var html = """
      <section id="timeline">
      <h2>Timeline per speaker</h2>
      <p class="note">Active findings that carry a message time, per speaker, subjects first. \
      Times are shown with the UTC offset that was assumed to read them.</p>

      """
    if context.report.timeline.isEmpty { html += "<p>No timed findings.</p>\n" }
    for timeline in context.report.timeline {
      let name =
        timeline.speaker.isEmpty ? SpeakerAbsence.groupLabel(of: timeline.findings.compactMap(\.speakerAbsence)) : timeline.speaker
      html += "<h3>\(HTML.escape(name)) <span class=\"role\">\(HTML.escape(timeline.role.rawValue))"
      html += "</span></h3>\n<ol class=\"timeline\">\n"
      let listed = timeline.findings.filter { context.primaryCard[$0.id] != nil }
      for finding in listed {
        let anchor = context.primaryCard[finding.id] ?? finding.id
        html += "<li class=\"\(HTML.escape(finding.polarity.rawValue))\">"
        html += "<time>\(HTML.escape(finding.time?.iso8601 ?? ""))</time> "
        let action = FindingSection.unit(of: finding, context).map(WhoLabel.isAction) == true ? WhoLabel.actionMark : ""
        html += "<a href=\"#\(HTML.escape(anchor))\">\(HTML.escape(finding.title))</a>\(action) · "
        html += context.sourceLink(finding)
        html += "</li>\n"
      }
      html += "</ol>\n"
      html += FindingSection.moreNotice(
        hidden: timeline.omitted + timeline.findings.count - listed.count, listedIn: "findings.json and findings.csv list")
    }
    html += amounts(context)
    html += "</section>\n"
    return html
  }

  /// The Art. 12 items stated as amounts: payment settlement, advertising funds, illegal gains,
  /// and the five-times rule of its second paragraph.
  static let amountThresholds = [
    "interp2019.art12.2", "interp2019.art12.3", "interp2019.art12.4", "interp2019.art12.p2",
  ]

  /// The amount totals per speaker and currency; only CNY totals are offered for comparison
  /// with the Art. 12 thresholds, which are in yuan.
  static func amounts(_ context: HTMLContext) -> String {
    var html = """
      <h2 id="amounts">Amounts mentioned</h2>
      <p class="note">Sums of the amounts written in the messages of active inculpatory findings \
      (with a currency or a magnitude: 三千U, 五千元, 两万), each amount of a message counted once, \
      per speaker and per currency: amounts in different currencies are never added together, \
      nor converted. The text rarely says who paid whom, and an amount may be a price, a deposit \
      or a turnover: read the cited lines before comparing a total with the thresholds of \
      法释〔2019〕15号 第十二条.</p>

      """
    let thresholds = amountThresholds.compactMap { id in
      context.clause(id).map {
        "<li><span class=\"cid\">\(HTML.escape(id))</span> "
          + HTML.escape(context.citation(id) + " " + ClauseTitle.display($0)) + "</li>"
      }
    }
    if !thresholds.isEmpty {
      html += "<p class=\"note\">The amount items of the clause catalogue, in yuan (CNY): only a CNY "
      html += "total may be set beside them; a total in another currency, or with no currency "
      html += "written, needs the rate or the currency established from the evidence first.</p>\n"
      html += "<ul class=\"thresholds\">\(thresholds.joined())</ul>\n"
    }
    guard !context.report.amounts.isEmpty else {
      return html + "<p>No amounts written with a currency or a magnitude in active inculpatory findings.</p>\n"
    }
    html += """
      <table class="amounts">
      <thead><tr><th>Speaker</th><th>Role</th><th>Currency</th><th>Total</th><th>Findings</th></tr></thead>
      <tbody>

      """
    for total in context.report.amounts {
      let shown = total.findingIDs.filter { context.primaryCard[$0] != nil }
      var links = shown.enumerated().map { index, id in
        "<a href=\"#\(HTML.escape(context.primaryCard[id] ?? id))\">\(index + 1)</a>"
      }
      if total.findingCount > shown.count {
        links.append("and \(total.findingCount - shown.count) more (findings.json)")
      }
      let currency = total.currency == AmountTotal.unwritten ? "not written" : total.currency
      var amount = HTML.escape(total.formatted)
      if !total.isYuan {
        amount += " <span class=\"note\">not comparable with the yuan thresholds as it stands</span>"
      }
      let speaker = total.speaker ?? SpeakerAbsence.groupLabel(of: total.speakerAbsence.map { [$0] } ?? [])
      html += "<tr><td>\(HTML.escape(speaker))</td>"
      html += "<td>\(HTML.escape(total.role.rawValue))</td><td>\(HTML.escape(currency))</td><td>\(amount)</td>"
      html += "<td>\(links.joined(separator: " "))</td></tr>\n"
    }
    html += "</tbody>\n</table>\n"
    return html
  }
}
