/// The literal atoms of a regular expression: strings at least one of which occurs in every
/// match, so the automaton can find the units worth verifying (perf-anchors "hybrid").
///
/// Understands the common subset: literals and escaped punctuation, `.`, classes `[…]` and
/// `\d`-style escapes, groups with alternation, and the quantifiers `?`, `*`, `+`, `{m,n}`.
/// Returns nil when no atom is required (for example `\d+元?`).
enum RegexAtoms {
  /// The required atoms of `pattern`, or nil when there are none.
  static func required(_ pattern: String) -> [String]? {
    var parser = Parser(Array(pattern.unicodeScalars))
    let branches = parser.alternation()
    return best(ofBranches: branches)
  }

  private indirect enum Item {
    case literal(Unicode.Scalar)
    case other
    case group([[Quantified]])
  }

  private struct Quantified {
    var item: Item
    var minimum: Int
    var repeats: Bool
  }

  private struct Parser {
    let s: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    mutating func alternation() -> [[Quantified]] {
      var branches: [[Quantified]] = [[]]
      while index < s.count {
        let scalar = s[index]
        if scalar == ")" { break }
        if scalar == "|" {
          branches.append([])
          index += 1
          continue
        }
        var item = atom()
        let (minimum, repeats) = quantifier()
        if case .group(let inner) = item, inner.isEmpty { item = .other }
        branches[branches.count - 1].append(Quantified(item: item, minimum: minimum, repeats: repeats))
      }
      return branches
    }

    private mutating func atom() -> Item {
      let scalar = s[index]
      index += 1
      switch scalar {
      case "\\":
        guard index < s.count else { return .other }
        let escaped = s[index]
        index += 1
        let classes: Set<Unicode.Scalar> = ["d", "D", "w", "W", "s", "S", "b", "B", "A", "z", "Z", "G", "n", "t", "r", "u", "x", "p", "P", "Q", "E", "f", "v", "e", "0"]
        if classes.contains(escaped) || ("1"..."9").contains(escaped) { return .other }
        return .literal(escaped)
      case "[":
        if index < s.count, s[index] == "^" { index += 1 }
        if index < s.count, s[index] == "]" { index += 1 }
        while index < s.count, s[index] != "]" {
          index += s[index] == "\\" ? 2 : 1
        }
        index += 1
        return .other
      case "(":
        var lookaround = false
        if index < s.count, s[index] == "?" {
          index += 1
          if index < s.count, ["=", "!"].contains(s[index]) {
            lookaround = true
            index += 1
          } else if index + 1 < s.count, s[index] == "<", ["=", "!"].contains(s[index + 1]) {
            lookaround = true
            index += 2
          }
          while index < s.count, s[index] != ":", s[index] != ")", !lookaround {
            if s[index] == ">" { index += 1; break }
            index += 1
          }
          if index < s.count, s[index] == ":" { index += 1 }
        }
        let inner = alternation()
        index += 1
        return lookaround ? .other : .group(inner)
      case ".", "^", "$":
        return .other
      default:
        return .literal(scalar)
      }
    }

    private mutating func quantifier() -> (Int, Bool) {
      guard index < s.count else { return (1, false) }
      var result: (Int, Bool)
      switch s[index] {
      case "?": result = (0, false)
      case "*": result = (0, true)
      case "+": result = (1, true)
      case "{":
        var end = index + 1
        var digits = ""
        while end < s.count, ("0"..."9").contains(s[end]) {
          digits.unicodeScalars.append(s[end])
          end += 1
        }
        guard end < s.count, s[end] == "," || s[end] == "}", let minimum = Int(digits) else { return (1, false) }
        let exact = s[end] == "}"
        while end < s.count, s[end] != "}" { end += 1 }
        index = end
        result = (minimum, !exact || minimum > 1)
      default: return (1, false)
      }
      index += 1
      if index < s.count, s[index] == "?" || s[index] == "+" { index += 1 }
      return result
    }
  }

  private static func best(ofBranches branches: [[Quantified]]) -> [String]? {
    var union: [String] = []
    for branch in branches {
      guard let atoms = best(ofSequence: branch) else { return nil }
      union += atoms
    }
    return union.isEmpty ? nil : Array(Set(union)).sorted()
  }

  private static func best(ofSequence items: [Quantified]) -> [String]? {
    var candidates: [[String]] = []
    var run = String.UnicodeScalarView()
    func closeRun() {
      if !run.isEmpty { candidates.append([String(run)]) }
      run = String.UnicodeScalarView()
    }
    for item in items {
      switch item.item {
      case .literal(let scalar) where item.minimum >= 1:
        run.append(scalar)
        if item.repeats { closeRun() }
      case .group(let inner) where item.minimum >= 1:
        closeRun()
        if let atoms = best(ofBranches: inner) { candidates.append(atoms) }
      default:
        closeRun()
      }
    }
    closeRun()
    return candidates.max { lhs, rhs in
      let left = lhs.map(\.unicodeScalars.count).min() ?? 0
      let right = rhs.map(\.unicodeScalars.count).min() ?? 0
      return left != right ? left < right : lhs.count > rhs.count
    }
  }
}
