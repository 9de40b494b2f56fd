/// Options for reading evidence.
public struct IngestOptions: Sendable, Hashable {
  /// The UTC offset, in seconds, assumed for naive local timestamps (default UTC+8, Asia/Shanghai).
  public var utcOffsetSeconds: Int = 8 * 3600
  /// Files larger than this are hashed (streaming) but not parsed: they become `unsupported`,
  /// unless they can be read in pieces (`StreamingPolicy`).
  public var maxParseBytes: Int = 256 * 1024 * 1024
  /// The name of the case file at the folder's root (the scan's settings, such as the subjects),
  /// which is hashed and listed but not read as evidence; nil when there is none.
  public var caseFileName: String?

  /// Creates options; the defaults suit exports made on a PC in mainland China.
  public init(utcOffsetSeconds: Int = 8 * 3600, maxParseBytes: Int = 256 * 1024 * 1024, caseFileName: String? = nil) {
    self.utcOffsetSeconds = utcOffsetSeconds
    self.maxParseBytes = maxParseBytes
    self.caseFileName = caseFileName
  }
}
