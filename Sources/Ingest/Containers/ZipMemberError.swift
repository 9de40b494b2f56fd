/// Why the data of one ZIP member cannot be read; the description names the member.
struct ZipMemberError: Error, Equatable, CustomStringConvertible {
  /// The member's path inside the archive.
  let member: String
  /// What is wrong with it.
  let problem: Problem

  /// What is wrong with a member's data.
  enum Problem: Equatable {
    /// The member is encrypted.
    case encrypted
    /// No local file header where the central directory says it is.
    case missingLocalHeader(offset: UInt64)
    /// The data would run past the end of the archive.
    case dataPastEnd(dataOffset: UInt64, compressedSize: UInt64, archiveSize: Int)
    /// A compression method other than stored (0) or deflate (8).
    case unsupportedMethod(UInt16)
    /// A stored member whose compressed and uncompressed sizes differ.
    case storedSizesDiffer(compressed: UInt64, uncompressed: UInt64)
    /// The deflate stream does not end within the member's compressed bytes.
    case streamNotEnded(compressedSize: UInt64)
    /// The deflate stream is corrupt.
    case corruptStream(String)
    /// Decompressing gives more bytes than the central directory declares (a zip bomb's lie).
    case largerThanDeclared(declared: UInt64)
    /// Decompressing gives fewer bytes than declared.
    case smallerThanDeclared(declared: UInt64, actual: UInt64)
    /// The data does not match the CRC-32 the archive records.
    case checksumMismatch(expected: UInt32, actual: UInt32)
    /// The archive's bytes could not be read.
    case unreadable
  }

  var description: String {
    let what: String =
      switch problem {
      case .encrypted: "is encrypted; not read"
      case .missingLocalHeader(let offset): "has no local file header at byte \(offset) where the central directory puts it"
      case .dataPastEnd(let offset, let size, let archiveSize):
        "claims \(size) compressed bytes from byte \(offset), past the end of the \(archiveSize)-byte archive"
      case .unsupportedMethod(let method): "uses compression method \(method), which is not read (only stored and deflate)"
      case .storedSizesDiffer(let compressed, let uncompressed):
        "is stored uncompressed but declares \(compressed) stored and \(uncompressed) uncompressed bytes"
      case .streamNotEnded(let size): "has deflate data that does not end within its \(size) compressed bytes (truncated or damaged)"
      case .corruptStream(let detail): "has corrupt deflate data (\(detail))"
      case .largerThanDeclared(let declared): "decompresses to more than the \(declared) bytes it declares; not read"
      case .smallerThanDeclared(let declared, let actual): "decompresses to \(actual) bytes, not the \(declared) it declares"
      case .checksumMismatch(let expected, let actual):
        "fails its CRC-32 check (recorded \(hex(expected)), computed \(hex(actual))): the data is damaged"
      case .unreadable: "cannot be read from the archive"
      }
    return "member \(member) \(what)"
  }

  private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}
