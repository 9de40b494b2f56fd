import Foundation
import Ingest
import Yams

/// Reads `clauses.yml` (a `clauses:` list of id, title, instrument, document, point,
/// verification, kind, source and, for V1/V2 texts, text).
enum ClauseCatalogueParser {
  private static let keys = ["id", "title", "instrument", "document", "point", "verification", "kind", "source", "text"]
  private static let kinds = ["statute", "analyst"]

  /// The catalogue in `text` (the content of `file`), with every problem found.
  static func parse(file: String, text: String) -> (ClauseCatalogue, [Diagnostic]) {
    var reader = YAMLReader(file: file)
    guard let root = reader.compose(text),
      let top = reader.entries(of: root, in: "the clause catalogue", allowed: ["clauses"], required: ["clauses"]),
      let list = top["clauses"], let items = reader.sequence(list.value, "clauses")
    else { return (ClauseCatalogue(entries: []), reader.diagnostics) }
    var entries: [Clause] = []
    var seen: [String: String] = [:]
    for item in items {
      guard let fields = reader.entries(of: item, in: "a clause", allowed: keys, required: ["id", "title"]) else { continue }
      func text(_ key: String) -> String? { fields[key].flatMap { reader.string($0.value, "clause \(key)") } }
      guard let idNode = fields["id"]?.value, let id = reader.nonEmptyString(idNode, "clause id"),
        let title = fields["title"].flatMap({ reader.nonEmptyString($0.value, "clause title") })
      else { continue }
      if let first = seen[id] {
        reader.error("lexicon.duplicate-id", at: idNode, "clause id '\(id)' is already defined at \(first)")
        continue
      }
      seen[id] = reader.origin(of: idNode)
      let kind = text("kind") ?? "statute"
      if let kindNode = fields["kind"]?.value, !kinds.contains(kind) {
        reader.error("lexicon.schema", at: kindNode, "clause kind '\(kind)' is not one of statute | analyst")
      }
      entries.append(
        Clause(
          id: id, title: title, instrument: text("instrument") ?? "", documentNumber: text("document") ?? "",
          point: text("point") ?? "", verification: text("verification") ?? "", text: text("text"),
          source: text("source") ?? "", kind: kind))
    }
    return (ClauseCatalogue(entries: entries), reader.diagnostics)
  }
}
