import Foundation
import Testing

@testable import Ingest

/// ZIP archives read in place inside an evidence folder.
@Suite struct ArchiveTests {
  @Test func membersAreEntriesReadInPlace() throws {
    let folder = try EvidenceFolder(root: try Fixture.root.appendingPathComponent("archives"))
    let entries = folder.entries()
    #expect(entries.map(\.relativePath) == [
      "chats.zip", "chats.zip!/nested.zip", "chats.zip!/note.txt", "chats.zip!/聊天记录/张三/张三.txt", "duplicate.zip",
      "duplicate.zip!/a.txt", "duplicate.zip!/a.txt (2)",
    ])
    #expect(folder.read(entries[6]).status == .error)
    #expect(folder.read(entries[5]).units.first?.text == "first")
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
}
