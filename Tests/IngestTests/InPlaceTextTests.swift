import Foundation
import Testing
import ZIPFoundation

@testable import Ingest
import TestSupport

/// Files decoded where they are read give the documents of the ordinary read of their bytes.
@Suite struct InPlaceTextTests {
  /// Writes `bytes` to a file of its own; the caller removes the folder.
  static func file(_ bytes: [UInt8]) throws -> (folder: TemporaryFolder, path: [UInt8]) {
    let folder = try TemporaryFolder("inplace")
    let url = folder.url.appendingPathComponent("chat.txt")
    do {
      try Data(bytes).write(to: url)
    } catch {
      folder.remove()
      throw error
    }
    return (folder, Array(url.path.utf8))
  }

  /// How `FileBytes` reads `bytes` when asked to decode in place: "text", "bytes" or a failure.
  static func contents(of bytes: [UInt8]) throws -> (kind: String, text: String?, encoding: TextEncoding?) {
    let (folder, path) = try file(bytes)
    defer { folder.remove() }
    switch FileBytes.read(path, display: "chat.txt", limit: 1 << 30, decodingInPlace: true) {
    case .success(.text(let text, let encoding, let sha256, let size)):
      #expect(sha256 == EvidenceReader.sha256Hex(bytes))
      #expect(size == bytes.count)
      return ("text", text, encoding)
    case .success(.bytes(let read)):
      #expect(read == bytes)
      return ("bytes", nil, nil)
    case .success(.tooLarge), .failure:
      return ("failed", nil, nil)
    }
  }

  @Test func validUTF8IsDecodedInPlaceWithoutItsMark() throws {
    let chat = Array("2023-05-01 21:40:12 张三\n接口做了AES加密\n".utf8)
    let plain = try Self.contents(of: chat)
    #expect(plain.kind == "text" && plain.text == String(decoding: chat, as: UTF8.self) && plain.encoding == .utf8)
    let marked = try Self.contents(of: [0xEF, 0xBB, 0xBF] + chat)
    #expect(marked.kind == "text" && plain.text == marked.text && marked.encoding == .utf8BOM)
    let onlyMark = try Self.contents(of: [0xEF, 0xBB, 0xBF])
    #expect(onlyMark.kind == "text" && onlyMark.text == "" && onlyMark.encoding == .utf8BOM)
  }

  @Test func anythingElseComesBackAsBytes() throws {
    let gb18030: [UInt8] = [0xD5, 0xC5, 0xC8, 0xFD, 0x0A]  // 张三 in GB18030
    #expect(try Self.contents(of: gb18030).kind == "bytes")
    #expect(try Self.contents(of: Array("已撤回 \u{FFFD} 的消息\n".utf8)).kind == "bytes")
    #expect(try Self.contents(of: [0xFF, 0xFE, 0x20, 0x5F]).kind == "bytes")
    #expect(try Self.contents(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).kind == "bytes")
    let lateNUL = Array(repeating: UInt8(ascii: "a"), count: TextDecoding.sniffLength + 10) + [0, 0x0A]
    #expect(try Self.contents(of: lateNUL).kind == "bytes")
    let cutAtTheEnd = Array("第一行\n第二行".utf8) + [0xF0, 0x9F, 0x98]
    #expect(try Self.contents(of: cutAtTheEnd).kind == "bytes")
  }

  /// Every fixture file read by the folder (in place where it is UTF-8) gives the document the
  /// ordinary read of its bytes gives.
  @Test func everyFixtureReadsAsItsBytesRead() throws {
    let root = try Fixture.root
    let folder = try EvidenceFolder(root: root)
    var inPlace = 0
    var compared = 0
    for entry in folder.entries() where entry.problem == nil && entry.archiveMember == nil {
      let bytes = try Data(contentsOf: root.appendingPathComponent(entry.relativePath))
      let expected = EvidenceReader.read(data: bytes, path: entry.relativePath)
      #expect(folder.read(entry) == expected, "\(entry.relativePath)")
      compared += 1
      if case .success(.text) = FileBytes.read(entry.systemPath, display: entry.relativePath, limit: 1 << 30, decodingInPlace: true) {
        inPlace += 1
      }
    }
    #expect(compared >= 70)
    #expect(inPlace >= 40)
    #expect(inPlace < compared)
  }

  /// Every member of the fixtures' archives (one level deep), decoded in place where it is UTF-8,
  /// gives the document the ordinary read of its extracted bytes gives.
  @Test func everyArchiveMemberReadsAsItsBytesRead() throws {
    let root = try Fixture.root
    let folder = try EvidenceFolder(root: root)
    var compared = 0
    for entry in folder.entries() where entry.problem == nil && entry.innerMembers.isEmpty {
      guard let member = entry.archiveMember else { continue }
      let archivePath = String(entry.relativePath.prefix { $0 != "!" })
      let archive = try Archive(url: root.appendingPathComponent(archivePath), accessMode: .read)
      let item = try #require(archive[member])
      var data = Data()
      _ = try archive.extract(item) { data.append($0) }
      #expect(folder.read(entry) == EvidenceReader.read(data: data, path: entry.relativePath), "\(entry.relativePath)")
      compared += 1
    }
    #expect(compared >= 5)
  }

  /// A head that is not UTF-8 (GB18030 fails at its first Chinese character) is read as bytes at
  /// once; a head cut inside a character is still UTF-8.
  @Test func aHeadThatIsNotUTF8IsReadAsBytes() throws {
    let chinese = Array("银行卡收购，一张八百".utf8)
    #expect(InPlaceText.mayBeUTF8(head: chinese))
    for cut in 1...2 { #expect(InPlaceText.mayBeUTF8(head: Array(chinese.dropLast(cut)))) }
    #expect(InPlaceText.mayBeUTF8(head: Array("a😀".utf8).dropLast(1)))
    let gb18030 = try #require(DecodingInPlaceTests.gb18030("银行卡收购，一张八百"))
    #expect(!InPlaceText.mayBeUTF8(head: gb18030))
    #expect(!InPlaceText.mayBeUTF8(head: chinese + [0xFF] + chinese))
    #expect(!InPlaceText.mayBeUTF8(head: Array(chinese.dropLast(3)) + [0x80, 0x80, 0x80, 0x80]))
  }

  /// Only the head's first `checkedLength` bytes are checked; a file whose first bad byte comes
  /// later passes the check, is found repaired by its read and is read again: it comes back as
  /// its bytes, as a file that fails the check at once does.
  @Test func aFileBadOnlyAfterTheCheckedBytesIsStillReadAsBytes() throws {
    let line = Array("2023-05-01 21:40:12 张三\n接口做了AES加密\n".utf8)
    var good: [UInt8] = []
    while good.count <= InPlaceText.checkedLength { good += line }
    let gb18030 = try #require(DecodingInPlaceTests.gb18030("银行卡收购，一张八百"))
    #expect(InPlaceText.mayBeUTF8(head: good + gb18030))
    #expect(try Self.contents(of: good + gb18030).kind == "bytes")
    #expect(try Self.contents(of: good + [0xFF] + good).kind == "bytes")
    let whole = try Self.contents(of: good)
    #expect(whole.kind == "text" && whole.text == String(decoding: good, as: UTF8.self))
  }
}
