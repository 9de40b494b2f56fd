import Foundation
import Testing
import ZIPFoundation
#if canImport(Glibc)
  import Glibc
#endif

@testable import Ingest
import TestSupport

/// ZIP archives read in place inside an evidence folder.
@Suite struct ArchiveTests {
  @Test func membersAreEntriesReadInPlace() throws {
    let folder = try EvidenceFolder(root: try Fixture.root.appendingPathComponent("archives"))
    let entries = folder.entries()
    #expect(entries.map(\.relativePath) == [
      "chats.zip", "chats.zip!/nested.zip", "chats.zip!/nested.zip!/deep.txt", "chats.zip!/note.txt", "chats.zip!/聊天记录/张三/张三.txt",
      "duplicate.zip", "duplicate.zip!/a.txt", "duplicate.zip!/a.txt (2)",
    ])
    #expect(folder.read(entries[7]).status == .error)
    #expect(folder.read(entries[6]).units.first?.text == "first")
    let documents = Dictionary(uniqueKeysWithValues: entries.map { ($0.relativePath, folder.read($0)) })
    let chat = try #require(documents["chats.zip!/聊天记录/张三/张三.txt"])
    #expect(chat.format == .wechatMemoTraceTXT)
    #expect(chat.status == .parsed)
    #expect(chat.units.map(\.line) == [1, 4])
    #expect(chat.units.first?.conversation == "张三")
    #expect(chat.sha256 == EvidenceReader.sha256Hex(Data("2023-05-01 21:40:12 张三\n在吗\n\n2023-05-01 21:41:03 李四\n[图片]\n\n".utf8)))
    #expect(documents["chats.zip!/note.txt"]?.units.first?.text == "备注第一行")
    #expect(documents["chats.zip"]?.status == .unsupported)
    #expect(documents["chats.zip"]?.reason?.contains("read in place as chats.zip!/<member>") == true)
    #expect(documents["chats.zip!/nested.zip"]?.status == .unsupported)
    #expect(documents["chats.zip!/nested.zip!/deep.txt"]?.units.first?.text == "deep")
  }

  @Test func oversizedMembersAreHashedNotParsed() throws {
    let folder = try EvidenceFolder(
      root: try Fixture.root.appendingPathComponent("archives"), options: IngestOptions(maxParseBytes: 10))
    let entry = try #require(folder.entries().first { $0.relativePath == "chats.zip!/聊天记录/张三/张三.txt" })
    let document = folder.read(entry)
    #expect(document.status == .unsupported)
    #expect(document.bytes == 72)
    #expect(document.sha256.count == 64)
  }

  /// outer.zip ⊃ inner.zip ⊃ deeper.zip ⊃ deepest.zip: three archive levels are opened, the
  /// fourth is read as a file whose reason says why its members are not read.
  private static func nestedArchives() throws -> (outer: [UInt8], inner: Int, deeper: Int) {
    let deepest = try TestZip.bytes([("b.txt", Data("太深了".utf8), .deflate)])
    let deeper = try TestZip.bytes([("a.txt", Data("甲方：某某科技有限公司\n".utf8), .deflate), ("deepest.zip", Data(deepest), .none)])
    let inner = try TestZip.bytes([("deeper.zip", Data(deeper), .deflate), ("聊天.txt", Data("2023-05-01 21:40:12 张三\n在吗\n".utf8), .deflate)])
    let outer = try TestZip.bytes([("note.txt", Data("备注\n".utf8), .deflate), ("inner.zip", Data(inner), .deflate)])
    return (outer, inner.count, deeper.count)
  }

  /// A scratch evidence folder holding one file, removed when the value goes.
  final class OneFileFolder {
    private let temporary: TemporaryFolder
    var url: URL { temporary.url }

    init(_ name: String, _ bytes: [UInt8]) throws {
      temporary = try TemporaryFolder("zip")
      try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    deinit { temporary.remove() }
  }

  @Test func nestedArchivesAreReadInPlaceThreeLevelsDeep() throws {
    let scratch = try OneFileFolder("outer.zip", try Self.nestedArchives().outer)
    let folder = try EvidenceFolder(root: scratch.url)
    let entries = folder.entries()
    #expect(entries.map(\.relativePath) == [
      "outer.zip", "outer.zip!/inner.zip", "outer.zip!/inner.zip!/deeper.zip", "outer.zip!/inner.zip!/deeper.zip!/a.txt",
      "outer.zip!/inner.zip!/deeper.zip!/deepest.zip", "outer.zip!/inner.zip!/聊天.txt", "outer.zip!/note.txt",
    ])
    let documents = Dictionary(uniqueKeysWithValues: entries.map { ($0.relativePath, folder.read($0)) })
    #expect(documents["outer.zip!/inner.zip!/deeper.zip!/a.txt"]?.units.first?.text == "甲方：某某科技有限公司")
    #expect(documents["outer.zip!/inner.zip!/deeper.zip!/a.txt"]?.sha256 == EvidenceReader.sha256Hex(Data("甲方：某某科技有限公司\n".utf8)))
    #expect(documents["outer.zip!/inner.zip!/聊天.txt"]?.format == .wechatMemoTraceTXT)
    let deepest = try #require(documents["outer.zip!/inner.zip!/deeper.zip!/deepest.zip"])
    #expect(deepest.status == .unsupported)
    #expect(deepest.reason == "archive (ZIP) not opened: it is nested 4 archive levels deep, beyond the limit of 3; its members are not read")
    #expect(documents["outer.zip!/inner.zip!/deeper.zip"]?.reason?.contains("read in place") == true)
  }

  @Test func memberOfAnArchiveThatChangedWhileReadIsAnError() throws {
    let scratch = try OneFileFolder("outer.zip", try Self.nestedArchives().outer)
    let io = EvidenceFolderTests.ChangingStatus(EvidenceFolderTests.Change.modificationTime.apply).io
    let folder = try EvidenceFolder(root: scratch.url, options: IngestOptions(), io: io)
    let entry = try #require(folder.entries().first { $0.relativePath == "outer.zip!/inner.zip!/deeper.zip!/a.txt" })
    let document = folder.read(entry)
    #expect(document.status == .error)
    #expect(
      document.reason
        == "outer.zip!/inner.zip!/deeper.zip!/a.txt: file changed while it was being read (the archive's modification time changed)")
  }

  /// The nested archives opened on the way to a member share one parse limit: with room for
  /// inner.zip but not for inner.zip and deeper.zip together, deeper.zip is not opened.
  @Test func nestedArchivesShareTheParseLimit() throws {
    let (outer, inner, deeper) = try Self.nestedArchives()
    let scratch = try OneFileFolder("outer.zip", outer)
    let limit = inner + deeper - 1
    let folder = try EvidenceFolder(root: scratch.url, options: IngestOptions(maxParseBytes: limit))
    let entries = folder.entries()
    #expect(entries.map(\.relativePath) == [
      "outer.zip", "outer.zip!/inner.zip", "outer.zip!/inner.zip!/deeper.zip", "outer.zip!/inner.zip!/聊天.txt", "outer.zip!/note.txt",
    ])
    let document = folder.read(entries[2])
    #expect(document.status == .unsupported)
    #expect(
      document.reason
        == "archive (ZIP) not opened: with the archives it is nested in it would hold \(inner + deeper) bytes in memory, above the \(limit)-byte limit; its members are not read"
    )
  }

  /// Reading the members of a nested archive one after another opens it once; the kept archives
  /// stay within the capacity, least recently used dropped first.
  @Test func nestedArchivesAreKeptWhileTheirMembersAreRead() throws {
    let scratch = try OneFileFolder("outer.zip", try Self.nestedArchives().outer)
    let folder = try EvidenceFolder(root: scratch.url)
    let cache = OpenArchiveCache(capacity: 1 << 20)
    for entry in folder.entries() where !entry.innerMembers.isEmpty {
      let document = ArchiveMembers.read(entry, member: entry.archiveMember ?? "", options: IngestOptions(), open: cache)
      #expect(document.status != .error, "\(entry.relativePath): \(document.reason ?? "")")
    }
    #expect(cache.count == 3)

    let small = try ZipContainer.open(bytes: TestZip.bytes([("a.txt", Data("甲".utf8), .none)]))
    let time = FileTime(seconds: 1, nanoseconds: 0)
    let status = FileStatus(type: S_IFREG, size: 1, modified: time, statusChanged: time)
    let key = { (name: String) in OpenArchiveCache.Key(systemPath: [], fileStatus: status, chain: [name]) }
    let bounded = OpenArchiveCache(capacity: 100)
    bounded.keep(small, size: 60, for: key("first"))
    bounded.keep(small, size: 30, for: key("second"))
    #expect(bounded.container(key("first")) != nil)
    bounded.keep(small, size: 30, for: key("third"))
    #expect(bounded.count == 2)
    #expect(bounded.container(key("second")) == nil)
    #expect(bounded.container(key("first")) != nil && bounded.container(key("third")) != nil)
    bounded.keep(small, size: 101, for: key("too large"))
    #expect(bounded.container(key("too large")) == nil)
  }

  /// A ZIP64 archive (sizes in the ZIP64 extra fields, ZIP64 end records), as tools write for
  /// evidence over 4 GiB; built by hand, small.
  @Test func zip64ArchiveMembersAreLocatedAndRead() throws {
    let contents = Data("甲乙".utf8)
    let bytes = TestZip.zip64("a.txt", contents)
    let directory = try #require(ZipDirectory(ZipMemoryBytes(storage: bytes)))
    let size = UInt64(contents.count)
    #expect(directory.records == [
      ZipDirectory.Record(
        flags: 0, method: 0, crc32: contents.crc32(checksum: 0), compressedSize: size, uncompressedSize: size, localHeaderOffset: 0)
    ])
    let container = try ZipContainer.open(bytes: bytes)
    #expect(try container.data(#require(container["a.txt"])) == contents)
  }

  /// A ZIP inside a nested ZIP declaring 2^64 - 1 bytes: the sizes added up against the parse
  /// limit must not overflow.
  @Test func nestedMemberDeclaringTheLargestSizeIsNotOpened() throws {
    let inner = TestZip.zip64("huge.zip", Data("PK\u{3}\u{4}".utf8), declaredSize: .max)
    let scratch = try OneFileFolder("outer.zip", try TestZip.bytes([("inner.zip", Data(inner), .none)]))
    let folder = try EvidenceFolder(root: scratch.url)
    let entries = folder.entries()
    #expect(entries.map(\.relativePath) == ["outer.zip", "outer.zip!/inner.zip", "outer.zip!/inner.zip!/huge.zip"])
    let document = folder.read(entries[2])
    #expect(document.status != .parsed)
    #expect(document.reason?.isEmpty == false)
  }

  @Test func memberDataIsCheckedAgainstItsChecksum() throws {
    var bytes = try TestZip.bytes([("a.txt", Data("第一条 合同".utf8), .none)])
    let offset = try #require(TestZip.dataOffset(of: "a.txt", in: bytes))
    bytes[offset] ^= 0xFF
    let container = try ZipContainer.open(bytes: bytes)
    let member = try #require(container["a.txt"])
    #expect(throws: ZipMemberError.self) { try container.data(member) }
    do {
      _ = try container.data(member)
    } catch {
      guard case .checksumMismatch = error.problem else { Issue.record("expected a checksum mismatch, got \(error)"); return }
      #expect(error.description.hasPrefix("member a.txt fails its CRC-32 check"))
    }
  }

  /// A member whose central directory declares fewer bytes than it inflates to (a zip bomb's lie)
  /// is stopped at the declared size.
  @Test func memberInflatingPastItsDeclaredSizeIsStopped() throws {
    let text = Data(String(repeating: "跑分 ", count: 2000).utf8)
    var bytes = try TestZip.bytes([("bomb.txt", text, .deflate)])
    let record = try #require(TestZip.centralRecordOffset(of: "bomb.txt", in: bytes))
    bytes.replaceSubrange(record + 24..<record + 28, with: [100, 0, 0, 0])
    let container = try ZipContainer.open(bytes: bytes)
    let member = try #require(container["bomb.txt"])
    #expect(throws: ZipMemberError(member: "bomb.txt", problem: .largerThanDeclared(declared: 100))) {
      try container.extract(member) { #expect($0.count <= 100) }
    }
  }

  /// A deflate stream cut short (its declared compressed size is smaller than the stream) is
  /// reported at once instead of being read past the member.
  @Test func truncatedDeflateStreamIsReported() throws {
    let text = Data((1...400).map { "第\($0)条 付款\n" }.joined().utf8)
    var bytes = try TestZip.bytes([("cut.txt", text, .deflate), ("next.txt", Data("下一个".utf8), .none)])
    let record = try #require(TestZip.centralRecordOffset(of: "cut.txt", in: bytes))
    bytes.replaceSubrange(record + 20..<record + 24, with: [40, 0, 0, 0])
    let container = try ZipContainer.open(bytes: bytes)
    let member = try #require(container["cut.txt"])
    #expect(throws: ZipMemberError.self) { try container.data(member) }
    #expect(try container.data(#require(container["next.txt"])) == Data("下一个".utf8))
  }

  /// A member whose local header is damaged is still listed by the name the central directory
  /// gives it, and reading it says what is wrong; the members after it are read.
  @Test func aMemberWithADamagedLocalHeaderIsListedAndReported() throws {
    var bytes = try TestZip.bytes([
      ("a.txt", Data("甲".utf8), .none), ("b.txt", Data("乙".utf8), .none), ("c.txt", Data("丙".utf8), .none),
    ])
    let record = try #require(TestZip.centralRecordOffset(of: "b.txt", in: bytes))
    let local = Int(bytes[record + 42]) | Int(bytes[record + 43]) << 8
    bytes[local] = 0
    let damaged = try ZipContainer.open(bytes: bytes)
    #expect(damaged.unlistedCount == 0)
    #expect(throws: ZipMemberError(member: "b.txt", problem: .missingLocalHeader(offset: UInt64(local)))) {
      try damaged.data(#require(damaged["b.txt"]))
    }
    #expect(try damaged.data(#require(damaged["c.txt"])) == Data("丙".utf8))
    let scratch = try OneFileFolder("evidence.zip", bytes)
    let evidence = try EvidenceFolder(root: scratch.url)
    let entries = evidence.entries()
    #expect(entries.map(\.relativePath) == ["evidence.zip", "evidence.zip!/a.txt", "evidence.zip!/b.txt", "evidence.zip!/c.txt"])
    #expect(evidence.read(entries[2]).status == .error)
    #expect(evidence.read(entries[2]).reason?.contains("member b.txt has no local file header") == true)
    #expect(evidence.read(entries[3]).units.first?.text == "丙")
  }

  /// Members after a damaged central-directory record cannot be listed: they are counted and
  /// become one manifest entry with the reason.
  @Test func membersAfterADamagedDirectoryRecordAreCounted() throws {
    var bytes = try TestZip.bytes([("a.txt", Data("甲".utf8), .none), ("b.txt", Data("乙".utf8), .none)])
    let record = try #require(TestZip.centralRecordOffset(of: "b.txt", in: bytes))
    bytes[record] = 0
    let damaged = try ZipContainer.open(bytes: bytes)
    #expect(damaged["b.txt"] == nil)
    #expect(damaged.unlistedCount == 1)
    let scratch = try OneFileFolder("evidence.zip", bytes)
    let evidence = try EvidenceFolder(root: scratch.url)
    let entries = evidence.entries()
    #expect(entries.map(\.relativePath) == ["evidence.zip", "evidence.zip!/(1 unlisted members)", "evidence.zip!/a.txt"])
    #expect(evidence.read(entries[1]).status == .error)
    #expect(evidence.read(entries[1]).reason?.contains("1 more member(s) after a damaged central-directory record") == true)
    #expect(try damaged.data(#require(damaged["a.txt"])) == Data("甲".utf8))
  }
}

/// Small ZIP archives built in memory with ZIPFoundation (or by hand, for ZIP64), and offsets
/// into them for damaging.
enum TestZip {
  /// The bytes of an archive holding `members` (path, contents, compression) in order.
  static func bytes(_ members: [(String, Data, CompressionMethod)]) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    for (path, contents, method) in members {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(contents.count), compressionMethod: method,
        provider: { position, size in contents.subdata(in: Int(position)..<Int(position) + size) })
    }
    return [UInt8](try #require(archive.data))
  }

  /// A ZIP64 archive of one stored member: its sizes in the ZIP64 extra fields (the uncompressed
  /// one `declaredSize`, by default the true size), ZIP64 end-of-central-directory records.
  static func zip64(_ path: String, _ contents: Data, declaredSize: UInt64? = nil) -> [UInt8] {
    let name = Array(path.utf8)
    let crc = UInt64(contents.crc32(checksum: 0))
    func le(_ value: UInt64, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }
    let size = UInt64(contents.count)
    let sizes = le(declaredSize ?? size, 8) + le(size, 8)
    let nameAndSizes = le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(UInt64(name.count), 2) + le(20, 2)
    var bytes = le(0x0403_4B50, 4) + le(45, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4) + nameAndSizes
    bytes += name + le(1, 2) + le(16, 2) + sizes + [UInt8](contents)
    let directoryOffset = UInt64(bytes.count)
    bytes += le(0x0201_4B50, 4) + le(3 << 8 | 45, 2) + le(45, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4) + nameAndSizes
    bytes += le(0, 2) + le(0, 2) + le(0, 2) + le(0o100644 << 16, 4) + le(0, 4) + name + le(1, 2) + le(16, 2) + sizes
    let directorySize = UInt64(bytes.count) - directoryOffset
    let zip64End = UInt64(bytes.count)
    bytes += le(0x0606_4B50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4) + le(1, 8) + le(1, 8)
    bytes += le(directorySize, 8) + le(directoryOffset, 8)
    bytes += le(0x0706_4B50, 4) + le(0, 4) + le(zip64End, 8) + le(1, 4)
    bytes += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4)
    return bytes + le(0, 2)
  }

  /// The offset of the central-directory record of `path`.
  static func centralRecordOffset(of path: String, in bytes: [UInt8]) -> Int? {
    let name = Array(path.utf8)
    return (0..<max(0, bytes.count - 46 - name.count)).first { index in
      bytes[index..<index + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02])
        && bytes[index + 46..<index + 46 + name.count].elementsEqual(name)
    }
  }

  /// The offset of the first data byte of `path` (after its local header).
  static func dataOffset(of path: String, in bytes: [UInt8]) -> Int? {
    let name = Array(path.utf8)
    guard
      let header = (0..<max(0, bytes.count - 30 - name.count)).first(where: { index in
        bytes[index..<index + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04])
          && bytes[index + 30..<index + 30 + name.count].elementsEqual(name)
      })
    else { return nil }
    return header + 30 + name.count + (Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8)
  }
}

/// A chat export inside a ZIP, read in a scan, is handed over in batches like a file on disk.
@Suite struct ArchiveBatchTests {
  @Test func aLargeZippedChatIsHandedOverInBatches() throws {
    let chat = (0..<20_000).map { "[2023/5/\(1 + $0 / 1_000) 10:\(String(format: "%02d", $0 % 60)):00] 老周: 第\($0)条，明天上午十点开会" }
    let zip = try TestZip.bytes([("_chat.txt", Data(chat.joined(separator: "\n").utf8), .deflate)])
    let (temporary, folder, _) = try StreamedReadingTests.folder("WhatsApp Chat with 老周.zip", zip)
    defer { temporary.remove() }
    let entry = try #require(folder.entries().first { $0.archiveMember != nil })
    let whole = folder.read(entry)
    let batched = StreamedReadingTests.streamed(folder, entry)
    #expect(whole.format == .whatsAppTXT)
    #expect(whole.units.count == 20_000)
    #expect(batched.pieces > 2)
    #expect(batched.units == whole.units)
    #expect(batched.document.unitCount == 20_000)
    #expect(batched.document.sha256 == whole.sha256)
  }
}
