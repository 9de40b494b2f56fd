import Foundation
import Testing

@testable import Ingest

/// PDF text layers through pdftotext.
@Suite struct PDFTests {
  static let installed = PDFTextReader.executable != nil

  @Test(.enabled(if: installed, "pdftotext (poppler-utils) is not installed"))
  func linesAndPages() throws {
    let document = try Fixture.document("pdf/agreement.pdf")
    #expect(document.format == .pdf)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.text) == ["Service Agreement", "Party A pays 30000 yuan", "Page two line"])
    #expect(document.units.map(\.line) == [1, 3, 4])
    #expect(document.units.map(\.page) == [1, 1, 2])
  }

  @Test(.enabled(if: installed, "pdftotext (poppler-utils) is not installed"))
  func scanWithoutTextLayer() throws {
    let document = try Fixture.document("pdf/scanned.pdf")
    #expect(document.status == .unsupported)
    #expect(document.reason == "PDF has no text layer (a scanned document?); OCR is not performed")
  }

  @Test(.enabled(if: installed, "pdftotext (poppler-utils) is not installed"))
  func damagedPDFIsAnError() throws {
    let document = try Fixture.document("pdf/damaged.pdf")
    #expect(document.status == .error)
    #expect(document.reason?.hasPrefix("PDF text could not be extracted: pdftotext failed with status") == true)
  }

  @Test func withoutPdftotext() throws {
    var document = EvidenceDocument(path: "a.pdf", sha256: "", bytes: 4, format: .unknown, status: .error)
    PDFTextReader.read(Array("%PDF".utf8), into: &document, executable: nil)
    #expect(document.format == .pdf)
    #expect(document.status == .unsupported)
    #expect(document.reason == "pdftotext (poppler-utils) not installed")
  }
}
