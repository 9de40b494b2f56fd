import Foundation
import Ingest
import Signals

/// Checks that every row of a case's gold can be graded as written, before the case is scored:
/// a row naming a file the case lacks, a clause no pack catalogues, or a line that is not the
/// first line of a unit would otherwise count as a silent miss (or a trap that can never fire).
struct GoldCheck {
  /// The case checked.
  let evaluationCase: EvaluationCase
  /// The clause ids of the lexicon's catalogue.
  let clauses: Set<String>

  /// Throws for the first row, in gold file order, that cannot be graded.
  func validate() throws(EvaluationError) {
    let gold = evaluationCase.gold
    var targets: [(row: Int, path: String, line: Int, clause: String?)] = []
    for label in gold.expected { targets.append((gold.row(of: label) ?? 0, label.path, label.line, label.clause)) }
    for trap in gold.traps { targets.append((gold.row(of: trap) ?? 0, trap.path, trap.line, nil)) }
    targets.sort { ($0.row, $0.path, $0.line) < ($1.row, $1.path, $1.line) }
    guard !targets.isEmpty else { return }
    let folder: EvidenceFolder
    do {
      folder = try EvidenceFolder(root: evaluationCase.folder)
    } catch {
      throw .unreadable(path: evaluationCase.folder.path, reason: error.description)
    }
    let entries = Dictionary(folder.entries().map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
    var unitStarts: [String: (lines: Set<Int>, units: [TextUnit])] = [:]
    for target in targets {
      let problem: String? = {
        if let clause = target.clause, !clauses.contains(clause) {
          return "no pack catalogues the clause '\(clause)'"
        }
        guard let entry = entries[target.path] else {
          return "the case folder \(evaluationCase.name) holds no file '\(target.path)'"
        }
        if unitStarts[target.path] == nil {
          let units = folder.read(entry).units
          unitStarts[target.path] = (Set(units.map(\.line)), units)
        }
        guard let known = unitStarts[target.path], !known.lines.contains(target.line) else { return nil }
        if let unit = known.units.first(where: { $0.line <= target.line && target.line <= $0.endLine }) {
          return "line \(target.line) of \(target.path) is inside the unit of lines \(unit.line)–\(unit.endLine): name its first line"
        }
        return "no unit of \(target.path) starts on line \(target.line)"
      }()
      if let problem { throw .invalidGoldRow(file: gold.file, line: target.row, problem: problem) }
    }
  }
}
