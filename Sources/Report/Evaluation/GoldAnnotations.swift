import Foundation

/// The hand-labelled expectations of one corpus case (`corpus/<case>.gold.tsv`).
///
/// Rows are `finding<TAB>path<TAB>line<TAB>clause<TAB>note` (an active finding must sit on the unit
/// starting at `line` and cite `clause`) and `trap<TAB>path<TAB>line<TAB>-<TAB>note` (ordinary talk
/// that must carry no active finding). Lines starting with `#` are comments. Only Art. 11 items
/// and `neutral.*` factors are graded; other clauses a rule cites are supplementary.
public struct GoldAnnotations: Sendable, Hashable {
  /// A (path, line, clause) triple.
  public struct Label: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Relative path in the case folder.
    public var path: String
    /// The first line of the unit.
    public var line: Int
    /// The clause id.
    public var clause: String

    /// Creates a label.
    public init(path: String, line: Int, clause: String) {
      self.path = path
      self.line = line
      self.clause = clause
    }

    public var description: String { "\(path):\(line) \(clause)" }

    public static func < (a: Label, b: Label) -> Bool {
      (a.path, a.line, a.clause) < (b.path, b.line, b.clause)
    }
  }

  /// A location that must carry no active finding.
  public struct Trap: Sendable, Hashable, CustomStringConvertible {
    /// Relative path in the case folder.
    public var path: String
    /// The first line of the unit.
    public var line: Int

    /// Creates a trap.
    public init(path: String, line: Int) {
      self.path = path
      self.line = line
    }

    public var description: String { "\(path):\(line)" }
  }

  /// What must be found.
  public var expected: Set<Label>
  /// What must stay silent.
  public var traps: Set<Trap>
  /// The gold file the annotations were read from (empty when made from parts).
  public var file = ""
  /// The row (1-based line of the gold file) each label and trap was written on.
  public var rows: [String: Int] = [:]

  /// Creates gold annotations from parts.
  public init(expected: Set<Label>, traps: Set<Trap>) {
    self.expected = expected
    self.traps = traps
  }

  /// The row `label` was written on, where known.
  public func row(of label: Label) -> Int? { rows["finding\t\(label)"] }

  /// The row `trap` was written on, where known.
  public func row(of trap: Trap) -> Int? { rows["trap\t\(trap)"] }

  /// Parses a gold TSV file.
  public init(contentsOf url: URL) throws(EvaluationError) {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .unreadable(path: url.path, reason: error.localizedDescription)
    }
    try self.init(tsv: text, file: url.path)
  }

  /// Parses gold TSV text; `file` names it in error messages.
  public init(tsv text: String, file: String) throws(EvaluationError) {
    var expected = Set<Label>()
    var traps = Set<Trap>()
    var rows: [String: Int] = [:]
    for (index, row) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = row.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard cells.count >= 4 else { throw .malformedGold(file: file, line: index + 1) }
      guard let line = Int(cells[2]), line >= 1 else {
        throw .invalidGoldRow(
          file: file, line: index + 1, problem: "the line must be a whole number from 1, not '\(cells[2])'")
      }
      switch cells[0] {
      case "finding":
        let label = Label(path: cells[1], line: line, clause: cells[3])
        expected.insert(label)
        rows["finding\t\(label)"] = index + 1
      case "trap":
        let trap = Trap(path: cells[1], line: line)
        traps.insert(trap)
        rows["trap\t\(trap)"] = index + 1
      default:
        throw .invalidGoldRow(
          file: file, line: index + 1, problem: "a row is a 'finding' or a 'trap', not '\(cells[0])'")
      }
    }
    self.init(expected: expected, traps: traps)
    self.file = file
    self.rows = rows
  }

  /// Whether a clause id is graded against the gold (Art. 11 items and neutral factors).
  public static func isGraded(_ clause: String) -> Bool {
    clause.hasPrefix("interp2019.art11.") || clause.hasPrefix("neutral.")
  }

  /// The graded labels that a report's active findings carry.
  public static func labels(of findings: [Finding]) -> Set<Label> {
    var labels = Set<Label>()
    for finding in findings where !finding.isSuppressed {
      for clause in finding.clauses where isGraded(clause) {
        labels.insert(Label(path: finding.path, line: finding.line, clause: clause))
      }
    }
    return labels
  }
}
