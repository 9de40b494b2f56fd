/// The central directory of a ZIP archive, read from its bytes the way ZIPFoundation reads it
/// (the last end-of-central-directory record, the ZIP64 record when one precedes it), for what
/// ZIPFoundation does not expose: where each member's local header is.
struct ZipDirectory {
  /// One central-directory record.
  struct Record: Equatable {
    /// General-purpose flags (bit 0: encrypted).
    let flags: UInt16
    /// Compression method: 0 stored, 8 deflate.
    let method: UInt16
    /// CRC-32 of the uncompressed data.
    let crc32: UInt32
    /// Size of the stored (compressed) data.
    let compressedSize: UInt64
    /// Size of the data once decompressed.
    let uncompressedSize: UInt64
    /// Offset of the member's local file header.
    let localHeaderOffset: UInt64
  }

  /// The records in directory order (the order in which ZIPFoundation lists the entries); the
  /// list stops at the first damaged record.
  let records: [Record]

  private static let endSignature: UInt64 = 0x0605_4B50
  private static let zip64LocatorSignature: UInt64 = 0x0706_4B50
  private static let zip64EndSignature: UInt64 = 0x0606_4B50
  private static let recordSignature: UInt64 = 0x0201_4B50
  /// An end record and its longest comment.
  private static let endSearchSpan = 22 + 0xFFFF

  /// Reads the directory of `source`; nil when no end-of-central-directory record is found.
  init?(_ source: some ZipByteSource) {
    let tailStart = max(0, source.size - Self.endSearchSpan)
    guard source.size >= 22, let tail = source.bytes(at: tailStart, count: source.size - tailStart),
      let endIndex = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
        tail.littleEndian(at: $0, width: 4) == Self.endSignature
      })
    else { return nil }
    var count = tail.littleEndian(at: endIndex + 10, width: 2)
    var offset = tail.littleEndian(at: endIndex + 16, width: 4)
    let endOffset = tailStart + endIndex
    if endOffset >= 20 + 56, let locator = source.bytes(at: endOffset - 20, count: 20),
      locator.littleEndian(at: 0, width: 4) == Self.zip64LocatorSignature,
      let record = source.bytes(at: endOffset - 20 - 56, count: 56),
      record.littleEndian(at: 0, width: 4) == Self.zip64EndSignature
    {
      count = record.littleEndian(at: 32, width: 8)
      offset = record.littleEndian(at: 48, width: 8)
    }
    var records: [Record] = []
    var position = offset
    while UInt64(records.count) < count, position <= UInt64(source.size),
      let record = Self.record(in: source, at: Int(position))
    {
      records.append(record.value)
      position += UInt64(record.length)
    }
    self.records = records
  }

  /// The record at `offset` and its length in the directory, or nil when it is damaged.
  private static func record(in source: some ZipByteSource, at offset: Int) -> (value: Record, length: Int)? {
    guard let fixed = source.bytes(at: offset, count: 46), fixed.littleEndian(at: 0, width: 4) == recordSignature else {
      return nil
    }
    let nameLength = Int(fixed.littleEndian(at: 28, width: 2))
    let extraLength = Int(fixed.littleEndian(at: 30, width: 2))
    let commentLength = Int(fixed.littleEndian(at: 32, width: 2))
    guard let extra = source.bytes(at: offset + 46 + nameLength, count: extraLength) else { return nil }
    var uncompressed = fixed.littleEndian(at: 24, width: 4)
    var compressed = fixed.littleEndian(at: 20, width: 4)
    var localOffset = fixed.littleEndian(at: 42, width: 4)
    if let zip64 = zip64Field(extra) {
      var cursor = 0
      var fields = [uncompressed, compressed, localOffset]
      for index in fields.indices where fields[index] == 0xFFFF_FFFF && cursor + 8 <= zip64.count {
        fields[index] = zip64.littleEndian(at: cursor, width: 8)
        cursor += 8
      }
      (uncompressed, compressed, localOffset) = (fields[0], fields[1], fields[2])
    }
    let record = Record(
      flags: UInt16(fixed.littleEndian(at: 8, width: 2)), method: UInt16(fixed.littleEndian(at: 10, width: 2)),
      crc32: UInt32(fixed.littleEndian(at: 16, width: 4)), compressedSize: compressed, uncompressedSize: uncompressed,
      localHeaderOffset: localOffset)
    return (record, 46 + nameLength + extraLength + commentLength)
  }

  /// The data of the ZIP64 extended-information extra field (id 1), if present.
  private static func zip64Field(_ extra: [UInt8]) -> [UInt8]? {
    var cursor = 0
    while cursor + 4 <= extra.count {
      let id = extra.littleEndian(at: cursor, width: 2)
      let length = Int(extra.littleEndian(at: cursor + 2, width: 2))
      guard cursor + 4 + length <= extra.count else { return nil }
      if id == 1 { return Array(extra[cursor + 4..<cursor + 4 + length]) }
      cursor += 4 + length
    }
    return nil
  }
}
