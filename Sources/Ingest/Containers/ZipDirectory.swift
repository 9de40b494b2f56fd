/// The central directory of a ZIP archive, read from its bytes the way ZIPFoundation reads it
/// (the last end-of-central-directory record, the ZIP64 record when one precedes it): every
/// member's name (decoded from its raw bytes, see `ZipMemberName`), kind and where its local
/// header is, encrypted members included (ZIPFoundation's listing stops at the first of those).
struct ZipDirectory {
  /// One member as its central-directory record describes it.
  struct Header: Equatable {
    /// Where its data is and how it is stored.
    let record: Record
    /// Its name inside the archive, decoded (see `ZipMemberName`).
    let name: String
    /// Whether it is a file, a folder or a symbolic link.
    let kind: Kind
  }

  /// What a member is, told as ZIPFoundation tells it: from the Unix mode of archives made on
  /// Unix or macOS, else from a name ending in `/` (or the MS-DOS folder attribute).
  enum Kind: Equatable {
    case file
    case directory
    case symlink
  }

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

  /// The members in directory order; the list stops at the first damaged record.
  let headers: [Header]
  /// How many members the end-of-central-directory record declares (more than `headers` when a
  /// record is damaged).
  let declaredCount: Int

  /// The records of `headers`, in directory order.
  var records: [Record] { headers.map(\.record) }

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
    var headers: [Header] = []
    var position = offset
    while UInt64(headers.count) < count, position <= UInt64(source.size),
      let header = Self.header(in: source, at: Int(position))
    {
      headers.append(header.value)
      position += UInt64(header.length)
    }
    self.headers = headers
    declaredCount = Int(clamping: count)
  }

  /// The member whose record is at `offset` and the record's length in the directory, or nil
  /// when it is damaged.
  private static func header(in source: some ZipByteSource, at offset: Int) -> (value: Header, length: Int)? {
    guard let fixed = source.bytes(at: offset, count: 46), fixed.littleEndian(at: 0, width: 4) == recordSignature else {
      return nil
    }
    let nameLength = Int(fixed.littleEndian(at: 28, width: 2))
    let extraLength = Int(fixed.littleEndian(at: 30, width: 2))
    let commentLength = Int(fixed.littleEndian(at: 32, width: 2))
    guard let rawName = source.bytes(at: offset + 46, count: nameLength),
      let extra = source.bytes(at: offset + 46 + nameLength, count: extraLength)
    else { return nil }
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
    let flags = UInt16(fixed.littleEndian(at: 8, width: 2))
    let record = Record(
      flags: flags, method: UInt16(fixed.littleEndian(at: 10, width: 2)),
      crc32: UInt32(fixed.littleEndian(at: 16, width: 4)), compressedSize: compressed, uncompressedSize: uncompressed,
      localHeaderOffset: localOffset)
    let name = ZipMemberName.decode(rawName, flags: flags, unicodePath: extraField(0x7075, in: extra))
    let kind = kind(
      name: name, madeBy: UInt16(fixed.littleEndian(at: 4, width: 2)), attributes: UInt32(fixed.littleEndian(at: 38, width: 4)))
    return (Header(record: record, name: name, kind: kind), 46 + nameLength + extraLength + commentLength)
  }

  /// What the member named `name` is, from the host that made it (the high byte of `madeBy`) and
  /// its external attributes.
  private static func kind(name: String, madeBy: UInt16, attributes: UInt32) -> Kind {
    let unix: UInt16 = 3
    let macOS: UInt16 = 19
    let namedAsFolder = name.hasSuffix("/")
    switch madeBy >> 8 {
    case unix, macOS:
      switch (attributes >> 16) & 0o170000 {
      case 0o100000: return .file
      case 0o040000: return .directory
      case 0o120000: return .symlink
      default: return namedAsFolder ? .directory : .file
      }
    case 0:
      return namedAsFolder || attributes & 0x10 != 0 ? .directory : .file
    default:
      return namedAsFolder ? .directory : .file
    }
  }

  /// The data of the ZIP64 extended-information extra field (id 1), if present.
  private static func zip64Field(_ extra: [UInt8]) -> [UInt8]? {
    extraField(1, in: extra)
  }

  /// The data of the first extra field with header id `id`, if present and whole.
  private static func extraField(_ id: UInt64, in extra: [UInt8]) -> [UInt8]? {
    var cursor = 0
    while cursor + 4 <= extra.count {
      let fieldID = extra.littleEndian(at: cursor, width: 2)
      let length = Int(extra.littleEndian(at: cursor + 2, width: 2))
      guard cursor + 4 + length <= extra.count else { return nil }
      if fieldID == id { return Array(extra[cursor + 4..<cursor + 4 + length]) }
      cursor += 4 + length
    }
    return nil
  }
}
