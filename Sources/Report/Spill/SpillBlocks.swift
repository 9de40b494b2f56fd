import Foundation

/// The rendered findings of one part of a document on their way to the spill: the
/// `findings.json` entries of the active and of the suppressed findings and the `findings.csv`
/// rows of the active ones, each kind only when its format is among `formats`.
///
/// Findings are added one at a time, in report order, and each kind is spilled a block of
/// `DocumentSpiller.blockSize` findings at a time, the last block when `finish()` is called:
/// the blocks of each kind are those rendering its findings in blocks after they are all
/// gathered gave, byte for byte. A finding's time is rendered once for both files.
struct SpillBlocks {
  /// Where the blocks go.
  let spill: FindingSpill
  private let json: Bool
  private let csv: Bool
  private var times = FindingTimeText()
  private var active = PrettyJSONBuffer(fragmentDepth: JSONReportWriter.entryDepth)
  private var activeCount = 0
  private var suppressed = PrettyJSONBuffer(fragmentDepth: JSONReportWriter.entryDepth)
  private var suppressedCount = 0
  private var rows: [UInt8] = []
  private var rowCount = 0
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
      suppressedCount += 1
      if suppressedCount == DocumentSpiller.blockSize { spillSuppressed() }
      return
    }
    if json {
      active.element { JSONReportWriter.write(finding, time: time, to: &$0) }
      activeCount += 1
      if activeCount == DocumentSpiller.blockSize { spillActive() }
    }
    if csv {
      CSVReportWriter.appendRow(for: finding, time: time, to: &rows)
      rowCount += 1
      if rowCount == DocumentSpiller.blockSize { spillRows() }
    }
  }

  /// Spills the blocks not yet full.
  mutating func finish() {
    if activeCount > 0 { spillActive() }
    if suppressedCount > 0 { spillSuppressed() }
    if rowCount > 0 { spillRows() }
  }

  private mutating func spillActive() {
    let block = active
    active = PrettyJSONBuffer(fragmentDepth: JSONReportWriter.entryDepth)
    activeCount = 0
    activeJSON.append(spill.append(block.data()))
  }

  private mutating func spillSuppressed() {
    let block = suppressed
    suppressed = PrettyJSONBuffer(fragmentDepth: JSONReportWriter.entryDepth)
    suppressedCount = 0
    suppressedJSON.append(spill.append(block.data()))
  }

  private mutating func spillRows() {
    csvRows.append(spill.append(Data(rows)))
    rows.removeAll(keepingCapacity: true)
    rowCount = 0
  }
}
