import Ingest

extension EvidenceDocument {
  /// Why the document's status is not `parsed`, for a place that shows its path beside it (a
  /// manifest row, a summary line): without the path that the reasons of `IngestError` begin
  /// with (`chat.txt: file is empty` reads `file is empty`), since they are also printed alone.
  /// Only that exact prefix is dropped; any other reason is kept as written.
  var reasonBesidePath: String? {
    guard let reason else { return nil }
    let prefix = path + ": "
    return reason.hasPrefix(prefix) ? String(reason.dropFirst(prefix.count)) : reason
  }
}

extension Diagnostic {
  /// `line:col: severity[code]: message` for a place that shows the file `path` beside it: the
  /// compiler-style `description` without the file when it is `path`, built from the fields.
  func description(besidePath path: String) -> String {
    guard file == path else { return description }
    var location = ""
    if let line {
      location = "line \(line)"
      if let column { location += ", column \(column)" }
      location += ": "
    }
    return "\(location)\(severity.rawValue)[\(code)]: \(message)"
  }
}
