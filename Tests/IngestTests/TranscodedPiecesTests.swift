import Crypto
import Foundation
import Testing

@testable import Ingest
import TestSupport

/// A text file in GB18030 or UTF-16 above the parse limit, in a format that can be cut, is read
/// in pieces through a UTF-8 copy (`TranscodedCopy`): the units and diagnostics of a whole read
/// of its bytes, the file's own hash, size and encoding, and no copy left behind. The parse limit
/// and piece sizes are lowered so that small synthetic chats take the path of a file of 300 MB.
@Suite(.serialized) struct TranscodedPiecesTests {
  static let limit = 2_000
  static let policy = StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 1_000, maxPieceBytes: 64 * 1_024)

  /// Reads `bytes` as the only file, `name`, of a folder whose parse limit is `limit` (a copy
  /// made in `copyFolder` if given): the units handed over, how many pieces, and the manifest
  /// document.
  static func read(
    _ bytes: [UInt8], name: String, copyFolder: URL? = nil
  ) throws -> (units: [TextUnit], pieces: Int, document: EvidenceDocument) {
    let temporary = try TemporaryFolder("transcoded")
    defer { temporary.remove() }
    let root = temporary.url
    try Data(bytes).write(to: root.appendingPathComponent(name))
    var folder = try EvidenceFolder(root: root, options: IngestOptions(maxParseBytes: limit))
    if let copyFolder { folder.decodedCopyFolder = copyFolder }
    let entry = try #require(folder.entries().first)
    return StreamedReadingTests.streamed(folder, entry, policy: policy)
  }

  /// The copies in the temporary folder.
  static func copies() throws -> Set<String> {
    Set(
      try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
        .filter { $0.hasPrefix("mingjian-decoded-") })
  }

  static func sha256(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
  }

  /// Expects `bytes` read through a copy to give what a whole read of them gives.
  static func expectAsWhole(_ bytes: [UInt8], name: String, encoding: String) throws {
    #expect(bytes.count > limit)
    let before = try copies()
    let read = try Self.read(bytes, name: name)
    let whole = EvidenceReader.read(data: Data(bytes), path: name)
    #expect(read.pieces > 3, "\(name)")
    #expect(read.units == whole.units, "\(name)")
    #expect(read.document.unitCount == whole.unitCount, "\(name)")
    #expect(read.document.diagnostics.filter { $0.code != "streamed" } == whole.diagnostics, "\(name)")
    #expect(read.document.status == whole.status && read.document.reason == whole.reason, "\(name)")
    #expect(read.document.format == whole.format && read.document.encoding == encoding, "\(name)")
    #expect(read.document.sha256 == sha256(bytes) && read.document.bytes == bytes.count, "\(name)")
    #expect(try copies().subtracting(before).isEmpty, "\(name): a copy was left behind")
  }

  @Test func aGB18030ChatAboveTheLimitIsReadInPieces() throws {
    let bytes = try LargeDamagedGB18030Tests.chat(count: 300, damage: [:])
    try Self.expectAsWhole(bytes, name: "张三.txt", encoding: "gb18030")
    let read = try Self.read(bytes, name: "张三.txt")
    #expect(read.document.status == .parsed)
    #expect(read.units.contains { $0.text.contains("银行卡收购") })
  }

  @Test func aDamagedGB18030ChatIsRepairedAsAWholeReadRepairsIt() throws {
    let bytes = try LargeDamagedGB18030Tests.chat(count: 300, damage: [1: [0xFF], 150: [0xD6], 299: [0x81, 0x30]])
    try Self.expectAsWhole(bytes, name: "张三.txt", encoding: "gb18030")
    let read = try Self.read(bytes, name: "张三.txt")
    #expect(read.document.status == .partial)
    #expect(read.document.diagnostics.first?.code == "invalid-gb18030")
  }

  @Test func aGB18030ChatWithItsByteOrderMarkLosesTheMark() throws {
    let bytes = [0x84, 0x31, 0x95, 0x33] + (try LargeDamagedGB18030Tests.chat(count: 300, damage: [:]))
    try Self.expectAsWhole(bytes, name: "张三.txt", encoding: "gb18030")
  }

  @Test func aQQExportInGB18030IsReadAgainThroughItsCopy() throws {
    let bytes = try LargeDamagedGB18030Tests.gb(QQTXTPiecesTests.exportAll(recentFirst: false, lineBreak: "\r\n"))
    try Self.expectAsWhole(bytes, name: "全部消息记录.txt", encoding: "gb18030")
  }

  @Test func aUTF16ChatAboveTheLimitIsReadInPieces() throws {
    let text = StreamedReadingTests.memoTraceV1(records: 300)
    let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    try Self.expectAsWhole(bytes, name: "张三.txt", encoding: "utf-16le")
    #expect(try Self.read(bytes, name: "张三.txt").units == EvidenceReader.read(data: Data(text.utf8), path: "张三.txt").units)
  }

  @Test func bytesThatAreNotSuchTextAreListedAsBefore() throws {
    let damaged = (0..<3_000).map { UInt8(truncatingIfNeeded: $0 &* 37 | 0x80) }
    let read = try Self.read(damaged, name: "张三.txt")
    #expect(read.document.units.isEmpty && read.pieces == 1)
    #expect(read.document.reason?.contains("above the \(Self.limit)-byte limit") == true)
  }

  @Test func aCopyThatCannotBeMadeIsNamedInTheManifest() throws {
    let bytes = try LargeDamagedGB18030Tests.chat(count: 300, damage: [:])
    let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("mingjian-missing-\(UUID().uuidString)")
    let read = try Self.read(bytes, name: "张三.txt", copyFolder: nowhere)
    #expect(read.document.units.isEmpty)
    #expect(read.document.reason?.contains("above the \(Self.limit)-byte limit") == true)
    let warning = try #require(read.document.diagnostics.first { $0.code == "decoded-copy" })
    #expect(warning.severity == .warning)
    #expect(warning.message.hasPrefix("its UTF-8 copy could not be made in \(nowhere.path)"))
  }

  @Test func noCopyIsMadeInsideTheEvidenceFolder() throws {
    let bytes = try LargeDamagedGB18030Tests.chat(count: 300, damage: [:])
    let temporary = try TemporaryFolder("transcoded")
    defer { temporary.remove() }
    let root = temporary.url
    try FileManager.default.createDirectory(at: root.appendingPathComponent("tmp"), withIntermediateDirectories: true)
    try Data(bytes).write(to: root.appendingPathComponent("张三.txt"))
    var folder = try EvidenceFolder(root: root, options: IngestOptions(maxParseBytes: Self.limit))
    folder.decodedCopyFolder = root.appendingPathComponent("tmp")
    let entry = try #require(folder.entries().first { $0.relativePath == "张三.txt" })
    let read = StreamedReadingTests.streamed(folder, entry, policy: Self.policy)
    #expect(read.document.units.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("tmp").path).isEmpty)
    let warning = try #require(read.document.diagnostics.first { $0.code == "decoded-copy" })
    #expect(warning.message.contains("inside the evidence folder"))
  }
}
