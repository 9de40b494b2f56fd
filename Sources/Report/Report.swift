/// Report: turns signals into findings, maps them to clauses, and writes the case report.
///
/// Report sits after Signals in the pipeline. It knows nothing about how evidence was read or how
/// rules match; it sees values only: `EvidenceDocument`s, `Signal`s and the loaded `LexiconSet`.
///
/// - `CaseReport` is the assembled report: active findings and suppressed ones (each a `Finding`
///   with a stable id), per-clause summaries with a noisy-OR score, amount totals per speaker and
///   a timeline per speaker.
/// - `JSONReportWriter`, `CSVReportWriter` and `HTMLReportWriter` render a `CaseReport` as
///   `findings.json` (schema `mingjian.findings/1`), `findings.csv` and a self-contained
///   `index.html`. All three are deterministic: the same input gives byte-identical output.
/// - `ScanPipeline` wires Ingest and Signals together for a folder, and `ReportOutput` writes the
///   chosen formats to a report directory, never into the evidence folder.
/// - `ScanSummary` and `ClauseListing` are the CLI's terminal texts; `CorpusEvaluation` scores
///   reports against the corpus's gold annotations.
///
/// ```swift
/// let lexicon = try LexiconLoader.load(directory: URL(fileURLWithPath: "lexicons"))
/// let report = try ScanPipeline(lexicon: lexicon, subjects: ["小李"])
///   .run(folder: URL(fileURLWithPath: "corpus/demo"))
/// try ReportOutput.write(
///   report, to: URL(fileURLWithPath: "out"), formats: Set(ReportFormat.allCases), force: false)
/// ```
///
/// The report supports a human judgement; it never states that someone is guilty. Findings
/// "support" a clause, they do not prove it.
public enum ReportTool {
  /// The tool name written in every output's provenance.
  public static let name = "mingjian"
  /// The tool version written in every output's provenance.
  public static let version = "0.1.0"
}
