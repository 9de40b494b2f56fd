import Foundation
import Testing
import ZIPFoundation

@testable import Ingest

/// ZIP member names are decoded from their raw bytes (UTF-8 flag, Unicode Path extra field,
/// UTF-8, GB18030, CP437), and encrypted members are listed by name and reported, not lost.
@Suite struct ZipMemberNameTests {
  /// Reads every entry of a folder holding the one archive `name` with `bytes`.
  static func read(_ name: String, _ bytes: [UInt8]) throws -> [(path: String, document: EvidenceDocument)] {
    let scratch = try ArchiveTests.OneFileFolder(name, bytes)
    let folder = try EvidenceFolder(root: scratch.url)
    return folder.entries().map { ($0.relativePath, folder.read($0)) }
  }

  /// Info-ZIP `zip` on Linux writes UTF-8 names without the UTF-8 flag.
  @Test func utf8NameWithoutTheFlag() throws {
    let zip = RawZip.bytes([RawZip.Member(name: Array("微信-chat.txt".utf8), data: Array("明天到\n".utf8))])
    let read = try Self.read("chats.zip", zip)
    #expect(read.map(\.path) == ["chats.zip", "chats.zip!/微信-chat.txt"])
    #expect(read[1].document.units.first?.text == "明天到")
  }

  /// Chinese Windows writes GBK names; they are read as GB18030.
  @Test func gbkName() throws {
    let name = try #require(DecodingInPlaceTests.gb18030("微信-老周.txt"))
    let zip = RawZip.bytes([RawZip.Member(name: name, madeBy: 0x0014, attributes: 0x20, data: Array("收到\n".utf8))])
    let read = try Self.read("gbk.zip", zip)
    #expect(read.map(\.path) == ["gbk.zip", "gbk.zip!/微信-老周.txt"])
    #expect(read[1].document.units.first?.text == "收到")
  }

  /// The Unicode Path extra field gives the name when its CRC-32 is the raw name's; a field
  /// left over from another name is ignored.
  @Test func unicodePathExtraField() throws {
    let raw = Array("?-chat.txt".utf8)
    let field = RawZip.unicodePath("老周-chat.txt", crc: Data(raw).crc32(checksum: 0))
    #expect(ZipMemberName.decode(raw, flags: 0, unicodePath: Array(field.dropFirst(4))) == "老周-chat.txt")
    let stale = RawZip.unicodePath("老周-chat.txt", crc: Data(Array("old.txt".utf8)).crc32(checksum: 0))
    #expect(ZipMemberName.decode(raw, flags: 0, unicodePath: Array(stale.dropFirst(4))) == "?-chat.txt")
    let zip = RawZip.bytes([RawZip.Member(name: raw, extra: field, data: Array("在吗\n".utf8))])
    #expect(try Self.read("u.zip", zip).map(\.path) == ["u.zip", "u.zip!/老周-chat.txt"])
  }

  @Test func flaggedUTF8AndTheCP437Fallback() {
    #expect(ZipMemberName.decode(Array("张三.txt".utf8), flags: 1 << 11, unicodePath: nil) == "张三.txt")
    #expect(ZipMemberName.decode([0x80, 0x2E, 0x74, 0x78, 0x74], flags: 0, unicodePath: nil) == "Ç.txt")
    #expect(ZipMemberName.cp437(Array(0x80...0xFF)).unicodeScalars.count == 128)
    #expect(ZipMemberName.cp437([0xE5, 0xBE, 0xAE, 0xE4, 0xBF, 0xA1]) == "σ╛«Σ┐í")
    #expect(ZipMemberName.cp437([0xFF]) == "\u{A0}")
  }

  /// A line break in a name would forge a line in a citation: control characters (and with
  /// them `%`) are written `%XX`.
  @Test func controlCharactersAreEscaped() {
    #expect(ZipMemberName.decode(Array("a\nb.txt".utf8), flags: 0, unicodePath: nil) == "a%0Ab.txt")
    #expect(ZipMemberName.decode(Array("50%\r.txt".utf8), flags: 0, unicodePath: nil) == "50%25%0D.txt")
    #expect(ZipMemberName.decode(Array("50%.txt".utf8), flags: 0, unicodePath: nil) == "50%.txt")
  }

  /// `zip -P secret enc.zip x.txt`: the member is listed by name as unsupported, encrypted, and
  /// the archive is not called damaged; a plain member after it is read.
  @Test func encryptedMembersAreListedAndReported() throws {
    let locked = RawZip.Member(name: Array("x.txt".utf8), flags: 0x0009, data: Array(repeating: 0x5A, count: 24))
    let plain = RawZip.Member(name: Array("y.txt".utf8), data: Array("公开\n".utf8))
    let read = try Self.read("enc.zip", RawZip.bytes([locked, plain]))
    #expect(read.map(\.path) == ["enc.zip", "enc.zip!/x.txt", "enc.zip!/y.txt"])
    let archive = read[0].document
    #expect(archive.status == .unsupported)
    #expect(archive.reason?.hasPrefix("archive (ZIP) with 2 entries, 1 of them encrypted (password-protected);") == true)
    let member = read[1].document
    #expect(member.status == .unsupported)
    #expect(member.reason == "archive member is encrypted (password-protected); it cannot be read without the password")
    #expect(read[2].document.units.first?.text == "公开")
    #expect(!read.contains { $0.document.reason?.contains("damaged") == true })
  }

  /// The kinds ZIPFoundation told: a Unix symbolic link and a folder are not read as files.
  @Test func kindsFromTheRecord() throws {
    let link = RawZip.Member(name: Array("link".utf8), attributes: 0o120777 << 16, data: Array("/etc/passwd".utf8))
    let folder = RawZip.Member(name: Array("dir/".utf8), attributes: 0o040755 << 16, data: [])
    let dosFolder = RawZip.Member(name: Array("old".utf8), madeBy: 0x0014, attributes: 0x10, data: [])
    let container = try ZipContainer.open(bytes: RawZip.bytes([link, folder, dosFolder]))
    #expect(container.listing.map(\.kind) == [.symlink, .directory, .directory])
  }
}

/// ZIP archives of stored members built byte by byte, with the raw names, flags, extra fields
/// and attributes a test needs.
enum RawZip {
  /// One stored member.
  struct Member {
    var name: [UInt8]
    var flags: UInt16 = 0
    var extra: [UInt8] = []
    /// Host (high byte: 3 Unix, 0 MS-DOS) and version that made it.
    var madeBy: UInt16 = 0x031E
    var attributes: UInt32 = 0o100644 << 16
    var data: [UInt8]
  }

  /// The archive's bytes: local headers and data, central directory, end record.
  static func bytes(_ members: [Member]) -> [UInt8] {
    var archive: [UInt8] = []
    var directory: [UInt8] = []
    for member in members {
      let offset = archive.count
      let crc = Data(member.data).crc32(checksum: 0)
      let sizes = le(crc, 4) + le(member.data.count, 4) + le(member.data.count, 4)
      let lengths = le(member.name.count, 2) + le(member.extra.count, 2)
      archive += le(0x0403_4B50, 4) + le(20, 2) + le(Int(member.flags), 2) + le(0, 2) + le(0, 4) + sizes + lengths
      archive += member.name + member.extra + member.data
      directory += le(0x0201_4B50, 4) + le(Int(member.madeBy), 2) + le(20, 2) + le(Int(member.flags), 2) + le(0, 2) + le(0, 4)
      directory += sizes + lengths + le(0, 2) + le(0, 2) + le(0, 2) + le(Int(member.attributes), 4) + le(offset, 4)
      directory += member.name + member.extra
    }
    let end = le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(members.count, 2) + le(members.count, 2)
    return archive + directory + end + le(directory.count, 4) + le(archive.count, 4) + le(0, 2)
  }

  /// An Info-ZIP Unicode Path extra field (0x7075, version 1) naming `name`, for a raw name
  /// whose CRC-32 is `crc`.
  static func unicodePath(_ name: String, crc: UInt32) -> [UInt8] {
    let utf8 = Array(name.utf8)
    return le(0x7075, 2) + le(5 + utf8.count, 2) + [1] + le(crc, 4) + utf8
  }

  private static func le(_ value: some BinaryInteger, _ width: Int) -> [UInt8] {
    (0..<width).map { UInt8(truncatingIfNeeded: UInt64(value) >> (8 * UInt64($0))) }
  }
}
