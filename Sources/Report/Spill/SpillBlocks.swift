import Foundation

/// The rendered findings of one part of a document on their way to the spill: the
/// `findings.json` entries of the active and of the suppressed findings and the `findings.csv`
/// rows of the active ones, each kind only when its format is among `formats`.
///
/// Findings are added one at a time, in report order. Each kind is spilled as a block of whole
/// entries (or rows) once it holds `blockBytes`, and what is left when `finish()` is called:
/// a `findings.json` block is a fragment of the entries array (`PrettyJSONBuffer.passFragment`),
/// and the writers join the blocks of each kind into the bytes rendering all its findings in
/// one go gives. The bytes go from the rendering buffer to the spill file without a copy in
/// between, and a finding's time is rendered once for both files.
struct SpillBlocks {
  /// Bytes of a kind gathered before they are spilled as a block.
  static let blockBytes = 1 << 18

  /// Where the blocks go.
  let spill: FindingSpill
  private let json: Bool
  private let csv: Bool
  private var times = FindingTimeText()
  private var active = PrettyJSONBuffer(fragmentDepth: JSONReportWriter.entryDepth)
  private var suppressed = PrettyJSONBuffer(fragmentDepth: JSONReportWriter.entryDepth)
  private var rows = ByteRun(capacity: SpillBlocks.blockBytes + 4_096)
  /// The spilled `findings.json` entries of the active findings, in report order.
  private(set) var activeJSON: [SpillSegment] = []
  /// The spilled `findings.json` entries of the suppressed findings, in report order.
  private(set) var suppressedJSON: [SpillSegment] = []
  /// The spilled `findings.csv` rows of the active findings, in report order.
  private(set) var csvRows: [SpillSegment] = []

  /// Blocks for `spill` of the findings files among `formats` (`.json`, `.csv`).
  init(spill: FindingSpill, formats: Set<ReportFormat>) {
    self.spill = spill
    json = formats.contains(.json)
    csv = formats.contains(.csv)
  }

  /// Renders `finding`, which follows every finding added before in report order, and spills
  /// the blocks it fills. Inlined: the spill adds findings from a local it moved them into, and
  /// a call copied each one first.
  @inline(__always)
  mutating func add(_ finding: Finding) {
    guard json || csv else { return }
    let time = times.text(of: finding.time)
    if finding.isSuppressed {
      guard json else { return }
      suppressed.element { JSONReportWriter.write(finding, time: time, to: &$0) }
      if suppressed.fragmentByteCount >= Self.blockBytes { spillSuppressed() }
      return
    }
    if json {
      active.element { JSONReportWriter.write(finding, time: time, to: &$0) }
      if active.fragmentByteCount >= Self.blockBytes { spillActive() }
    }
    if csv {
      CSVReportWriter.appendRow(for: finding, time: time, to: &rows)
      if rows.count >= Self.blockBytes { spillRows() }
    }
  }

  /// Spills the blocks not yet full.
  mutating func finish() {
    if active.fragmentByteCount > 0 { spillActive() }
    if suppressed.fragmentByteCount > 0 { spillSuppressed() }
    if !rows.isEmpty { spillRows() }
  }

  private mutating func spillActive() {
    let spill = spill
    activeJSON.append(active.passFragment { spill.append($0) })
  }

  private mutating func spillSuppressed() {
    let spill = spill
    suppressedJSON.append(suppressed.passFragment { spill.append($0) })
  }

  private mutating func spillRows() {
    csvRows.append(rows.withUnsafeBufferPointer { spill.append(UnsafeRawBufferPointer($0)) })
    rows.removeAll()
  }
}
