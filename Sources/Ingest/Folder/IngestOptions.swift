/// Options for reading evidence.
public struct IngestOptions: Sendable, Hashable {
  /// The UTC offset, in seconds, assumed for naive local timestamps (default UTC+8, Asia/Shanghai).
  public var utcOffsetSeconds: Int = 8 * 3600
  /// Files larger than this are hashed (streaming) but not parsed: they become `unsupported`.
  public var maxParseBytes: Int = 256 * 1024 * 1024

  /// Creates options; the defaults suit exports made on a PC in mainland China.
  public init(utcOffsetSeconds: Int = 8 * 3600, maxParseBytes: Int = 256 * 1024 * 1024) {
    self.utcOffsetSeconds = utcOffsetSeconds
    self.maxParseBytes = maxParseBytes
  }
}
