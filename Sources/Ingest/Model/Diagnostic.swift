/// A problem met while reading evidence or lexicons that did not stop the work.
///
/// Diagnostics are the middle tier between results and thrown errors: the file or rule pack is
/// still used, and the problem is shown to the user with its location.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  /// How serious the problem is.
  public enum Severity: String, Sendable, Hashable, Codable {
    case note, warning, error
  }

  /// How serious the problem is.
  public var severity: Severity
  /// A stable code such as `ingest.unparsed-line` or `lexicon.unknown-term-ref`.
  public var code: String
  /// The file the problem is in (relative path for evidence, as given for lexicons).
  public var file: String?
  /// 1-based line, where known.
  public var line: Int?
  /// 1-based column in Unicode scalars, where known.
  public var column: Int?
  /// What is wrong, in a sentence for a person.
  public var message: String

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, code: String, file: String? = nil, line: Int? = nil,
    column: Int? = nil, message: String
  ) {
    self.severity = severity
    self.code = code
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:col: severity[code]: message`, in the compiler style.
  public var description: String {
    var location = ""
    if let file {
      location = file
      if let line {
        location += ":\(line)"
        if let column { location += ":\(column)" }
      }
      location += ": "
    }
    return "\(location)\(severity.rawValue)[\(code)]: \(message)"
  }
}
