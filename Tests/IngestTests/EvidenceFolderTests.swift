import Foundation
import Testing

@testable import Ingest
import TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The walker: relative paths, order, links, special files, permissions.
@Suite struct EvidenceFolderTests {
  /// A scratch evidence folder with a sibling "outside" file, removed when the test ends.
  final class Scratch {
    private let temporary: TemporaryFolder
    var base: URL { temporary.url }
    let evidence: URL

    init() throws {
      temporary = try TemporaryFolder("ingest")
      evidence = temporary.url.appendingPathComponent("evidence")
      try FileManager.default.createDirectory(
        at: evidence.appendingPathComponent("聊天/sub"), withIntermediateDirectories: true)
      try Data("outside secret\n".utf8).write(to: base.appendingPathComponent("outside.txt"))
    }

    func write(_ relative: String, _ text: String) throws {
      try Data(text.utf8).write(to: evidence.appendingPathComponent(relative))
    }

    func link(_ relative: String, to destination: String) throws {
      try FileManager.default.createSymbolicLink(
        atPath: evidence.appendingPathComponent(relative).path, withDestinationPath: destination)
    }

    deinit {
      chmod(evidence.appendingPathComponent("locked.txt").path, 0o644)
      chmod(evidence.appendingPathComponent("closed").path, 0o755)
      temporary.remove()
    }
  }

  @Test func missingFolderThrows() {
    #expect(throws: IngestError.folderNotFound(path: "/nonexistent/mingjian")) {
      try EvidenceFolder(root: URL(fileURLWithPath: "/nonexistent/mingjian"))
    }
  }

  @Test func fileIsNotAFolder() throws {
    let scratch = try Scratch()
    let file = scratch.base.appendingPathComponent("outside.txt")
    #expect(throws: IngestError.folderNotFound(path: file.path)) { try EvidenceFolder(root: file) }
  }

  @Test func relativePathsSortedHiddenIncluded() throws {
    let scratch = try Scratch()
    try scratch.write("b.txt", "b\n")
    try scratch.write("a.txt", "a\n")
    try scratch.write(".hidden.txt", "hidden\n")
    try scratch.write("聊天/sub/deep.txt", "deep\n")
    let folder = try EvidenceFolder(root: scratch.evidence)
    #expect(folder.entries().map(\.relativePath) == [".hidden.txt", "a.txt", "b.txt", "聊天/sub/deep.txt"])
    let documents = folder.entries().map(folder.read)
    #expect(documents.allSatisfy { $0.status == .parsed })
    #expect(documents.last?.units.first?.text == "deep")
    #expect(documents.last?.path == "聊天/sub/deep.txt")
  }

  @Test func linksAreNeverFollowedOutOfTheFolder() throws {
    let scratch = try Scratch()
    try scratch.write("聊天/real.txt", "inside\n")
    try scratch.link("out.txt", to: "../outside.txt")
    try scratch.link("abs-out.txt", to: scratch.base.appendingPathComponent("outside.txt").path)
    try scratch.link("in.txt", to: "聊天/real.txt")
    try scratch.link("loop-a", to: "loop-b")
    try scratch.link("loop-b", to: "loop-a")
    try scratch.link("聊天/sub/up", to: "..")
    try scratch.link("chats", to: "聊天")
    try scratch.link("broken.txt", to: "missing.txt")
    try scratch.link("parent", to: "..")
    let folder = try EvidenceFolder(root: scratch.evidence)
    let documents = Dictionary(uniqueKeysWithValues: folder.entries().map { ($0.relativePath, folder.read($0)) })
    #expect(documents.keys.sorted() == [
      "abs-out.txt", "broken.txt", "chats", "in.txt", "loop-a", "loop-b", "out.txt", "parent", "聊天/real.txt", "聊天/sub/up",
    ])
    let out = try #require(documents["out.txt"])
    #expect(out.status == .error)
    #expect(out.reason == "symbolic link points outside the evidence folder (to ../outside.txt); not followed")
    #expect(out.units.isEmpty)
    #expect(documents["abs-out.txt"]?.status == .error)
    #expect(documents["parent"]?.reason?.hasPrefix("symbolic link points outside") == true)
    #expect(documents["in.txt"]?.status == .parsed)
    #expect(documents["in.txt"]?.units.first?.text == "inside")
    #expect(documents["loop-a"]?.status == .error)
    #expect(documents["loop-a"]?.reason == "symbolic link loop (loop-b); not followed")
    #expect(documents["聊天/sub/up"]?.status == .error)
    #expect(documents["聊天/sub/up"]?.reason == "symbolic link loop (..); not followed")
    #expect(documents["chats"]?.status == .unsupported)
    #expect(documents["broken.txt"]?.reason == "broken symbolic link: target missing.txt does not exist")
  }

  @Test func namedPipeIsReportedNotOpened() throws {
    let scratch = try Scratch()
    #expect(mkfifo(scratch.evidence.appendingPathComponent("pipe").path, 0o644) == 0)
    let folder = try EvidenceFolder(root: scratch.evidence)
    let document = folder.read(try #require(folder.entries().first { $0.relativePath == "pipe" }))
    #expect(document.status == .error)
    #expect(document.reason == "not a regular file (named pipe); not read")
  }

  /// Root reads files whatever their mode, so the permission case is only meaningful for others.
  @Test(.enabled(if: geteuid() != 0, "running as root: a mode-000 file is still readable"))
  func unreadableFileAndFolder() throws {
    let scratch = try Scratch()
    try scratch.write("locked.txt", "secret\n")
    try FileManager.default.createDirectory(
      at: scratch.evidence.appendingPathComponent("closed"), withIntermediateDirectories: false)
    #expect(chmod(scratch.evidence.appendingPathComponent("locked.txt").path, 0) == 0)
    #expect(chmod(scratch.evidence.appendingPathComponent("closed").path, 0) == 0)
    let folder = try EvidenceFolder(root: scratch.evidence)
    let documents = folder.entries().map(folder.read)
    #expect(documents.map(\.path) == ["closed", "locked.txt"])
    #expect(throws: IngestError.unreadable(path: scratch.evidence.appendingPathComponent("closed").path, reason: "Permission denied")) {
      try EvidenceFolder(root: scratch.evidence.appendingPathComponent("closed"))
    }
    #expect(documents[0].reason == "folder cannot be listed: Permission denied")
    #expect(documents[1].status == .error)
    #expect(documents[1].reason == "locked.txt: cannot be read: Permission denied")
  }

  @Test func undecodableFileNamesStayDistinct() {
    #expect(FileName.display([0x61, 0xFF, 0x2E, 0x74]) == "a%FF.t")
    #expect(FileName.display([0x61, 0x25]) == "a%")
    #expect(FileName.display([0xC4, 0xE3, 0xBA, 0xC3]) == "你好")
  }

  @Test func readingNeverModifiesEvidence() throws {
    let scratch = try Scratch()
    try scratch.write("a.txt", "2016-01-01 12:00:00 老王(12345678)\n你好\n")
    let url = scratch.evidence.appendingPathComponent("a.txt")
    let before = try FileManager.default.attributesOfItem(atPath: url.path)
    let folder = try EvidenceFolder(root: scratch.evidence)
    let document = folder.read(try #require(folder.entries().first))
    let after = try FileManager.default.attributesOfItem(atPath: url.path)
    #expect(document.format == .qqMessageManagerTXT)
    #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
    #expect(try Data(contentsOf: url) == Data("2016-01-01 12:00:00 老王(12345678)\n你好\n".utf8))
  }

  @Test func oversizedFilesAreHashedNotParsed() throws {
    let scratch = try Scratch()
    try scratch.write("big.txt", String(repeating: "x", count: 5000))
    let folder = try EvidenceFolder(root: scratch.evidence, options: IngestOptions(maxParseBytes: 1000))
    let document = folder.read(try #require(folder.entries().first))
    #expect(document.status == .unsupported)
    #expect(document.bytes == 5000)
    #expect(document.sha256 == EvidenceReader.sha256Hex(Data(String(repeating: "x", count: 5000).utf8)))
    #expect(document.reason == "file is 5000 bytes, above the 1000-byte limit for parsing; hashed but not read")
  }

  @Test func concurrentReadsAgreeWithSerialReads() async throws {
    let folder = try EvidenceFolder(root: try Fixture.root)
    let entries = folder.entries()
    let serial = entries.map(folder.read)
    let parallel = await withTaskGroup(of: (Int, EvidenceDocument).self) { group in
      for (index, entry) in entries.enumerated() { group.addTask { (index, folder.read(entry)) } }
      var results = [EvidenceDocument?](repeating: nil, count: entries.count)
      for await (index, document) in group { results[index] = document }
      return results
    }
    #expect(parallel == serial)
    #expect(serial.count == entries.count)
    #expect(serial.count >= 15)
  }

  /// An `fstat` that reports the file as first seen, then as `change` makes it on every later
  /// call; with `perOpenedFile`, on every later call for the same descriptor (a reader that opens
  /// the file more than once sees each opening change while it reads).
  final class ChangingStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    private var seen: Set<Int32> = []
    private let perOpenedFile: Bool
    private let change: @Sendable (inout FileStatus) -> Void

    init(perOpenedFile: Bool = false, _ change: @escaping @Sendable (inout FileStatus) -> Void) {
      self.perOpenedFile = perOpenedFile
      self.change = change
    }

    var io: FileIO {
      FileIO { descriptor in
        guard var status = FileStatus.of(descriptor) else { return nil }
        self.lock.lock()
        defer { self.lock.unlock() }
        self.calls += 1
        let later = self.perOpenedFile ? !self.seen.insert(descriptor).inserted : self.calls > 1
        if later { self.change(&status) }
        return status
      }
    }
  }

  /// One way a file can change between opening and the end of reading, and the reason given.
  enum Change: CaseIterable, Sendable {
    case modificationTime, statusChangeTime, size

    func apply(_ status: inout FileStatus) {
      switch self {
      case .modificationTime: status.modified.nanoseconds += 1
      case .statusChangeTime: status.statusChanged.seconds += 1
      case .size: status.size += 7
      }
    }

    var reason: String {
      switch self {
      case .modificationTime: "modification time changed"
      case .statusChangeTime: "status-change time changed"
      case .size: "size went from 34 to 41 bytes"
      }
    }
  }

  @Test(arguments: Change.allCases)
  func fileChangedWhileBeingReadIsAnError(change: Change) throws {
    let scratch = try Scratch()
    try scratch.write("chat.txt", "2023-05-01 21:40:12 张三\n在吗\n")
    for limit in [1 << 20, 4] {
      let folder = try EvidenceFolder(
        root: scratch.evidence, options: IngestOptions(maxParseBytes: limit), io: ChangingStatus(change.apply).io)
      let entry = try #require(folder.entries().first { $0.relativePath == "chat.txt" })
      let document = folder.read(entry)
      #expect(document.status == .error, "limit \(limit)")
      #expect(document.reason == "\(IngestError.changedWhileReading(path: "chat.txt").description) (\(change.reason))")
      #expect(document.sha256.isEmpty && document.units.isEmpty)
    }
  }

  @Test func unchangedFileReadsThroughTheSeam() throws {
    let scratch = try Scratch()
    try scratch.write("chat.txt", "2023-05-01 21:40:12 张三\n在吗\n")
    let folder = try EvidenceFolder(root: scratch.evidence, options: IngestOptions(), io: ChangingStatus { _ in }.io)
    let entry = try #require(folder.entries().first { $0.relativePath == "chat.txt" })
    #expect(folder.read(entry).status == .parsed)
  }

  /// A file dated in the year 3000 (its time in nanoseconds would not fit in 64 bits) is read.
  @Test func farFutureModificationTimeIsRead() throws {
    let scratch = try Scratch()
    try scratch.write("chat.txt", "2023-05-01 21:40:12 张三\n在吗\n")
    let times = [timespec(tv_sec: 32_503_680_000, tv_nsec: 0), timespec(tv_sec: 32_503_680_000, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, scratch.evidence.appendingPathComponent("chat.txt").path, times, 0) == 0)
    let folder = try EvidenceFolder(root: scratch.evidence)
    let entry = try #require(folder.entries().first { $0.relativePath == "chat.txt" })
    #expect(folder.read(entry).status == .parsed)
  }

  @Test func statusChangesAreNamed() throws {
    let first = FileStatus(
      type: S_IFREG, size: 10, modified: FileTime(seconds: 32_503_680_000, nanoseconds: 5),
      statusChanged: FileTime(seconds: 32_503_680_000, nanoseconds: 6))
    var later = first
    #expect(first.change(to: later) == nil)
    later.modified.nanoseconds = 9
    #expect(first.change(to: later) == "modification time changed")
    later.size = 12
    #expect(first.change(to: later) == "size went from 10 to 12 bytes")
  }
}
