import Ingest
import Signals

/// The clause matrix: Art. 11 items and other clauses, with the neutral-help factors beside them.
enum ClauseMatrixSection {
  /// The matrix section.
  static func render(_ context: HTMLContext) -> String {
    let summaries = Dictionary(
      context.report.clauses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let art11 = (1...7).map { "interp2019.art11.\($0)" }
    let others = context.report.clauses.map(\.id).filter {
      !art11.contains($0) && !context.isAnalystFactor($0)
    }
    var factors = context.report.catalogue.entries.map(\.id).filter(context.isAnalystFactor)
    factors += context.report.clauses.map(\.id).filter {
      context.isAnalystFactor($0) && !factors.contains($0)
    }

    let byRole = !context.report.subjects.isEmpty
    let thirdParties = context.report.clauses.contains { $0.byRole.contains { $0.role == .thirdParty } }
    let note = byRole ? saidByRoleNote + (thirdParties ? " " + thirdPartyNote : "") : saidNote
    var html = """
      <section id="matrix">
      <h2>Clause matrix</h2>
      <p class="note">\(HTML.escape(ClauseScore.explanation)) A count links to the first finding. \
      \(HTML.escape(note))</p>
      <div class="matrix">
      <div>
      <h3>法释〔2019〕15号 第十一条: presumed knowledge (rebuttable)</h3>

      """
    html += table(art11, label: { HTMLContext.art11Item($0) ?? $0 }, summaries, context, byRole: byRole)
    if !others.isEmpty {
      html += "<h3>Other clauses</h3>\n"
      html += table(others, label: { context.citation($0) }, summaries, context, byRole: byRole)
    }
    html += """
      </div>
      <div class="factors">
      <h3>Neutral-help factors (exculpatory)</h3>
      <p class="note">Analyst factors, not law: drawn from the neutral-help test and Art. 11's \
      “但是有相反证据的除外”. They weigh against the presumption; a human decides how much.</p>

      """
    html += table(
      factors, label: { $0.hasPrefix("neutral.") ? String($0.dropFirst("neutral.".count)) : $0 },
      summaries, context, byRole: byRole)
    html += "</div>\n</div>\n</section>\n"
    return html
  }

  /// The note on the Said column when no subject is named.
  static let saidNote =
    "Said: the earliest and the latest message time of the findings for the clause (as read in "
    + "the zone shown), to set beside when the help was given."

  /// The note on the Said column when subjects are named.
  static let saidByRoleNote =
    "Said: when the findings for the clause were said, one line for each kind of speaker: "
    + "“subject” for the subject’s own words, “told” for what others said in the subject’s chats, "
    + "“unattributed” for text with no known speaker. Each line gives the earliest and the latest "
    + "message time (as read in the zone shown) and, in brackets, how many findings, timed or not: "
    + "to set beside when the help was given, since the knowledge must be the subject’s and exist "
    + "at that time."

  /// What the "third parties" lines of the Said column and the `thirdParty` role mean, added to
  /// `saidByRoleNote` when some clause has such findings.
  static let thirdPartyNote =
    "“third parties” (role thirdParty) is for what others said in a conversation in which no "
    + "message of the subject appears and at least two people speak — a group of other people, a "
    + "chat between two others: those words do not show that the subject was told anything (a "
    + "group in which the subject is a silent member is counted so too: check its members). A "
    + "chat in which one other person writes and the subject never answers stays “told”, as does "
    + "a conversation not every message of which was read while the file holds the subject’s name."

  /// One matrix table: label, title, findings (linked to the first), score, when said (per
  /// speaker role when `byRole`).
  static func table(
    _ ids: [String], label: (String) -> String, _ summaries: [String: ClauseSummary],
    _ context: HTMLContext, byRole: Bool
  ) -> String {
    var html = """
      <table class="clauses">
      <thead><tr><th>Item</th><th>Clause</th><th>Findings</th><th>Score</th><th>Said</th></tr></thead>
      <tbody>

      """
    for id in ids {
      let title = context.clause(id).map { ClauseTitle.display($0) } ?? "(not in the clause catalogue)"
      let summary = summaries[id]
      let count: String
      if let summary {
        let target = HTMLContext.cardAnchor(summary.firstFindingID, group: id)
        count = "<a href=\"#\(HTML.escape(target))\">\(summary.findings)</a>"
      } else {
        count = "0"
      }
      let score = summary.map { String(format: "%.2f", $0.score) } ?? "—"
      html += "<tr class=\"\(summary == nil ? "empty" : "hit")\"><td>\(HTML.escape(label(id)))</td>"
      html += "<td><span class=\"cid\">\(HTML.escape(id))</span> \(HTML.escape(title))</td>"
      let when = byRole ? said(byRole: summary?.byRole ?? []) : said(summary?.timeSpan)
      html += "<td>\(count)</td><td>\(score)</td><td>\(when)</td></tr>\n"
    }
    html += "</tbody>\n</table>\n"
    return html
  }

  /// `2023-06-04T10:40:56+08:00 – 2023-07-02T09:12:00+08:00`, one time when both are the same,
  /// `—` when no finding carries a time.
  static func said(_ span: ClosedRange<ChatTime>?) -> String {
    guard let span else { return "—" }
    let first = "<time>\(HTML.escape(span.lowerBound.iso8601))</time>"
    guard span.upperBound.epochSeconds != span.lowerBound.epochSeconds else { return first }
    return first + " – <time>\(HTML.escape(span.upperBound.iso8601))</time>"
  }

  /// One line per role present, `subject: <time>…</time> – <time>…</time> (3)`, joined by `<br>`;
  /// `told: no time (2)` for a role none of whose findings carries a time; `—` when no role has
  /// findings.
  static func said(byRole spans: [ClauseRoleSpan]) -> String {
    guard !spans.isEmpty else { return "—" }
    return spans.map { span in
      let when = span.timeSpan.map { said($0) } ?? "no time"
      return "\(HTML.escape(label(of: span.role))): \(when) (\(span.findings))"
    }.joined(separator: "<br>")
  }

  /// The plain word for `role` in the Said column.
  static func label(of role: SpeakerRole) -> String {
    switch role {
    case .subject: "subject"
    case .counterpart: "told"
    case .thirdParty: "third parties"
    case .unknown: "unattributed"
    }
  }
}
