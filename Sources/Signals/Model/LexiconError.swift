import Ingest

/// Why a lexicon folder or file could not be loaded.
public enum LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The files were read but are wrong; every problem found, each with `file:line:col`.
  case invalid([Diagnostic])
  /// A file or folder could not be read.
  case unreadable(path: String, reason: String)
  /// The folder holds no lexicon pack (`*.yml` other than `clauses.yml` / `market-prices.yml`).
  case noPacks(directory: String)
  /// The folder holds no clause catalogue (`clauses.yml`).
  case noClauseCatalogue(directory: String)
  /// A new pack file could not be written (it exists, or the folder is not writable).
  case cannotWrite(path: String, reason: String)

  /// The diagnostics of an `invalid` error, empty otherwise.
  public var diagnostics: [Diagnostic] {
    if case .invalid(let diagnostics) = self { return diagnostics }
    return []
  }

  /// A message for people naming the file and what is wrong.
  public var description: String {
    switch self {
    case .invalid(let diagnostics):
      let errors = diagnostics.filter { $0.severity == .error }.count
      return (["lexicon has \(errors) error(s):"] + diagnostics.map(\.description))
        .joined(separator: "\n")
    case .unreadable(let path, let reason): return "\(path): cannot be read: \(reason)"
    case .noPacks(let directory): return "\(directory): no lexicon pack (*.yml) found"
    case .noClauseCatalogue(let directory):
      return "\(directory): no clause catalogue (clauses.yml) found"
    case .cannotWrite(let path, let reason): return "\(path): cannot be written: \(reason)"
    }
  }
}
