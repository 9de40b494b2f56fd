import Ingest

/// Annotated source views: every line of the documents with findings, anchored and highlighted.
enum SourceViewSection {
  /// Paths of the documents that get a source view: those with a finding (active or suppressed)
  /// or referenced as a related unit, in manifest order.
  static func viewedPaths(_ context: HTMLContext) -> [String] {
    var wanted = Set(context.unitFindings.keys)
    for finding in context.shownFindings {
      for related in finding.related { wanted.insert(related.path) }
    }
    return context.report.documents.map(\.path).filter {
      wanted.contains($0) && !(context.documents[$0]?.units.isEmpty ?? true)
    }
  }

  /// The source views section.
  static func render(_ context: HTMLContext) -> String {
    var html = """
      <section id="sources">
      <h2>Annotated sources</h2>
      <p class="note">Documents with findings, line by line as in the original file (for DOCX: \
      paragraph numbers). Every line has an anchor that can be cited; hover a highlight for its \
      rule and clauses. Other documents are listed in the manifest.</p>

      """
    for path in viewedPaths(context) {
      guard let document = context.documents[path] else { continue }
      html += view(document, context)
    }
    html += "</section>\n"
    return html
  }

  /// One document's view: a row per file line covered by a unit, with a gap row between units.
  static func view(_ document: EvidenceDocument, _ context: HTMLContext) -> String {
    let stem = context.documentAnchors[document.path] ?? "d-missing"
    var html = "<section class=\"source\" id=\"\(HTML.escape(stem))\">\n"
    html += "<h3>\(HTML.escape(document.path))</h3>\n<p class=\"meta\">"
    html += [document.format.rawValue, document.encoding ?? "", document.status.rawValue]
      .filter { !$0.isEmpty }.map(HTML.escape).joined(separator: " · ")
    html += " · SHA-256 <code>\(HTML.escape(document.sha256))</code></p>\n"
    if document.isExcerpted {
      html += "<p class=\"note\">Excerpt: this document has \(document.unitCount) units; the "
      html += "\(document.units.count) around its findings are shown. The full text is in the "
      html += "original file (SHA-256 above).</p>\n"
    }
    html += "<table class=\"src\">\n<tbody>\n"
    var lastLine = 0
    var page: Int?
    var emitted: Set<String> = []
    for (index, unit) in document.units.enumerated() {
      if unit.page != page, let next = unit.page {
        let label = unit.attributes["sheet"].map { "Sheet “\($0)” (sheet \(next))" } ?? "Page \(next)"
        html += "<tr class=\"page\"><td colspan=\"3\">\(HTML.escape(label))</td></tr>\n"
        page = next
        lastLine = 0
      }
      if unit.line > lastLine + 1 {
        html += "<tr class=\"gap\"><td>⋮</td><td></td><td></td></tr>\n"
      }
      html += rows(
        unit, index: index, document: document, emitted: &emitted, context)
      lastLine = max(lastLine, unit.endLine)
    }
    html += "</tbody>\n</table>\n</section>\n"
    return html
  }

  /// The rows of one unit: header lines carry `speaker · time` (for a message without a speaker,
  /// why: "speaker unknown", "system notice"; an action's actor marked, see `WhoLabel`), body
  /// lines the highlighted text.
  /// Cells carry no classes (the style sheet selects them by position) to keep long views small.
  /// The k-th line of the unit's text sits on file line `unit.fileLine(ofTextLine: k)` (usually
  /// `firstBodyLine + k`; not for JSON escapes, DOCX breaks or collapsed HTML, where several text
  /// lines may share one file line). `emitted` holds the anchors already written, so a line
  /// shared by two units is shown once.
  static func rows(
    _ unit: TextUnit, index: Int, document: EvidenceDocument, emitted: inout Set<String>,
    _ context: HTMLContext
  ) -> String {
    let spans = context.spans[document.path]?[index] ?? []
    let findings = context.unitFindings[document.path]?[index] ?? []
    let lines = Highlighter.lines(of: unit.text)
    let who = WhoLabel.row(unit)
    var textLinesOnFileLine: [Int: [Int]] = [:]
    for k in lines.indices { textLinesOnFileLine[unit.fileLine(ofTextLine: k), default: []].append(k) }
    let bodyLines = textLinesOnFileLine.keys
    let first = min(unit.line, bodyLines.min() ?? unit.line)
    let last = max(unit.endLine, bodyLines.max() ?? unit.endLine)
    var html = ""
    for fileLine in first...last {
      let anchor = HTML.escape(
        context.lineAnchor(path: document.path, line: fileLine, page: unit.page))
      guard emitted.insert(anchor).inserted else { continue }
      let ks = textLinesOnFileLine[fileLine] ?? []
      var text = ks.map { Highlighter.render(lines[$0], spans: spans) }.joined(separator: "<br>")
      if fileLine == last, !findings.isEmpty {
        text += findings.map { finding in
          let anchor = context.primaryCard[finding.id] ?? finding.id
          return
            " <a class=\"fref\" href=\"#\(HTML.escape(anchor))\">[\(HTML.escape(finding.title))]</a>"
        }.joined()
      }
      let marked = ks.contains { k in
        spans.contains { $0.start < lines[k].start + lines[k].count && $0.end > lines[k].start }
      }
      let hit = marked ? " class=\"hit\"" : ""
      html += "<tr id=\"\(anchor)\"\(hit)><td><a href=\"#\(anchor)\">\(fileLine)</a></td>"
      html += "<td>\(fileLine == first ? HTML.escape(who) : "")</td><td>\(text)</td></tr>\n"
    }
    return html
  }
}
