import ArgumentParser
import Foundation
import Ingest
import Report
import Signals

extension MingjianCommand {
  /// `mingjian scan FOLDER -o DIR`: ingest, scan and write the report.
  struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Scan an evidence folder and write index.html, findings.json and findings.csv.",
      discussion: """
        The evidence folder is only read, never modified. Every file is hashed (SHA-256) and \
        listed in the report's manifest with its status; a file that cannot be read is listed \
        with the reason and the scan goes on. An optional case.yml in the folder names the \
        subjects (`subjects: [张三, zhangsan_01]`); --subject values are added to them.

        Examples:
          mingjian scan corpus/demo -o report --subject 小李
          mingjian scan ~/case-17 -o ~/report-17 --subject 张三 --subject zhangsan_01
          mingjian scan ~/case-17 -o out --format json,csv
        """
    )

    @Argument(help: "The evidence folder to scan.")
    var folder: String

    @Option(name: [.short, .customLong("output")], help: "Report folder to write.")
    var output: String

    @Option(
      name: .customLong("subject"),
      help: "Name or account id of a person whose knowledge is assessed (repeatable; added to case.yml's subjects).")
    var subjects: [String] = []

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(help: "Outputs to write, comma-separated: html, json, csv.")
    var format: String = "html,json,csv"

    @Option(
      name: .customLong("html-limit"), parsing: .unconditional,
      help: "Findings shown with their context per clause in index.html (0: all); findings.json lists all, active and suppressed, and findings.csv all active ones.")
    var htmlLimit: Int = HTMLReportWriter.defaultFindingLimit

    @Option(
      name: .customLong("max-file-mb"), parsing: .unconditional,
      help:
        "Files above this size (MB) are hashed but not parsed, unless read in pieces (MemoTrace, QQ TXT, plain text) or only their text is read (a QQ MHT's pictures are skipped). A file parsed whole takes about 1.5 to 2.5 times its size in memory.")
    var maxFileMB: Int = IngestOptions().maxParseBytes >> 20

    @Flag(
      help:
        "Write into a report folder that is not empty: the files written are replaced, and this tool's report files the run does not write (index.html, findings.json or findings.csv of a format not in --format, and a partial file left by an interrupted write) are removed, so that no earlier report stays beside the new one. Other files are left alone.")
    var force = false

    func validate() throws {
      _ = try parsedFormats()
      guard subjects.allSatisfy({ !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
        throw ValidationError("--subject needs a name or account id; an empty one matches nobody")
      }
      guard htmlLimit >= 0 else { throw ValidationError("--html-limit must be 0 (all) or more") }
      guard (1...Self.largestFileMB).contains(maxFileMB) else {
        throw ValidationError("--max-file-mb must be between 1 and \(Self.largestFileMB)")
      }
    }

    /// The largest `--max-file-mb`: libxml2 reads at most 2 GB of HTML at once.
    static let largestFileMB = 2_047

    func run() throws {
      let formats = try parsedFormats()
      do {
        try ReportOutput.check(URL(fileURLWithPath: output), evidence: URL(fileURLWithPath: folder), force: force)
      } catch {
        printError("mingjian: \(error)")
        throw ExitStatus.fatal
      }
      guard LexiconFolder.isFolder(folder) else {
        printError("mingjian: \(IngestError.folderNotFound(path: folder))")
        throw ExitStatus.fatal
      }
      let lexicon = try lexiconOptions.load()
      let caseFile: CaseFile?
      do {
        caseFile = try CaseFile.load(folder: URL(fileURLWithPath: folder))
      } catch {
        printError("mingjian: \(error)")
        throw ExitStatus.fatal
      }
      var pipeline = ScanPipeline(
        lexicon: lexicon, subjects: CaseFile.subjects(caseFile, adding: subjects), ingestOptions: IngestOptions(maxParseBytes: maxFileMB << 20, caseFileName: CaseFile.fileName),
        preparesHTML: formats.contains(.html))
      let progressLine = ProgressLine.onTerminal()
      pipeline.progress = progressLine?.progress
      InterruptCleanup.install { progressLine?.erase() }
      let report: CaseReport
      do {
        defer { progressLine?.erase() }
        report = try pipeline.runSpilling(folder: URL(fileURLWithPath: folder), htmlLimit: htmlLimit, formats: formats)
      } catch {
        printError("mingjian: \(error)")
        throw ExitStatus.fatal
      }
      do {
        let removed = try ReportOutput.write(
          report, to: URL(fileURLWithPath: output), formats: formats, force: force, htmlLimit: htmlLimit)
        if !removed.isEmpty {
          printError(
            "mingjian: removed \(removed.joined(separator: ", ")) from \(output): files of an earlier report that this run does not write")
        }
      } catch {
        printError("mingjian: \(error)")
        throw ExitStatus.fatal
      }
      for warning in report.subjectWarnings { printError("mingjian: warning: \(warning.message)") }
      print(ScanSummary(report: report, output: output, formats: formats).text)
    }

    private func parsedFormats() throws -> Set<ReportFormat> {
      var formats = Set<ReportFormat>()
      for name in format.split(separator: ",") {
        let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let value = ReportFormat(rawValue: trimmed) else {
          throw ValidationError("unknown format '\(trimmed)'; use html, json or csv")
        }
        formats.insert(value)
      }
      guard !formats.isEmpty else { throw ValidationError("--format needs at least one format") }
      return formats
    }
  }
}
