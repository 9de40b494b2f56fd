import Ingest

/// Evidence files that are byte-for-byte copies of an earlier one (the same SHA-256): a chat
/// exported twice, a file beside the archive that also holds it.
///
/// A copy's findings are listed like any other, each citing its own file, but the clause
/// summary and the amount totals count them once, under the first of the copies in path order:
/// counted again, the same words would double a clause's count and, beside the thresholds of
/// 第十二条, the sums. The copy's manifest row says which file it repeats.
struct DuplicateDocuments {
  private var firstPathOfHash: [String: String] = [:]

  /// Takes the next document in path order: the path of the earlier document it is a copy of,
  /// or nil when it is the first with its content (or has no hash).
  mutating func original(of document: EvidenceDocument) -> String? {
    guard !document.sha256.isEmpty else { return nil }
    if let first = firstPathOfHash[document.sha256] { return first }
    firstPathOfHash[document.sha256] = document.path
    return nil
  }

  /// The note on the manifest row of a copy of `original`.
  static func note(on copy: EvidenceDocument, original: String) -> Diagnostic {
    Diagnostic(
      .note, code: "report.duplicate", file: copy.path, line: nil,
      message: "identical to \(original) (same SHA-256): its findings are listed, but the clause summary and the amounts count them once, under \(original)")
  }

  /// Marks the copies among `documents` (sorted by path) with their note; returns their paths.
  static func markCopies(_ documents: inout [EvidenceDocument]) -> Set<String> {
    var duplicates = DuplicateDocuments()
    var copies: Set<String> = []
    for index in documents.indices {
      guard let original = duplicates.original(of: documents[index]) else { continue }
      documents[index].diagnostics.append(note(on: documents[index], original: original))
      copies.insert(documents[index].path)
    }
    return copies
  }
}
