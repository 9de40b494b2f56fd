import Yams

/// The pack's term sets (`terms:`) and the `$name` references to them in term and phrase lists.
extension PackParser {
  /// `terms:`: each set's items, where `$name` stands for the terms of another set of the pack
  /// (written before or after it); a reference to an unknown set or a cycle is a load error.
  mutating func readTermSets(_ node: Node) {
    guard let mapping = node.mapping else {
      reader.error("lexicon.schema", at: node, "terms must be a mapping of set names to lists of terms")
      return
    }
    var written: [(name: String, items: [Node])] = []
    for (key, value) in mapping {
      guard let name = reader.nonEmptyString(key, "a term set name") else { continue }
      guard let items = reader.sequence(value, "term set '\(name)'") else { continue }
      written.append((name, items))
      termSetNodes[name] = key
    }
    let itemsByName = Dictionary(written.map { ($0.name, $0.items) }, uniquingKeysWith: { first, _ in first })
    for (name, _) in written where termSets[name] == nil {
      resolveTermSet(name, itemsByName: itemsByName, resolving: [])
    }
  }

  /// Expands the set `name` into `termSets`, following `$` references depth first.
  mutating func resolveTermSet(_ name: String, itemsByName: [String: [Node]], resolving: [String]) {
    guard let items = itemsByName[name] else { return }
    var terms: [String] = []
    var expanded = false
    for item in items {
      guard let text = reader.nonEmptyString(item, "a term of term set '\(name)'") else { continue }
      guard Self.isReference(text) else {
        if let term = foldedTerm(text, at: item, context: "term set '\(name)'") { terms.append(term) }
        continue
      }
      let reference = String(text.dropFirst())
      if reference == name || resolving.contains(reference) {
        let path = (resolving + [name, reference]).map { "$" + $0 }.joined(separator: " → ")
        reader.error("lexicon.term-set-cycle", at: item, "term set '$\(name)' is part of a cycle: \(path)")
        continue
      }
      guard itemsByName[reference] != nil else {
        reportUnknownSet(text, at: item, in: "term set '$\(name)'", known: itemsByName.keys)
        continue
      }
      if termSets[reference] == nil {
        resolveTermSet(reference, itemsByName: itemsByName, resolving: resolving + [name])
      }
      usedSets.insert(reference)
      terms += termSets[reference] ?? []
      expanded = true
    }
    // Only a set that took in another may repeat a term; a written list is kept as written.
    var seen = Set<String>()
    termSets[name] = expanded ? terms.filter { seen.insert($0).inserted } : terms
  }

  /// Whether a list item is a `$name` reference (compared as a byte: every term of every set
  /// is asked).
  static func isReference(_ text: String) -> Bool { text.utf8.first == UInt8(ascii: "$") }

  /// The terms a list item stands for: the set's terms for `$name`, else the item normalised.
  /// An unknown set is a load error naming `context`; the result is then nil.
  mutating func phraseItem(_ node: Node, text: String, context: String) -> [String]? {
    guard Self.isReference(text) else {
      let folded = TextNormalizer.fold(text)
      return folded.isEmpty ? [] : [folded]
    }
    let name = String(text.dropFirst())
    guard let set = termSets[name] else {
      reportUnknownSet(text, at: node, in: context, known: termSets.keys)
      return nil
    }
    usedSets.insert(name)
    return set
  }

  mutating func reportUnknownSet(_ reference: String, at node: Node, in context: String, known: some Collection<String>) {
    let names = known.sorted().map { "$" + $0 }.joined(separator: ", ")
    reader.error(
      "lexicon.unknown-term-ref", at: node,
      "unknown term set '\(reference)' in \(context); defined: \(names.isEmpty ? "none" : names)")
  }

  /// A literal term, normalised; reports empty terms and terms that normalise to nothing.
  mutating func readTerm(_ node: Node, context: String) -> String? {
    guard let text = reader.nonEmptyString(node, "a term of \(context)") else { return nil }
    return foldedTerm(text, at: node, context: context)
  }

  /// `text`, the term read from `node`, normalised; nil (and an error) when nothing is left.
  mutating func foldedTerm(_ text: String, at node: Node, context: String) -> String? {
    let folded = TextNormalizer.fold(text)
    guard !folded.isEmpty else {
      reader.error("lexicon.schema", at: node, "term '\(text)' of \(context) is empty after normalisation")
      return nil
    }
    return folded
  }

  /// A negation phrase list (a lone string counts as a list of one), `$name` items expanded.
  mutating func negationPhrases(_ node: Node?, _ key: String, _ owner: String) -> [String]? {
    guard let node else { return nil }
    let items = node.scalar != nil ? [node] : (reader.sequence(node, "negation \(key)") ?? [])
    var phrases: [String] = []
    for item in items {
      guard let text = reader.string(item, "each item of negation \(key)") else { continue }
      phrases += phraseItem(item, text: text, context: "negation \(key) of \(owner)") ?? []
    }
    return phrases
  }
}
