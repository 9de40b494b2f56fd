import Foundation
import Testing

@testable import Ingest
import TestSupport

/// Reading an evidence file again gives its bytes piece by piece, and reports a file whose bytes
/// changed since they were hashed.
@Suite struct EvidenceRereaderTests {
  static let pieces: [[UInt8]] = [Array("消息记录\n".utf8), [], Array(repeating: 0x41, count: 100_000), [0x0A]]

  /// A file holding `pieces` joined; the caller removes the folder.
  static func file() throws -> (folder: TemporaryFolder, url: URL, sha256: String) {
    let folder = try TemporaryFolder("reread")
    let url = folder.url.appendingPathComponent("全部消息记录.txt")
    let bytes = pieces.flatMap { $0 }
    do {
      try Data(bytes).write(to: url)
    } catch {
      folder.remove()
      throw error
    }
    return (folder, url, EvidenceReader.sha256Hex(bytes))
  }

  @Test func readsTheSamePiecesEveryTime() throws {
    let (folder, url, sha256) = try Self.file()
    defer { folder.remove() }
    let rereader = EvidenceRereader(path: Array(url.path.utf8), io: .system, sha256: sha256)
    for round in 0..<2 {
      rereader.rewind()
      for piece in Self.pieces { #expect(rereader.read(count: piece.count) == piece, "round \(round)") }
      rereader.endReading()
    }
    #expect(rereader.failure == nil && rereader.change == nil)
  }

  @Test func aFileChangedSinceItWasHashedIsAChange() throws {
    let (folder, url, sha256) = try Self.file()
    defer { folder.remove() }
    var bytes = Self.pieces.flatMap { $0 }
    bytes[20] = 0x42
    try Data(bytes).write(to: url)
    let rereader = EvidenceRereader(path: Array(url.path.utf8), io: .system, sha256: sha256)
    rereader.rewind()
    var read: [UInt8] = []
    for piece in Self.pieces { read += rereader.read(count: piece.count) ?? [] }
    #expect(read == bytes)
    #expect(rereader.change == nil)
    rereader.endReading()
    #expect(rereader.change == "its bytes differed when it was read again")
    rereader.rewind()
    #expect(rereader.read(count: 1) == nil)
  }

  @Test func aShorterFileIsAChangeAndAMissingOneAFailure() throws {
    let (folder, url, sha256) = try Self.file()
    defer { folder.remove() }
    try Data(Self.pieces[0]).write(to: url)
    let shorter = EvidenceRereader(path: Array(url.path.utf8), io: .system, sha256: sha256)
    shorter.rewind()
    #expect(shorter.read(count: Self.pieces[0].count) == Self.pieces[0])
    #expect(shorter.read(count: 10) == nil)
    #expect(shorter.change == "it ended early when read again")
    try FileManager.default.removeItem(at: url)
    let missing = EvidenceRereader(path: Array(url.path.utf8), io: .system, sha256: sha256)
    missing.rewind()
    #expect(missing.failure == "it could not be opened again")
    #expect(missing.read(count: 1) == nil)
  }
}
