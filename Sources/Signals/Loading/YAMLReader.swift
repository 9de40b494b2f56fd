import Foundation
import Ingest
import Yams

/// Reads one YAML file into Yams nodes and checks their shape, collecting every problem as a
/// `Diagnostic` with the node's `file:line:col` instead of stopping at the first.
struct YAMLReader {
  /// The file name used in diagnostics, as given.
  let file: String
  /// Problems found so far.
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  /// The root node of `text`, or nil (with a `lexicon.yaml-syntax` diagnostic) when it does not parse.
  ///
  /// Every scalar is composed as a string (`Resolver.basic`): the reader reads each value's text
  /// and checks numbers and booleans itself, so Yams' implicit tags (bool, int, float, null,
  /// timestamp, each tried by regular expression on every plain scalar) were never read, and
  /// resolving them took about a third of the packs' parse.
  mutating func compose(_ text: String) -> Node? {
    do {
      guard let root = try Yams.compose(yaml: text, .basic) else {
        report("lexicon.schema", line: 1, column: 1, "the file is empty")
        return nil
      }
      return root
    } catch let error as YamlError {
      switch error {
      case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        let detail = context.map { "\(problem) (\($0.text))" } ?? problem
        report("lexicon.yaml-syntax", line: mark.line, column: mark.column, "YAML syntax error: \(detail)")
      case .duplicatedKeysInMapping(let duplicates, let context):
        report(
          "lexicon.schema", line: context.mark.line, column: context.mark.column,
          "duplicate key(s) \(duplicates.sorted().joined(separator: ", ")) in one mapping")
      default:
        report("lexicon.yaml-syntax", line: nil, column: nil, "YAML error: \(error)")
      }
      return nil
    } catch {
      report("lexicon.yaml-syntax", line: nil, column: nil, "YAML error: \(error)")
      return nil
    }
  }

  /// Records an error at `node`.
  mutating func error(_ code: String, at node: Node?, _ message: String) {
    report(code, line: node?.mark?.line, column: node?.mark?.column, message)
  }

  /// Records a warning at `node`.
  mutating func warning(_ code: String, at node: Node?, _ message: String) {
    diagnostics.append(
      Diagnostic(.warning, code: code, file: file, line: node?.mark?.line, column: node?.mark?.column,
        message: message))
  }

  private mutating func report(_ code: String, line: Int?, column: Int?, _ message: String) {
    diagnostics.append(Diagnostic(.error, code: code, file: file, line: line, column: column, message: message))
  }

  /// `file:line` of a node, for `origin` fields.
  func origin(of node: Node) -> String {
    node.mark.map { "\(file):\($0.line)" } ?? file
  }

  /// The mapping's entries by key, after reporting keys not in `allowed` and missing `required` keys.
  mutating func entries(
    of node: Node, in context: String, allowed: [String], required: [String] = []
  ) -> [String: (key: Node, value: Node)]? {
    guard let mapping = node.mapping else {
      error("lexicon.schema", at: node, "\(context) must be a mapping")
      return nil
    }
    var result: [String: (key: Node, value: Node)] = [:]
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        error("lexicon.schema", at: key, "\(context) has a key that is not a plain string")
        continue
      }
      guard allowed.contains(name) else {
        error(
          "lexicon.schema", at: key,
          "unknown key '\(name)' in \(context); expected one of: \(allowed.joined(separator: ", "))")
        continue
      }
      result[name] = (key, value)
    }
    for name in required where result[name] == nil {
      error("lexicon.schema", at: node, "\(context) is missing the required key '\(name)'")
    }
    return result
  }

  /// A non-negative number of yuan (a scalar such as `1200` or `0.5`), in fen, rounded to the fen.
  mutating func fen(_ node: Node, _ what: String) -> Int64? {
    guard let text = node.scalar?.string, var yuan = Decimal(string: text), yuan >= 0 else {
      error("lexicon.schema", at: node, "\(what) must be a non-negative number of yuan")
      return nil
    }
    yuan *= 100
    var rounded = Decimal()
    NSDecimalRound(&rounded, &yuan, 0, .plain)
    return NSDecimalNumber(decimal: rounded).int64Value
  }

  /// The scalar text of `node`, reporting anything else.
  mutating func string(_ node: Node, _ what: String) -> String? {
    guard let scalar = node.scalar else {
      error("lexicon.schema", at: node, "\(what) must be a string")
      return nil
    }
    return scalar.string
  }

  /// A scalar text with something besides white space in it.
  ///
  /// Tested scalar by scalar (`isWhitespaceScalar`, the set `trimmingCharacters(in:
  /// .whitespacesAndNewlines)` trims): Foundation's trimming goes through an `NSString` on Linux
  /// and cost about 11,000 instructions a call, for every term of every pack.
  mutating func nonEmptyString(_ node: Node, _ what: String) -> String? {
    guard let text = string(node, what) else { return nil }
    guard text.unicodeScalars.contains(where: { !$0.isWhitespaceScalar }) else {
      error("lexicon.schema", at: node, "\(what) must not be empty")
      return nil
    }
    return text
  }

  /// An integer scalar.
  mutating func integer(_ node: Node, _ what: String) -> Int? {
    guard let value = node.scalar.flatMap({ Int($0.string) }) else {
      error("lexicon.schema", at: node, "\(what) must be an integer")
      return nil
    }
    return value
  }

  /// A number scalar.
  mutating func number(_ node: Node, _ what: String) -> Double? {
    guard let value = node.scalar.flatMap({ Double($0.string) }) else {
      error("lexicon.schema", at: node, "\(what) must be a number")
      return nil
    }
    return value
  }

  /// A boolean scalar (`true` / `false`).
  mutating func boolean(_ node: Node, _ what: String) -> Bool? {
    guard let text = node.scalar?.string, text == "true" || text == "false" else {
      error("lexicon.schema", at: node, "\(what) must be true or false")
      return nil
    }
    return text == "true"
  }

  /// A value of a closed set of words.
  mutating func choice<Value: RawRepresentable>(_ node: Node, _ what: String, _ type: Value.Type) -> Value?
  where Value.RawValue == String, Value: CaseIterable {
    guard let text = string(node, what) else { return nil }
    guard let value = Value(rawValue: text) else {
      let options = Value.allCases.map(\.rawValue).joined(separator: " | ")
      error("lexicon.schema", at: node, "\(what) '\(text)' is not one of \(options)")
      return nil
    }
    return value
  }

  /// The items of a sequence.
  mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
    guard let sequence = node.sequence else {
      error("lexicon.schema", at: node, "\(what) must be a list")
      return nil
    }
    return Array(sequence)
  }

  /// A list of strings (a lone string counts as a list of one).
  mutating func strings(_ node: Node, _ what: String) -> [String]? {
    if node.scalar != nil { return string(node, what).map { [$0] } }
    guard let items = sequence(node, what) else { return nil }
    return items.compactMap { string($0, "each item of \(what)") }
  }
}
