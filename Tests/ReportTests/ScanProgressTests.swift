import Foundation
import Ingest
import Synchronization
import Testing

@testable import Report
import TestSupport

/// A spilling scan tells its progress watcher as each file is finished and each piece is read.
@Suite struct ScanProgressTests {
  @Test func everyFileIsCountedOnceUpToTheTotal() throws {
    let temporary = try TemporaryFolder("progress")
    defer { temporary.remove() }
    let folder = temporary.url
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    let names = ["a.txt", "b.txt", "sub/c.txt", "sub/d.bin", "e.md"]
    for (index, name) in names.enumerated() {
      try "2023-06-01 10:0\(index):00 小李\n后台要能控制输赢\n\n".write(
        to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let calls = Mutex<[ScanProgress.Status]>([])
    var pipeline = ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: ["小李"])
    pipeline.progress = ScanProgress { status in calls.withLock { $0.append(status) } }
    let report = try pipeline.runSpilling(folder: folder, htmlLimit: 0)
    let seen = calls.withLock { $0 }
    #expect(report.documents.count == names.count)
    #expect(seen.allSatisfy { $0.files == names.count })
    #expect(Set(seen.map(\.filesDone)).subtracting([0]).sorted() == Array(1...names.count))
    #expect(seen.last?.filesDone == names.count)
    #expect(seen.map(\.bytesRead).max() == report.documents.reduce(0) { $0 + $1.bytes })
  }

  /// A file read in pieces moves the bytes read while its own file count stays.
  @Test func aFileReadInPiecesIsCountedPieceByPiece() throws {
    let temporary = try TemporaryFolder("progress")
    defer { temporary.remove() }
    let folder = temporary.url
    let chat = (0..<3_000).map { String(format: "2023-06-01 %02d:%02d:00 小李\n好的，收到 %d\n", $0 / 60 % 24, $0 % 60, $0) }
      .joined(separator: "\n")
    try chat.write(to: folder.appendingPathComponent("小李.txt"), atomically: true, encoding: .utf8)
    let calls = Mutex<[ScanProgress.Status]>([])
    var pipeline = ScanPipeline(
      lexicon: try SpillingScanTests.shipped(), subjects: ["小李"],
      streaming: StreamingPolicy(thresholdBytes: 10_000, pieceBytes: 10_000))
    pipeline.progress = ScanProgress { status in calls.withLock { $0.append(status) } }
    _ = try pipeline.runSpilling(folder: folder, htmlLimit: 0)
    let seen = calls.withLock { $0 }
    let whileReading = seen.filter { $0.filesDone == 0 }
    #expect(whileReading.count > 5)
    #expect(whileReading.map(\.bytesRead) == whileReading.map(\.bytesRead).sorted())
    #expect(seen.last?.bytesRead == chat.utf8.count)
  }
}
