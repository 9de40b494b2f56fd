import Ingest

/// Small in-memory evidence documents.
enum EvidenceDocumentFixture {
  /// A plain-text document, one unit per line.
  static func lines(_ texts: [String]) -> EvidenceDocument {
    document(texts.enumerated().map { TextUnit(kind: .line, line: $0.offset + 1, text: $0.element) })
  }

  /// A document holding the given units.
  static func document(_ units: [TextUnit]) -> EvidenceDocument {
    EvidenceDocument(path: "t.txt", sha256: "", bytes: 0, format: .plainText, status: .parsed, units: units)
  }
}
