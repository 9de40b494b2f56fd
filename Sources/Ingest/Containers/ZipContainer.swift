import Foundation
import ZIPFoundation

/// A ZIP archive opened for reading: its central directory (`ZipDirectory`) lists the members,
/// with names decoded from their raw bytes and encrypted members included, and each member's
/// data is read from the archive's bytes within bounds checked first.
///
/// ZIPFoundation is used only to inflate and check data. Its listing is not: it stops at the
/// first encrypted member or damaged local header, decodes names without the UTF-8 flag as
/// CP437, and on Linux its `Archive.extract` inflate loop (`Data.decode`) ignores the member's
/// compressed size and repeats until the deflate stream ends, so a stream that is truncated or
/// damaged so that it never ends reads on past the member and, at the end of the file, loops
/// forever on empty reads without calling the consumer. Here the bytes given to the
/// decompressor stop at the member's compressed size.
struct ZipContainer {
  private let source: any ZipByteSource
  /// Every member in directory order.
  let listing: [Member]
  private let members: [String: Member]
  /// Members the end-of-central-directory record declares that the directory does not hold:
  /// its listing stops at the first damaged record, so these would otherwise vanish silently.
  let unlistedCount: Int

  /// One member: its name, kind and central-directory record.
  struct Member {
    /// The member's path inside the archive, decoded (see `ZipMemberName`).
    let name: String
    /// Whether it is a file, a folder or a symbolic link.
    let kind: ZipDirectory.Kind
    /// Where its data is and how it is stored.
    let record: ZipDirectory.Record

    /// Whether its data is encrypted (general-purpose bit 0): it cannot be read without the
    /// password.
    var isEncrypted: Bool { record.flags & 1 != 0 }
  }

  /// Bytes handed to the decompressor at a time (also its output buffer size).
  private static let chunkSize = 64 * 1024

  /// Opens ZIP bytes held in memory.
  static func open(bytes: [UInt8]) throws -> ZipContainer {
    try ZipContainer(source: ZipMemoryBytes(storage: bytes))
  }

  /// Opens the ZIP file at `path` (file-system bytes) read-only; `io` notices changes to it.
  static func open(path: [UInt8], io: FileIO = .system) throws -> ZipContainer {
    guard let source = ZipFileBytes(path: path, io: io) else { throw ZipContainerError.unreadable }
    return try ZipContainer(source: source)
  }

  private init(source: any ZipByteSource) throws {
    guard let directory = ZipDirectory(source) else { throw ZipContainerError.noCentralDirectory }
    let listing = directory.headers.map { Member(name: $0.name, kind: $0.kind, record: $0.record) }
    var members: [String: Member] = [:]
    for member in listing where members[member.name] == nil { members[member.name] = member }
    unlistedCount = max(0, directory.declaredCount - listing.count)
    self.source = source
    self.listing = listing
    self.members = members
  }

  /// How the archive's bytes changed since it was opened, or nil (always nil in memory).
  func change() -> String? { source.change() }

  /// The first member named `path`, if any.
  subscript(path: String) -> Member? { members[path] }

  /// Passes the member's decompressed data to `consumer` in chunks. Throws when the local header
  /// is missing, the data lies past the end of the archive, the stream does not end within the
  /// member's compressed bytes, it decompresses to more or fewer bytes than declared, or the
  /// CRC-32 does not match; nothing past the declared size is ever passed on.
  func extract(_ member: Member, consumer: (Data) -> Void) throws(ZipMemberError) {
    let record = member.record
    let fail = { (problem: ZipMemberError.Problem) in ZipMemberError(member: member.name, problem: problem) }
    guard record.flags & 1 == 0 else { throw fail(.encrypted) }
    let dataOffset = try self.dataOffset(record, fail: fail)
    var produced: UInt64 = 0
    let checksum: CRC32
    switch record.method {
    case 0:
      guard record.compressedSize == record.uncompressedSize else {
        throw fail(.storedSizesDiffer(compressed: record.compressedSize, uncompressed: record.uncompressedSize))
      }
      var crc: CRC32 = 0
      while produced < record.compressedSize {
        let count = Int(min(UInt64(Self.chunkSize), record.compressedSize - produced))
        guard let bytes = source.bytes(at: Int(dataOffset + produced), count: count) else { throw fail(.unreadable) }
        let chunk = Data(bytes)
        crc = chunk.crc32(checksum: crc)
        consumer(chunk)
        produced += UInt64(count)
      }
      checksum = crc
    case 8:
      do {
        checksum = try Data.decompress(
          size: Int64(record.compressedSize), bufferSize: Self.chunkSize, skipCRC32: false,
          provider: { position, size in
            guard position < Int64(record.compressedSize) else { throw fail(.streamNotEnded(compressedSize: record.compressedSize)) }
            guard let chunk = compressedChunk(record, dataOffset: dataOffset, position: position, size: size) else {
              throw fail(.unreadable)
            }
            return chunk
          },
          consumer: { chunk in
            guard produced + UInt64(chunk.count) <= record.uncompressedSize else {
              throw fail(.largerThanDeclared(declared: record.uncompressedSize))
            }
            produced += UInt64(chunk.count)
            consumer(chunk)
          })
      } catch let error as ZipMemberError {
        throw error
      } catch {
        throw fail(.corruptStream("\(error)"))
      }
    default:
      throw fail(.unsupportedMethod(record.method))
    }
    guard produced == record.uncompressedSize else {
      throw fail(.smallerThanDeclared(declared: record.uncompressedSize, actual: produced))
    }
    guard checksum == record.crc32 else { throw fail(.checksumMismatch(expected: record.crc32, actual: checksum)) }
  }

  /// All of a member's data, which must declare at most `limit` bytes (checked by the caller).
  func data(_ member: Member) throws(ZipMemberError) -> Data {
    var data = Data()
    data.reserveCapacity(Int(min(member.record.uncompressedSize, UInt64(Self.chunkSize) * 16)))
    try extract(member) { data.append($0) }
    return data
  }

  /// Where the member's data starts, after checking its local header and that the data fits.
  private func dataOffset(
    _ record: ZipDirectory.Record, fail: (ZipMemberError.Problem) -> ZipMemberError
  ) throws(ZipMemberError) -> UInt64 {
    guard record.localHeaderOffset <= UInt64(source.size),
      let header = source.bytes(at: Int(record.localHeaderOffset), count: 30),
      header.littleEndian(at: 0, width: 4) == 0x0403_4B50
    else { throw fail(.missingLocalHeader(offset: record.localHeaderOffset)) }
    let dataOffset = record.localHeaderOffset + 30 + header.littleEndian(at: 26, width: 2) + header.littleEndian(at: 28, width: 2)
    guard dataOffset <= UInt64(source.size), record.compressedSize <= UInt64(source.size) - dataOffset else {
      throw fail(.dataPastEnd(dataOffset: dataOffset, compressedSize: record.compressedSize, archiveSize: source.size))
    }
    return dataOffset
  }

  /// `size` bytes of compressed data from `position` (inside the member's compressed bytes),
  /// zero-padded after the member's last byte (ZIPFoundation's Linux inflate always tells zlib a
  /// whole buffer is there); nil when they cannot be read.
  private func compressedChunk(_ record: ZipDirectory.Record, dataOffset: UInt64, position: Int64, size: Int) -> Data? {
    guard position >= 0, UInt64(position) < record.compressedSize, size > 0 else { return nil }
    let count = Int(min(UInt64(size), record.compressedSize - UInt64(position)))
    guard var bytes = source.bytes(at: Int(dataOffset) + Int(position), count: count) else { return nil }
    bytes += [UInt8](repeating: 0, count: size - count)
    return Data(bytes)
  }
}

/// Why a ZIP archive cannot be opened.
enum ZipContainerError: Error, CustomStringConvertible {
  /// The file cannot be opened or is not a regular file.
  case unreadable
  /// No end-of-central-directory record was found in the archive's last 64 KiB.
  case noCentralDirectory

  var description: String {
    switch self {
    case .unreadable: "the archive file cannot be opened"
    case .noCentralDirectory: "no end-of-central-directory record in the archive's last 64 KiB"
    }
  }
}
