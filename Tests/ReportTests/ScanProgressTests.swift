import Foundation
import Synchronization
import Testing

@testable import Report

/// A spilling scan tells its progress watcher once per file, counting up to the number of files.
@Suite struct ScanProgressTests {
  @Test func everyFileIsCountedOnceUpToTheTotal() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mingjian-progress-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = ["a.txt", "b.txt", "sub/c.txt", "sub/d.bin", "e.md"]
    for (index, name) in names.enumerated() {
      try "2023-06-01 10:0\(index):00 小李\n后台要能控制输赢\n\n".write(
        to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let calls = Mutex<[(done: Int, total: Int)]>([])
    var pipeline = ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: ["小李"])
    pipeline.progress = ScanProgress { done, total in calls.withLock { $0.append((done, total)) } }
    let report = try pipeline.runSpilling(folder: folder, htmlLimit: 0)
    let seen = calls.withLock { $0 }
    #expect(report.documents.count == names.count)
    #expect(seen.map(\.total) == Array(repeating: names.count, count: names.count))
    #expect(seen.map(\.done).sorted() == Array(1...names.count))
  }
}
