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
  /// compiler-style `description` without the file when it is `path`, built from the fields. A
  /// message that opens by naming its own line (`line 4: the message header …`, `lines 4–6 …`:
  /// written so, as a document's reason shows it alone) is not given the line again.
  func description(besidePath path: String) -> String {
    guard file == path else { return description }
    var location = ""
    if let line, column != nil || !namesOwnLine(line) {
      location = "line \(line)"
      if let column { location += ", column \(column)" }
      location += ": "
    }
    return "\(location)\(severity.rawValue)[\(code)]: \(message)"
  }

  /// Whether the message opens with `line N` or `lines N` for its own line `line` (not a longer
  /// number that starts with the same digits).
  private func namesOwnLine(_ line: Int) -> Bool {
    for opening in ["line \(line)", "lines \(line)"] where message.hasPrefix(opening) {
      let next = message.dropFirst(opening.count).first
      if next.map({ !$0.isASCII || !$0.isNumber }) ?? true { return true }
    }
    return false
  }
}
