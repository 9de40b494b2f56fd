import Foundation
import Ingest

/// Writes the self-contained HTML report, `index.html`.
///
/// One file with inline CSS that opens from disk without a network and needs no JavaScript (a
/// tiny inline script only adds `n`/`p` keys to jump between findings). Sections: disclaimer,
/// provenance, manifest, clause matrix, timeline and amounts, findings grouped by clause,
/// suppressed findings, and annotated source views with an anchor on every line. Every piece of
/// evidence text, name and path is escaped; the output is deterministic.
public struct HTMLReportWriter: Sendable {
  /// The disclaimer at the top of every report.
  public static let disclaimer =
    "This report supports a human judgement; it does not decide guilt. Every finding needs "
    + "human review. Art. 11 is a rebuttable presumption: see the exculpatory factors."

  /// Findings shown per clause by default.
  public static let defaultFindingLimit = 50

  /// Findings shown with their context per clause group and among the suppressed findings (the
  /// first in report order); 0 shows every finding. The clause matrix, the counts and the
  /// amount totals still count every finding, and the report says how many more there are.
  public var findingLimit: Int

  /// Creates a writer showing the first `findingLimit` findings of each clause (0: all).
  public init(findingLimit: Int = HTMLReportWriter.defaultFindingLimit) {
    self.findingLimit = findingLimit
  }

  /// The HTML of `report`.
  public func render(_ report: CaseReport) -> String {
    let context = HTMLContext(report, limit: max(findingLimit, 0))
    var html = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="\(HTMLPage.contentSecurityPolicy)">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>明鉴 Mingjian — evidence report</title>
      <style>\(HTMLPage.style)</style>
      </head>
      <body>

      """
    html += header(context)
    html += provenance(context)
    html += manifest(context)
    html += ClauseMatrixSection.render(context)
    html += TimelineSection.render(context)
    html += FindingSection.render(context)
    html += FindingSection.renderSuppressed(context)
    html += SourceViewSection.render(context)
    html += "<script>\(HTMLPage.script)</script>\n</body>\n</html>\n"
    return html
  }

  /// The title, disclaimer, table of contents and legend.
  func header(_ context: HTMLContext) -> String {
    let report = context.report
    return """
      <header>
      <h1>明鉴 Mingjian — evidence report</h1>
      <p class="disclaimer">\(HTML.escape(HTMLReportWriter.disclaimer))</p>
      <nav><a href="#provenance">Provenance</a> · <a href="#manifest">Manifest \
      (\(report.documents.count))</a> · <a href="#matrix">Clause matrix</a> · \
      <a href="#timeline">Timeline</a> · <a href="#findings">Findings (\(report.counts.active))</a> · \
      <a href="#suppressed">Suppressed (\(report.counts.suppressed))</a> · \
      <a href="#sources">Sources</a></nav>
      <p class="legend">Legend: <mark class="sig lvl-critical">critical</mark> \
      <mark class="sig lvl-high">high</mark> <mark class="sig lvl-medium">medium</mark> \
      <mark class="sig lvl-low">low</mark> <mark class="sig lvl-info">info</mark> \
      <mark class="sig exculpatory">exculpatory (neutral-help factor)</mark> \
      <mark class="sig suppressed">suppressed (negated, hypothetical, question or filtered)</mark>. \
      Keys <kbd>n</kbd>/<kbd>p</kbd> jump to the next or previous finding.</p>
      </header>

      """
  }

  /// Tool version, subjects, lexicon packs with hashes, and counts.
  func provenance(_ context: HTMLContext) -> String {
    let report = context.report
    let subjects =
      report.subjects.isEmpty
      ? "none named (speaker roles are unknown)"
      : report.subjects.map(HTML.escape).joined(separator: "、")
    let warnings = report.subjectWarnings.map { "<dd class=\"warning\">Warning: \(HTML.escape($0.message)).</dd>\n" }
    var statusCounts: [String] = []
    for status in [DocumentStatus.parsed, .partial, .unsupported, .error] {
      let count = report.documents.filter { $0.status == status }.count
      statusCounts.append("\(count) \(status.rawValue)")
    }
    var html = """
      <section id="provenance">
      <h2>Provenance</h2>
      <dl>
      <dt>Tool</dt><dd>\(HTML.escape(ReportTool.name)) \(HTML.escape(ReportTool.version))</dd>
      <dt>Subjects</dt><dd>\(subjects)</dd>
      \(warnings.joined())<dt>Documents</dt><dd>\(report.documents.count): \(statusCounts.joined(separator: ", "))</dd>
      <dt>Findings</dt><dd>\(report.counts.active) active, \(report.counts.suppressed) suppressed</dd>
      </dl>
      <table class="lexicons">
      <thead><tr><th>Lexicon pack</th><th>Version</th><th>Title</th><th>SHA-256</th></tr></thead>
      <tbody>

      """
    for pack in report.lexicons {
      html += "<tr><td>\(HTML.escape(pack.id))</td><td>\(HTML.escape(pack.version))</td>"
      html +=
        "<td>\(HTML.escape(pack.title))</td><td><code>\(HTML.escape(pack.sha256))</code></td></tr>\n"
    }
    html += "</tbody>\n</table>\n</section>\n"
    return html
  }

  /// Every document with its format, encoding, status, reason, hash, units and diagnostics.
  func manifest(_ context: HTMLContext) -> String {
    var html = """
      <section id="manifest">
      <h2>Manifest</h2>
      <p>Every file found in the evidence folder. Files that could not be read are listed with the \
      reason; nothing is dropped.</p>
      <table class="manifest">
      <thead><tr><th>Path</th><th>Format</th><th>Encoding</th><th>Status</th><th>Reason</th>\
      <th>SHA-256</th><th>Units</th></tr></thead>
      <tbody>

      """
    let viewed = Set(SourceViewSection.viewedPaths(context))
    for document in context.report.documents {
      let path =
        viewed.contains(document.path)
        ? "<a href=\"#\(HTML.escape(context.documentAnchors[document.path] ?? ""))\">"
          + HTML.escape(document.path) + "</a>"
        : HTML.escape(document.path)
      // The row shows the path: the reason and the diagnostics do not repeat it.
      var reason = HTML.escape(document.reasonBesidePath ?? "")
      if !document.diagnostics.isEmpty {
        reason += "<details><summary>\(document.diagnostics.count) diagnostic(s)</summary><ul>"
        for diagnostic in document.diagnostics {
          reason += "<li>\(HTML.escape(diagnostic.description(besidePath: document.path)))</li>"
        }
        reason += "</ul></details>"
      }
      html += "<tr class=\"st-\(HTML.escape(document.status.rawValue))\"><td>\(path)</td>"
      html += "<td>\(HTML.escape(document.format.rawValue))</td>"
      html += "<td>\(HTML.escape(document.encoding ?? "—"))</td>"
      html += "<td class=\"status\">\(HTML.escape(document.status.rawValue))</td>"
      html += "<td>\(reason)</td><td><code>\(HTML.escape(document.sha256))</code></td>"
      html += "<td>\(document.unitCount)</td></tr>\n"
    }
    html += "</tbody>\n</table>\n</section>\n"
    return html
  }
}
