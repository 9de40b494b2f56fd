import Foundation
import Testing

/// Golden-file comparison against `Snapshots/<name>` next to this test target's sources.
///
/// A missing snapshot, or any snapshot when `RECORD_SNAPSHOTS=1`, is written and the test fails,
/// so that a recorded file is always reviewed before it is trusted.
enum Snapshot {
  /// The snapshot folder of the ReportTests target.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

  /// Compares `actual` with the snapshot `name`, recording it when asked or missing.
  static func assertMatches(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = folder.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      Issue.record(
        "recorded snapshot \(name); review it and re-run", sourceLocation: sourceLocation)
      return
    }
    if actual != expected {
      Issue.record(
        "snapshot \(name) differs:\n\(firstDifference(expected, actual))",
        sourceLocation: sourceLocation)
    }
  }

  /// The first differing line of two texts, for the failure message.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(left.count, right.count) {
      let expectedLine = index < left.count ? String(left[index]) : "<end>"
      let actualLine = index < right.count ? String(right[index]) : "<end>"
      if expectedLine != actualLine {
        return "line \(index + 1):\n- \(expectedLine)\n+ \(actualLine)"
      }
    }
    return "no line differs"
  }
}
