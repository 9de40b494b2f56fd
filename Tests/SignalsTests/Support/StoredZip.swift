import Foundation

/// A ZIP archive of stored (uncompressed) members with UTF-8 names, written byte by byte so
/// that tests need no ZIP library.
enum StoredZip {
  /// The archive holding `members` (name, content) in order.
  static func bytes(_ members: [(name: String, content: String)]) -> Data {
    var archive = Data()
    var directory = Data()
    for member in members {
      let name = Data(member.name.utf8)
      let content = Data(member.content.utf8)
      let offset = UInt32(archive.count)
      let crc = crc32(content)
      archive.append(le32(0x0403_4b50))
      archive.append(fields(crc: crc, size: content.count, nameLength: name.count))
      archive.append(le16(0))
      archive.append(name)
      archive.append(content)
      directory.append(le32(0x0201_4b50))
      directory.append(le16(20))
      directory.append(fields(crc: crc, size: content.count, nameLength: name.count))
      directory.append(le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset))
      directory.append(name)
    }
    let start = UInt32(archive.count)
    archive.append(directory)
    archive.append(le32(0x0605_4b50) + le16(0) + le16(0))
    archive.append(le16(UInt16(members.count)) + le16(UInt16(members.count)))
    archive.append(le32(UInt32(directory.count)) + le32(start) + le16(0))
    return archive
  }

  /// Version needed, flags (UTF-8 names), method (stored), time, date, CRC, sizes, name length.
  private static func fields(crc: UInt32, size: Int, nameLength: Int) -> Data {
    le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21) + le32(crc) + le32(UInt32(size)) + le32(UInt32(size))
      + le16(UInt16(nameLength))
  }

  private static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }

  private static func le32(_ value: UInt32) -> Data { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }

  /// The CRC-32 (IEEE) of `data`.
  private static func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
