import Foundation

/// Reads ZIP-based evidence: DOCX documents (paragraph units, `line` = paragraph number; the
/// body first, then footnotes, endnotes, comments, headers and footers numbered on after it, each
/// marked with `attributes["part"]`), XLSX workbooks; other ZIP files are reported as archives.
enum ZipDocumentReader {
  /// The part holding a DOCX document's body.
  static let wordMainPart = "word/document.xml"
  /// The part holding a DOCX document's list definitions.
  static let wordNumberingPart = "word/numbering.xml"
  /// The part holding a DOCX document's styles (some of which number their paragraphs).
  static let wordStylesPart = "word/styles.xml"

  /// Fills `document` (hash and size already set) from the ZIP bytes.
  static func read(_ bytes: [UInt8], into document: inout EvidenceDocument, options: IngestOptions) {
    let container: ZipContainer
    do {
      container = try ZipContainer.open(bytes: bytes)
    } catch {
      document.format = .binary
      document.status = .error
      document.reason = "damaged ZIP archive: its central directory cannot be read (\(error))"
      return
    }
    if let member = container.listing.first(where: { $0.record.compressedSize > UInt64(bytes.count) }) {
      document.format = .binary
      document.status = .error
      document.reason =
        "damaged ZIP archive: member \(member.name) claims \(member.record.compressedSize) compressed bytes, more than the file's \(bytes.count)"
      return
    }
    if container[wordMainPart] != nil {
      readWord(container, into: &document, options: options)
    } else if container["xl/workbook.xml"] != nil {
      readWorkbook(container, into: &document, options: options)
    } else if container["ppt/presentation.xml"] != nil {
      document.format = .binary
      document.status = .unsupported
      document.reason = "presentation (PPTX), not read"
    } else {
      let count = container.listing.count
      let encrypted = container.listing.filter(\.isEncrypted).count
      let locked = encrypted == 0 ? "" : ", \(encrypted) of them encrypted (password-protected)"
      document.format = .binary
      document.status = .unsupported
      document.reason =
        "archive (ZIP) with \(count) entries\(locked); in an evidence folder its files are read in place as \(document.path)!/<member>"
    }
  }

  /// The bytes of the part at `path`, or the reason it cannot be had.
  private static func part(_ container: ZipContainer, _ path: String, limit: Int) -> Result<[UInt8], ArchivePartError> {
    guard let member = container[path] else { return .failure(ArchivePartError("\(path) is missing")) }
    guard member.record.uncompressedSize <= UInt64(limit) else {
      return .failure(ArchivePartError("\(path) is \(member.record.uncompressedSize) bytes uncompressed, above the \(limit)-byte limit"))
    }
    do {
      return .success([UInt8](try container.data(member)))
    } catch {
      return .failure(ArchivePartError(error.description))
    }
  }

  /// Why a part of an archive could not be read.
  struct ArchivePartError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }

  private static func readWorkbook(_ container: ZipContainer, into document: inout EvidenceDocument, options: IngestOptions) {
    document.format = .xlsx
    let limit = options.maxParseBytes
    guard case .success(let workbook) = part(container, "xl/workbook.xml", limit: limit),
      case .success(let relationships) = part(container, "xl/_rels/workbook.xml.rels", limit: limit)
    else {
      document.status = .error
      document.reason = "corrupt XLSX: the workbook or its relationships cannot be read"
      return
    }
    var shared: [String] = []
    if container["xl/sharedStrings.xml"] != nil {
      switch part(container, "xl/sharedStrings.xml", limit: limit) {
      case .success(let bytes): shared = SpreadsheetText.sharedStrings(bytes)
      case .failure(let problem):
        document.diagnostics.append(
          Diagnostic(.warning, code: "ingest.unparsed-line", file: document.path, message: "shared strings unreadable: \(problem); text cells are empty"))
      }
    }
    for (index, sheet) in SpreadsheetText.sheets(workbook: workbook, relationships: relationships).enumerated() {
      switch part(container, sheet.part, limit: limit) {
      case .failure(let problem):
        document.diagnostics.append(
          Diagnostic(.warning, code: "ingest.unparsed-line", file: document.path, message: "sheet \(sheet.name): \(problem)"))
      case .success(let bytes):
        let (rows, complete) = SpreadsheetText.rows(bytes, sharedStrings: shared)
        document.units += SpreadsheetUnits.units(rows, sheet: sheet.name, page: index + 1, options: options)
        if !complete {
          document.diagnostics.append(
            Diagnostic(
              .warning, code: "ingest.unparsed-line", file: document.path, line: rows.last?.number,
              message: "sheet \(sheet.name) is not well-formed after row \(rows.last?.number ?? 0); the rest could not be read"))
        }
      }
    }
    if document.diagnostics.isEmpty {
      document.status = .parsed
    } else {
      document.status = .partial
      document.reason = "parsed with \(document.diagnostics.count) problem(s); first: \(document.diagnostics[0].message)"
    }
  }

  private static func readWord(_ container: ZipContainer, into document: inout EvidenceDocument, options: IngestOptions) {
    document.format = .docx
    let xml: [UInt8]
    switch part(container, wordMainPart, limit: options.maxParseBytes) {
    case .success(let bytes): xml = bytes
    case .failure(let problem):
      document.status = .error
      document.reason = "corrupt or oversized DOCX: \(problem)"
      return
    }
    var numbering = WordNumbering.empty
    if container[wordNumberingPart] != nil, case .success(let bytes) = part(container, wordNumberingPart, limit: options.maxParseBytes) {
      numbering = WordNumbering(bytes)
      if container[wordStylesPart] != nil, case .success(let styles) = part(container, wordStylesPart, limit: options.maxParseBytes) {
        numbering.readStyles(styles)
      }
    }
    let (paragraphs, next, complete) = WordDocumentText.paragraphs(xml, numbering: &numbering)
    document.units = paragraphs.map { unit($0, part: nil, options: options) }
    var number = next
    for partPath in secondaryWordParts(container) {
      guard case .success(let bytes) = part(container, partPath, limit: options.maxParseBytes) else {
        document.diagnostics.append(
          Diagnostic(.warning, code: "ingest.unparsed-line", file: document.path, message: "\(partPath) cannot be read; its text is missing"))
        continue
      }
      var noNumbering = WordNumbering.empty
      let (extra, following, _) = WordDocumentText.paragraphs(bytes, firstNumber: number, numbering: &noNumbering)
      document.units += extra.map { unit($0, part: partPath, options: options) }
      number = following
    }
    if complete && document.diagnostics.isEmpty {
      document.status = .parsed
    } else {
      document.status = .partial
      document.reason =
        complete
        ? "parsed with a problem: \(document.diagnostics[0].message)"
        : "\(wordMainPart) ends in the middle of its markup; the paragraphs before the damage are kept"
      guard !complete else { return }
      document.diagnostics.append(
        Diagnostic(
          .warning, code: "ingest.unparsed-line", file: document.path, line: paragraphs.last?.number,
          message: "\(wordMainPart) is not well-formed after paragraph \(paragraphs.last?.number ?? 0); the rest could not be read"))
    }
  }

  /// Notes, comments, headers and footers, in that order (headers and footers by part name).
  static func secondaryWordParts(_ container: ZipContainer) -> [String] {
    let names = container.listing.map(\.name)
    let numbered = { (prefix: String) in
      names.filter { $0.hasPrefix("word/\(prefix)") && $0.hasSuffix(".xml") && !$0.dropFirst(5).contains("/") }.sorted()
    }
    return ["word/footnotes.xml", "word/endnotes.xml", "word/comments.xml"].filter(names.contains)
      + numbered("header") + numbered("footer")
  }

  /// The unit of one paragraph; `part` is nil for the main body.
  private static func unit(_ paragraph: WordDocumentText.Paragraph, part: String?, options: IngestOptions) -> TextUnit {
    var attributes: [String: String] = [:]
    if let part { attributes["part"] = part }
    if paragraph.inTable { attributes["table"] = "1" }
    if !paragraph.deletedText.isEmpty { attributes["deletedText"] = paragraph.deletedText }
    if let label = paragraph.listLabel { attributes["listLabel"] = label }
    let time = paragraph.date.flatMap { ChatTableColumns.time($0, options: options) }
    var unit = TextUnit(
      kind: .paragraph, line: paragraph.number, text: paragraph.text, speaker: paragraph.author, time: time,
      attributes: attributes)
    unit.textLines = TextUnit.sameLine(paragraph.number, for: paragraph.text)
    return unit
  }
}
