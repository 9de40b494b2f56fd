import Foundation

/// A `<pack>.test.txt`: plain test lines, each preceded by `# ruleid:` / `# ok:` /
/// `# todoruleid:` / `# todook:` annotations (comma-separated rule ids). An annotation applies to
/// the next line that is neither an annotation, another `#` comment, nor blank.
struct AnnotatedTestFile {
  /// An annotation's kind, as written.
  enum Kind: String {
    case ruleid, ok, todoruleid, todook

    var exampleKind: RuleExample.Kind {
      switch self {
      case .ruleid: .hit
      case .ok: .ok
      case .todoruleid: .todoHit
      case .todook: .todoOK
      }
    }
  }

  /// One rule id named by an annotation.
  struct Annotation {
    var kind: Kind
    var ruleID: String
    /// The annotation's own line.
    var line: Int
  }

  /// A test line with the annotations that apply to it.
  struct Line {
    var line: Int
    var text: String
    var annotations: [Annotation]
  }

  /// Annotated lines, in file order.
  let lines: [Line]
  /// Lines of annotations that no test line follows.
  let danglingAnnotations: [Int]

  init(path: String, text: String) {
    var result: [Line] = []
    var pending: [Annotation] = []
    let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, raw) in rows.enumerated() {
      let row = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
      let trimmed = row.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("#") {
        pending += Self.annotations(in: trimmed, line: index + 1)
        continue
      }
      guard !trimmed.isEmpty else { continue }
      if !pending.isEmpty {
        result.append(Line(line: index + 1, text: row, annotations: pending))
        pending = []
      }
    }
    lines = result
    danglingAnnotations = Array(Set(pending.map(\.line))).sorted()
  }

  /// The annotations of a `#` line; none when it is a plain comment.
  private static func annotations(in row: String, line: Int) -> [Annotation] {
    let body = row.dropFirst().trimmingCharacters(in: .whitespaces)
    guard let colon = body.firstIndex(of: ":"),
      let kind = Kind(rawValue: body[..<colon].trimmingCharacters(in: .whitespaces).lowercased())
    else { return [] }
    return body[body.index(after: colon)...].split(separator: ",")
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .map { Annotation(kind: kind, ruleID: $0, line: line) }
  }
}
