import Foundation
import Testing

import TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A scan interrupted by SIGINT (Ctrl-C) or SIGTERM removes the temporary files it made (here
/// the UTF-8 copy of a GB18030 chat, decoded evidence) from its `$TMPDIR`, says so on standard
/// error and ends with the conventional status.
@Suite struct InterruptedScanTests {
  /// Two MemoTrace messages in GB18030: "2023-05-01 10:00:00 老周 / 明天上午十点开会，别忘了" and
  /// "2023-05-01 10:01:00 小李 / 好的，收到".
  static let messages: [UInt8] = hexBytes(
    "323032332d30352d30312031303a30303a303020c0cfd6dc0ac3f7ccecc9cfcee7caaeb5e3bfaabbe1a3acb1f0cdfcc1cb0a0a"
      + "323032332d30352d30312031303a30313a303020d0a1c0ee0abac3b5c4a3accad5b5bd0a0a")

  /// The bytes a string of hex digits spells.
  static func hexBytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map {
      UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16) ?? 0
    }
  }

  /// The `mingjian-` files and folders in `folder`.
  static func leftovers(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("mingjian-") }.sorted()
  }

  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func anInterruptedScanLeavesNoDecodedCopy(signal: Int32, status: Int32) throws {
    let temporary = try TemporaryFolder("interrupted")
    defer { temporary.remove() }
    let evidence = temporary.url.appendingPathComponent("evidence")
    let scratch = temporary.url.appendingPathComponent("tmp")
    for folder in [evidence, scratch] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    // Above 16 MB, a GB18030 chat is read through a UTF-8 copy in $TMPDIR; a debug scan of 24 MB
    // takes seconds, far longer than it takes to notice the copy and signal.
    let repeats = (24 << 20) / Self.messages.count
    try Data(Array([[UInt8]](repeating: Self.messages, count: repeats).joined()))
      .write(to: evidence.appendingPathComponent("张三.txt"))
    let run = try CommandRunner.start(
      ["scan", evidence.path, "-o", temporary.url.appendingPathComponent("report").path, "--format", "json"],
      environment: ["TMPDIR": scratch.path])
    var copied = false
    for _ in 0..<12_000 where run.process.isRunning {
      copied = try Self.leftovers(scratch).contains { $0.hasPrefix("mingjian-decoded-") }
      if copied { break }
      usleep(10_000)
    }
    guard copied else {
      Issue.record("no decoded copy appeared in TMPDIR: \(run.finish().stderr)")
      return
    }
    kill(run.process.processIdentifier, signal)
    let outcome = run.finish()
    #expect(outcome.status == status)
    #expect(outcome.stderr.contains("mingjian: interrupted: removed 1 temporary file(s)"), "\(outcome.stderr)")
    #expect(try Self.leftovers(scratch).isEmpty)
  }
}
