import Ingest
import Signals

/// The shape of `findings.json` (schema `mingjian.findings/1`, design §4), as plain values.
///
/// Built from a `CaseReport` by the JSON writer, and decodable so that tools and tests can read a
/// report back. Optional fields are left out when absent; there are no wall-clock fields.
public struct FindingsFile: Sendable, Hashable, Codable {
  /// The schema id written in every file.
  public static let schemaID = "mingjian.findings/1"

  /// Always `mingjian.findings/1`.
  public var schema: String
  /// The tool that wrote the file.
  public var tool: Tool
  /// The people named with `--subject`.
  public var subjects: [String]
  /// The lexicon packs used.
  public var lexicons: [Lexicon]
  /// The manifest: every file of the evidence folder.
  public var documents: [Document]
  /// Active findings.
  public var findings: [Entry]
  /// Suppressed findings, each with its `reason`.
  public var suppressed: [Entry]
  /// Per-clause counts and scores.
  public var clauses: [ClauseScoreEntry]
  /// The subjects whom no speaker matches, with the speakers found; absent when every subject
  /// matches one.
  public var subjectWarnings: [SubjectWarningEntry]? = nil

  /// A subject whom no speaker of the scanned documents matches.
  public struct SubjectWarningEntry: Sendable, Hashable, Codable {
    /// The subject as given.
    public var subject: String
    /// The speakers with the most messages, most first.
    public var speakers: [String]
    /// The warning in words.
    public var message: String
  }

  /// The tool's name and version.
  public struct Tool: Sendable, Hashable, Codable {
    /// `mingjian`.
    public var name: String
    /// The tool version, e.g. `0.1.0`.
    public var version: String
  }

  /// One lexicon pack's provenance.
  public struct Lexicon: Sendable, Hashable, Codable {
    /// Pack id.
    public var id: String
    /// Pack version.
    public var version: String
    /// SHA-256 of the pack file, lower-case hex.
    public var sha256: String
  }

  /// One manifest entry.
  public struct Document: Sendable, Hashable, Codable {
    /// Relative path, `/`-separated.
    public var path: String
    /// SHA-256 of the file, lower-case hex.
    public var sha256: String
    /// Size in bytes.
    public var bytes: Int
    /// Detected format id.
    public var format: String
    /// Detected encoding; absent for binary files.
    public var encoding: String?
    /// `parsed`, `partial`, `unsupported` or `error`.
    public var status: String
    /// Why the status is not `parsed`.
    public var reason: String?
    /// Number of text units.
    public var units: Int
    /// Problems met while parsing.
    public var diagnostics: [Diagnostic]
  }

  /// One finding (active or suppressed).
  public struct Entry: Sendable, Hashable, Codable {
    /// Stable id, `f-` and 16 hex digits.
    public var id: String
    /// Rule id.
    public var rule: String
    /// Rule title.
    public var title: String
    /// Relative path of the document.
    public var path: String
    /// First line of the unit (1-based).
    public var line: Int
    /// Last line of the unit (1-based).
    public var endLine: Int
    /// PDF page or XLSX sheet (1-based), where the format has one; absent otherwise.
    public var page: Int?
    /// XLSX sheet name, where the unit has one; absent otherwise.
    public var sheet: String?
    /// The message's id in its export (Telegram, PyWxDump, WechatExporter), where it has one;
    /// absent otherwise.
    public var messageID: String?
    /// Speaker, where the unit has one.
    public var speaker: String?
    /// Why the unit has no speaker, where it has none (`SpeakerAbsence`: `unreadableHeader`,
    /// `unnamed`, `systemNotice`, `document`); absent when `speaker` is set.
    public var speakerAbsence: String?
    /// `subject`, `counterpart`, `thirdParty` or `unknown`.
    public var speakerRole: String
    /// ISO 8601 time with offset, where the unit has one.
    public var time: String?
    /// The unit's text (shortened around the match when long).
    public var excerpt: String
    /// The original texts of the matched parts.
    public var matched: [String]
    /// `inculpatory` or `exculpatory`.
    public var polarity: String
    /// Clause ids the finding supports.
    public var clauses: [String]
    /// Rule weight.
    public var weight: Double
    /// Extracted values.
    public var values: [String: String]
    /// Other units the finding rests on.
    public var related: [RelatedUnit]
    /// Why the rule fired.
    public var why: String
    /// For suppressed findings: why they are suppressed.
    public var reason: String?
  }

  /// One clause's summary.
  public struct ClauseScoreEntry: Sendable, Hashable, Codable {
    /// Clause id.
    public var id: String
    /// Number of active findings citing it.
    public var findings: Int
    /// Noisy-OR score, 2 decimals.
    public var score: Double
    /// The earliest message time of the citing findings, ISO 8601; absent when none has a time.
    public var firstTime: String? = nil
    /// The latest message time of the citing findings, ISO 8601; absent when none has a time.
    public var lastTime: String? = nil
    /// The same per speaker role, keyed by `speakerRole` (`subject`, `counterpart`,
    /// `thirdParty`, `unknown`), only the roles with findings; absent when none (and in files
    /// written before it was added).
    public var byRole: [String: RoleEntry]? = nil
  }

  /// The findings of one speaker role citing a clause: how many, and when they were said.
  public struct RoleEntry: Sendable, Hashable, Codable {
    /// Number of active findings of the role citing the clause.
    public var findings: Int
    /// The earliest message time among them, ISO 8601; absent when none has a time.
    public var firstTime: String? = nil
    /// The latest message time among them, ISO 8601; absent when none has a time.
    public var lastTime: String? = nil
  }
}

extension FindingsFile {
  /// The file's values for `report`. For a report whose findings were spilled, `findings` and
  /// `suppressed` hold only those in memory (the ones the HTML report shows); decode the written
  /// `findings.json` to read them all.
  public init(_ report: CaseReport) {
    self.init(
      schema: FindingsFile.schemaID,
      tool: Tool(name: ReportTool.name, version: ReportTool.version),
      subjects: report.subjects,
      lexicons: report.lexicons.map { Lexicon(id: $0.id, version: $0.version, sha256: $0.sha256) },
      documents: report.documents.map(Document.init),
      findings: report.findings.map(Entry.init),
      suppressed: report.suppressed.map(Entry.init),
      clauses: report.clauses.map(ClauseScoreEntry.init),
      subjectWarnings: report.subjectWarnings.isEmpty
        ? nil
        : report.subjectWarnings.map {
          SubjectWarningEntry(subject: $0.subject, speakers: $0.speakers, message: $0.message)
        })
  }
}

extension FindingsFile.ClauseScoreEntry {
  /// The entry of `clause`.
  init(_ clause: ClauseSummary) {
    self.init(
      id: clause.id, findings: clause.findings, score: clause.score,
      firstTime: clause.timeSpan?.lowerBound.iso8601, lastTime: clause.timeSpan?.upperBound.iso8601,
      byRole: clause.byRole.isEmpty
        ? nil
        : Dictionary(
          clause.byRole.map { span in
            (
              span.role.rawValue,
              FindingsFile.RoleEntry(
                findings: span.findings, firstTime: span.timeSpan?.lowerBound.iso8601,
                lastTime: span.timeSpan?.upperBound.iso8601)
            )
          },
          uniquingKeysWith: { first, _ in first }))
  }
}

extension FindingsFile.Document {
  /// The manifest entry of `document`.
  init(_ document: EvidenceDocument) {
    self.init(
      path: document.path, sha256: document.sha256, bytes: document.bytes,
      format: document.format.rawValue, encoding: document.encoding,
      status: document.status.rawValue, reason: document.reason, units: document.unitCount,
      diagnostics: document.diagnostics)
  }
}

extension FindingsFile.Entry {
  /// The entry of `finding`.
  init(_ finding: Finding) {
    self.init(
      id: finding.id, rule: finding.rule, title: finding.title, path: finding.path,
      line: finding.line, endLine: finding.endLine, page: finding.page, sheet: finding.sheet, messageID: finding.messageID,
      speaker: finding.speaker, speakerAbsence: finding.speakerAbsence?.rawValue,
      speakerRole: finding.speakerRole.rawValue, time: finding.time?.iso8601,
      excerpt: finding.excerpt, matched: finding.matched, polarity: finding.polarity.rawValue,
      clauses: finding.clauses, weight: finding.weight, values: finding.values,
      related: finding.related, why: finding.why, reason: finding.reason)
  }
}
