extension CompiledExpression {
  /// Whether the expression can match a unit in which exactly the literal patterns `present`
  /// occur. A necessary condition, checked before a unit is normalised and evaluated: a term or
  /// term set needs one of its patterns, `all` every item, `at_least n` n items, `any` and `count`
  /// one; a `money` or `re` leaf needs one of its atoms (none when it has no atoms). Positions
  /// (`near`), amounts and negation are left to the evaluation.
  func mayMatch(_ present: StampedIDSet, regexAtoms: [[Int]?]) -> Bool {
    switch self {
    case .term(let pattern): return present.contains(pattern)
    case .termSet(_, let patterns): return patterns.contains(where: present.contains)
    case .any(let items): return items.contains { $0.mayMatch(present, regexAtoms: regexAtoms) }
    case .all(let items, _): return items.allSatisfy { $0.mayMatch(present, regexAtoms: regexAtoms) }
    case .atLeast(let count, let items, _):
      return items.lazy.filter { $0.mayMatch(present, regexAtoms: regexAtoms) }.prefix(count).count >= count
    case .money(_, let atoms): return atoms.map { $0.contains(where: present.contains) } ?? true
    case .regex(let id): return regexAtoms[id].map { $0.contains(where: present.contains) } ?? true
    case .count(let inner, _): return inner.mayMatch(present, regexAtoms: regexAtoms)
    case .sequence(let first, let then, _):
      return first.mayMatch(present, regexAtoms: regexAtoms) || then.mayMatch(present, regexAtoms: regexAtoms)
    }
  }
}
