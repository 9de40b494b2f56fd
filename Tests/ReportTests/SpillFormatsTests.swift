import Foundation
import Testing

@testable import Report

/// A spilling scan renders only the findings files it is asked for, writes those byte for byte
/// as the in-memory scan, and refuses to write the others.
@Suite struct SpillFormatsTests {
  @Test func aScanForJSONWritesTheSameJSONAndRendersNoCSVRows() throws {
    let temporary = try SpillingScanTests.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let pipeline = ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: ["小李"], preparesHTML: false)
    let memory = try pipeline.run(folder: folder)
    let spilled = try pipeline.runSpilling(folder: folder, htmlLimit: 0, formats: [.json])
    #expect(spilled.spilled?.formats == [.json])
    #expect(spilled.spilled?.csvRows.isEmpty == true)
    #expect(spilled.spilled?.suppressedJSON.isEmpty == false)
    #expect(JSONReportWriter().render(spilled) == JSONReportWriter().render(memory))
    #expect(spilled.counts == memory.counts && spilled.clauses == memory.clauses)
  }

  @Test func aScanForCSVWritesTheSameCSVAndRendersNoJSONEntries() throws {
    let temporary = try SpillingScanTests.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let pipeline = ScanPipeline(lexicon: SpillingScanTests.lexicon, subjects: ["小李"])
    let memory = try pipeline.run(folder: folder)
    let spilled = try pipeline.runSpilling(folder: folder, htmlLimit: 2, formats: [.csv, .html])
    #expect(spilled.spilled?.formats == [.csv])
    #expect(spilled.spilled?.activeJSON.isEmpty == true && spilled.spilled?.suppressedJSON.isEmpty == true)
    #expect(CSVReportWriter().render(spilled) == CSVReportWriter().render(memory))
    #expect(HTMLReportWriter(findingLimit: 2).render(spilled) == HTMLReportWriter(findingLimit: 2).render(
      try pipeline.runSpilling(folder: folder, htmlLimit: 2)))
  }

  @Test func aFormatTheScanWasNotAskedForIsRefusedBeforeAnythingIsWritten() throws {
    let evidenceFolder = try SpillingScanTests.evidence()
    defer { evidenceFolder.remove() }
    let parentFolder = try SpillingScanTests.spillParent()
    defer { parentFolder.remove() }
    let (folder, parent) = (evidenceFolder.url, parentFolder.url)
    let spilled = try ScanPipeline(lexicon: SpillingScanTests.lexicon, subjects: ["小李"])
      .runSpilling(folder: folder, htmlLimit: 2, formats: [.html, .json])
    #expect(spilled.spilled?.prepares(.html) == true && spilled.spilled?.prepares(.csv) == false)
    let out = parent.appendingPathComponent("report")
    let csv = out.appendingPathComponent("findings.csv")
    #expect(throws: ReportError.formatNotPrepared(path: csv.path, format: .csv)) {
      try ReportOutput.write(spilled, to: out, formats: [.html, .json, .csv], force: false)
    }
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let file = parent.appendingPathComponent("direct.csv")
    #expect(throws: ReportError.formatNotPrepared(path: file.path, format: .csv)) {
      try CSVReportWriter().write(spilled, to: file)
    }
    #expect(!FileManager.default.fileExists(atPath: file.path))
    try ReportOutput.write(spilled, to: out, formats: [.html, .json], force: false)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["findings.json", "index.html"])
    let csvOnly = try ScanPipeline(lexicon: SpillingScanTests.lexicon, subjects: [])
      .runSpilling(folder: folder, htmlLimit: 2, formats: [.csv])
    #expect(throws: ReportError.formatNotPrepared(path: file.path, format: .json)) {
      try JSONReportWriter().write(csvOnly, to: file)
    }
    #expect(
      ReportError.formatNotPrepared(path: "out/findings.csv", format: .csv).description
        == "cannot write out/findings.csv: the scan was not asked for the csv format, so it rendered no findings "
        + "for it; scan again with csv among the formats")
  }
}
