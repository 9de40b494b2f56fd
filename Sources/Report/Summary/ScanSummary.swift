import Ingest

/// The few lines `mingjian scan` prints when it is done: files by status, findings by clause, and
/// where the report was written.
public struct ScanSummary: Sendable {
  /// The finished report.
  public var report: CaseReport
  /// The report folder, as the user gave it.
  public var output: String
  /// The outputs that were written.
  public var formats: Set<ReportFormat>

  /// Creates a summary.
  public init(report: CaseReport, output: String, formats: Set<ReportFormat>) {
    self.report = report
    self.output = output
    self.formats = formats
  }

  /// The summary as terminal text.
  public var text: String {
    var lines: [String] = []
    let statuses = Dictionary(grouping: report.documents, by: \.status)
    let counts = [DocumentStatus.parsed, .partial, .unsupported, .error].map {
      "\(statuses[$0]?.count ?? 0) \($0.rawValue)"
    }
    lines.append("files: \(report.documents.count) (\(counts.joined(separator: ", ")))")
    for document in report.documents where document.status == .error || document.status == .partial {
      lines.append("  \(document.status.rawValue): \(document.path): \(document.reasonBesidePath ?? "see diagnostics")")
    }
    if !report.subjects.isEmpty { lines.append("subjects: \(report.subjects.joined(separator: ", "))") }
    let findings = report.counts
    lines.append(
      "findings: \(findings.active) active (\(findings.inculpatory) inculpatory, "
        + "\(findings.exculpatory) exculpatory), \(findings.suppressed) suppressed")
    for summary in report.clauses {
      let title = report.catalogue.clause(summary.id).map { ClauseTitle.display($0) } ?? ""
      let id = summary.id.padding(toLength: 22, withPad: " ", startingAt: 0)
      lines.append(
        "  \(id) \(summary.findings) finding(s), score \(String(format: "%.2f", summary.score))  \(title)")
    }
    let names = formats.sorted().map(\.fileName)
    lines.append("report: \(output)/ (\(names.joined(separator: ", ")))")
    return lines.joined(separator: "\n")
  }
}
