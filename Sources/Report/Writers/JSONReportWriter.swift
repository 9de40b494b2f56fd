import Foundation
import Ingest
import Signals

/// Writes `findings.json` (schema `mingjian.findings/1`).
///
/// Output is deterministic: keys sorted, arrays in report order, no wall-clock fields, so the same
/// input and lexicons give a byte-identical file. The bytes are those `JSONEncoder` gives for
/// `FindingsFile` with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`, written directly
/// (`PrettyJSONBuffer`) one entry at a time instead of through an encoded value tree, which on a
/// large report took several times the file's size in memory; findings are rendered on all cores,
/// a batch at a time. `write(_:to:)` sends the bytes to the file as they are made, so writing
/// holds about one batch of rendered findings, not the file. A report built by
/// `ScanPipeline.runSpilling` has its entries already rendered on disk; they are copied from there.
public struct JSONReportWriter: Sendable {
  /// Findings per rendered fragment.
  private static let fragmentSize = 1_024
  /// The nesting depth of the entries of the `findings` and `suppressed` arrays.
  static let entryDepth = 2

  /// Creates a writer.
  public init() {}

  /// The JSON bytes of `report`, pretty-printed with sorted keys and a final newline. For a
  /// spilled report a read error of the spill leaves entries out, and so does a scan not asked
  /// for `.json` (it renders no entries); `write(_:to:)` refuses both.
  public func render(_ report: CaseReport) -> Data {
    let estimate = 768 * (report.counts.active + report.counts.suppressed + report.documents.count) + 4_096
    var json = PrettyJSONBuffer(capacity: estimate)
    Self.emit(report, into: &json)
    return json.data(appending: 0x0A)
  }

  /// Writes the same bytes as `render` to `file`, replacing it, without holding them all.
  public func write(_ report: CaseReport, to file: URL) throws(ReportError) {
    if let spilled = report.spilled, !spilled.prepares(.json) {
      throw .formatNotPrepared(path: file.path, format: .json)
    }
    guard FileManager.default.createFile(atPath: file.path, contents: nil),
      let handle = try? FileHandle(forWritingTo: file)
    else { throw .cannotWrite(path: file.path, reason: "the file cannot be created") }
    var json = PrettyJSONBuffer(writingTo: handle)
    Self.emit(report, into: &json)
    json.finish(appending: 0x0A)
    var failure = json.sinkError?.localizedDescription ?? report.spilled?.store.failure?.description
    do {
      try handle.close()
    } catch {
      failure = failure ?? error.localizedDescription
    }
    if let failure { throw .cannotWrite(path: file.path, reason: failure) }
  }

  /// The whole document.
  private static func emit(_ report: CaseReport, into json: inout PrettyJSONBuffer) {
    json.object { json in
      json.key("clauses")
      json.array(report.clauses) { json, clause in
        json.object { json in
          if !clause.byRole.isEmpty {
            json.key("byRole")
            json.object { json in
              for span in clause.byRole.sorted(by: { $0.role.rawValue < $1.role.rawValue }) {
                json.key(Self.key(of: span.role))
                json.object { json in
                  json.member("findings", span.findings)
                  if let time = span.timeSpan { json.member("firstTime", time.lowerBound.iso8601) }
                  if let time = span.timeSpan { json.member("lastTime", time.upperBound.iso8601) }
                }
              }
            }
          }
          json.member("findings", clause.findings)
          if let span = clause.timeSpan { json.member("firstTime", span.lowerBound.iso8601) }
          json.member("id", clause.id)
          if let span = clause.timeSpan { json.member("lastTime", span.upperBound.iso8601) }
          json.member("score", clause.score)
        }
      }
      json.key("documents")
      json.array(report.documents) { json, document in Self.write(FindingsFile.Document(document), to: &json) }
      json.key("findings")
      if let spilled = report.spilled {
        json.array(fragmentBatches: spilled.batches(spilled.activeJSON))
      } else {
        json.array(fragmentBatches: entryBatches(report.findings))
      }
      json.key("lexicons")
      json.array(report.lexicons) { json, pack in
        json.object { json in
          json.member("id", pack.id)
          json.member("sha256", pack.sha256)
          json.member("version", pack.version)
        }
      }
      json.member("schema", FindingsFile.schemaID)
      if !report.subjectWarnings.isEmpty {
        json.key("subjectWarnings")
        json.array(report.subjectWarnings) { json, warning in
          json.object { json in
            json.member("message", warning.message)
            json.member("speakers", warning.speakers)
            json.member("subject", warning.subject)
          }
        }
      }
      json.member("subjects", report.subjects)
      json.key("suppressed")
      if let spilled = report.spilled {
        json.array(fragmentBatches: spilled.batches(spilled.suppressedJSON))
      } else {
        json.array(fragmentBatches: entryBatches(report.suppressed))
      }
      json.key("tool")
      json.object { json in
        json.member("name", ReportTool.name)
        json.member("version", ReportTool.version)
      }
    }
  }

  /// The member name of `role` in a clause's `byRole`: its `speakerRole` value.
  private static func key(of role: SpeakerRole) -> StaticString {
    switch role {
    case .subject: "subject"
    case .counterpart: "counterpart"
    case .thirdParty: "thirdParty"
    case .unknown: "unknown"
    }
  }

  /// The entries of `findings` in fragments of `fragmentSize`, a batch of two fragments per core
  /// at a time, each batch rendered on all cores; nil after the last batch.
  private static func entryBatches(_ findings: [Finding]) -> () -> [Data]? {
    let batchSize = fragmentSize * 2 * ProcessInfo.processInfo.activeProcessorCount
    var next = 0
    return {
      guard next < findings.count else { return nil }
      let batchEnd = min(next + batchSize, findings.count)
      let starts = Array(stride(from: next, to: batchEnd, by: fragmentSize))
      next = batchEnd
      return ParallelMap.map(starts) { start in
        let part = findings[start..<min(start + fragmentSize, batchEnd)]
        return PrettyJSONBuffer.fragment(depth: entryDepth, part) { json, finding in
          write(finding, to: &json)
        }
      }
    }
  }

  private static func write(_ document: FindingsFile.Document, to json: inout PrettyJSONBuffer) {
    json.object { json in
      json.member("bytes", document.bytes)
      json.key("diagnostics")
      json.array(document.diagnostics) { json, diagnostic in
        json.object { json in
          json.member("code", diagnostic.code)
          json.member("column", diagnostic.column)
          json.member("file", diagnostic.file)
          json.member("line", diagnostic.line)
          json.member("message", diagnostic.message)
          json.member("severity", diagnostic.severity.rawValue)
        }
      }
      json.member("encoding", document.encoding)
      json.member("format", document.format)
      json.member("path", document.path)
      json.member("reason", document.reason)
      json.member("sha256", document.sha256)
      json.member("status", document.status)
      json.member("units", document.units)
    }
  }

  /// Writes the entry of `finding` in the `findings` or `suppressed` array: the members of its
  /// `FindingsFile.Entry`, read straight from the finding.
  @inline(__always)
  static func write(_ finding: Finding, to json: inout PrettyJSONBuffer) {
    write(finding, time: finding.time?.iso8601, to: &json)
  }

  /// Writes the entry of `finding` as `write(_:to:)` does, with `time` as its time: the
  /// finding's `time?.iso8601`, which the spill renders once for both findings files
  /// (`FindingTimeText`). Inlined: the spill writes findings from a local it moved them into,
  /// and a call copied each one first.
  @inline(__always)
  static func write(_ finding: Finding, time: String?, to json: inout PrettyJSONBuffer) {
    json.object { json in
      json.member("clauses", finding.clauses)
      json.member("endLine", finding.endLine)
      json.member("excerpt", finding.excerpt)
      json.member("id", finding.id)
      json.member("line", finding.line)
      json.key("matched")
      json.array(finding.parts) { json, part in json.string(part.text) }
      json.member("messageID", finding.messageID)
      json.member("page", finding.page)
      json.member("path", finding.path)
      json.member("polarity", finding.polarity.rawValue)
      json.member("reason", finding.reason)
      json.key("related")
      json.array(finding.related) { json, related in
        json.object { json in
          json.member("endLine", related.endLine)
          json.member("line", related.line)
          json.member("path", related.path)
          json.member("role", related.role)
        }
      }
      json.member("rule", finding.rule)
      json.member("sheet", finding.sheet)
      json.member("speaker", finding.speaker)
      json.member("speakerAbsence", finding.speakerAbsence?.rawValue)
      json.member("speakerRole", finding.speakerRole.rawValue)
      json.member("time", time)
      json.member("title", finding.title)
      json.member("values", finding.values)
      json.member("weight", finding.weight)
      json.member("why", finding.why)
    }
  }
}
