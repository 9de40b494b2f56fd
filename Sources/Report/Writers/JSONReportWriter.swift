import Foundation

/// Writes `findings.json` (schema `mingjian.findings/1`).
///
/// Output is deterministic: keys sorted, arrays in report order, no wall-clock fields, so the same
/// input and lexicons give a byte-identical file.
public struct JSONReportWriter: Sendable {
  /// Creates a writer.
  public init() {}

  /// The JSON bytes of `report`, pretty-printed with sorted keys and a final newline.
  public func render(_ report: CaseReport) throws(ReportError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(FindingsFile(report))
      data.append(0x0A)
      return data
    } catch {
      throw .encodingFailed(format: ReportFormat.json, reason: String(describing: error))
    }
  }
}
