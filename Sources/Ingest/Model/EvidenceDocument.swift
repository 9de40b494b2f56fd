/// One evidence file as the rest of the pipeline sees it: provenance, status and text units.
///
/// Every file found in the evidence folder becomes an `EvidenceDocument`, even when it could not
/// be read: then `status` says why and `units` is empty. Nothing is dropped silently.
public struct EvidenceDocument: Sendable, Hashable, Codable {
  /// Path relative to the scanned folder, `/`-separated; archive members read in place are
  /// written `archive.zip!/inner/path`.
  public var path: String
  /// SHA-256 of the file's bytes, lower-case hex; empty when the bytes could not be read
  /// (a link out of the folder, a permission error: see `status` and `reason`).
  public var sha256: String
  /// Size of the file in bytes.
  public var bytes: Int
  /// The detected format id (see `DocumentFormat`).
  public var format: DocumentFormat
  /// The detected text encoding (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`), or nil
  /// for binary formats.
  public var encoding: String?
  /// What became of the file.
  public var status: DocumentStatus
  /// Why the status is not `parsed`: a human sentence naming what is wrong.
  public var reason: String?
  /// The text units in file order. After a scan of a large document this may hold only the units
  /// near signals (see `unitCount` for how many the file had).
  public var units: [TextUnit]
  /// How many units the file was parsed into, whether or not all are still held in `units`.
  public var unitCount: Int
  /// Problems met while parsing (a line that could not be read, a date that did not parse).
  public var diagnostics: [Diagnostic]

  /// Creates a document record.
  public init(
    path: String, sha256: String, bytes: Int, format: DocumentFormat, encoding: String? = nil,
    status: DocumentStatus, reason: String? = nil, units: [TextUnit] = [],
    diagnostics: [Diagnostic] = [], unitCount: Int? = nil
  ) {
    self.path = path
    self.sha256 = sha256
    self.bytes = bytes
    self.format = format
    self.encoding = encoding
    self.status = status
    self.reason = reason
    self.units = units
    self.unitCount = unitCount ?? TextUnit.count(of: units)
    self.diagnostics = diagnostics
  }

  /// Whether `units` holds fewer units than the file was parsed into.
  public var isExcerpted: Bool { units.count < unitCount }

  /// The first 12 hex digits of the hash: a stable id used in report anchors.
  public var shortID: String { String(sha256.prefix(12)) }
}

/// The manifest status of a file.
public enum DocumentStatus: String, Sendable, Hashable, Codable {
  /// Read completely.
  case parsed
  /// Read, but some parts could not be parsed; see the diagnostics.
  case partial
  /// Recognised as something that is not text evidence (an image, audio, a scanned PDF).
  case unsupported
  /// Could not be read at all; `reason` says why.
  case error
}
