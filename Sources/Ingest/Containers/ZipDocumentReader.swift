import Foundation
import ZIPFoundation

/// Reads ZIP-based evidence: DOCX documents (paragraph units, `line` = paragraph number);
/// other ZIP files are reported as archives.
enum ZipDocumentReader {
  /// The part holding a DOCX document's body.
  static let wordMainPart = "word/document.xml"

  /// Fills `document` (hash and size already set) from the ZIP bytes.
  static func read(_ bytes: [UInt8], into document: inout EvidenceDocument, options: IngestOptions) {
    let archive: Archive
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      document.format = .binary
      document.status = .error
      document.reason = "damaged ZIP archive: its central directory cannot be read (\(error))"
      return
    }
    if let main = archive[wordMainPart] {
      readWord(archive, main: main, into: &document, options: options)
    } else if archive["xl/workbook.xml"] != nil {
      document.format = .binary
      document.status = .unsupported
      document.reason = "spreadsheet (XLSX); reading spreadsheets is not implemented yet"
    } else if archive["ppt/presentation.xml"] != nil {
      document.format = .binary
      document.status = .unsupported
      document.reason = "presentation (PPTX), not read"
    } else {
      let count = archive.reduce(0) { total, _ in total + 1 }
      document.format = .binary
      document.status = .unsupported
      document.reason = "archive (ZIP) with \(count) entries; archive members are not read in place yet, unpack it into the evidence folder"
    }
  }

  private static func readWord(_ archive: Archive, main: Entry, into document: inout EvidenceDocument, options: IngestOptions) {
    document.format = .docx
    guard main.uncompressedSize <= UInt64(options.maxParseBytes) else {
      document.status = .unsupported
      document.reason = "DOCX body is \(main.uncompressedSize) bytes uncompressed, above the \(options.maxParseBytes)-byte limit for parsing"
      return
    }
    var xml: [UInt8] = []
    do {
      _ = try archive.extract(main) { chunk in xml.append(contentsOf: chunk) }
    } catch {
      document.status = .error
      document.reason = "corrupt DOCX: \(wordMainPart) cannot be decompressed (\(error))"
      return
    }
    let (paragraphs, complete) = WordDocumentText.paragraphs(xml)
    document.units = paragraphs.map { paragraph in
      var attributes: [String: String] = [:]
      if paragraph.inTable { attributes["table"] = "1" }
      if !paragraph.deletedText.isEmpty { attributes["deletedText"] = paragraph.deletedText }
      return TextUnit(kind: .paragraph, line: paragraph.number, text: paragraph.text, attributes: attributes)
    }
    if complete {
      document.status = .parsed
    } else {
      document.status = .partial
      document.reason = "\(wordMainPart) ends in the middle of its markup; the paragraphs before the damage are kept"
      document.diagnostics.append(
        Diagnostic(
          .warning, code: "ingest.unparsed-line", file: document.path, line: paragraphs.last?.number,
          message: "\(wordMainPart) is not well-formed after paragraph \(paragraphs.last?.number ?? 0); the rest could not be read"))
    }
  }
}
