import Foundation
import Yams

/// The optional `case.yml` beside the evidence: who the subjects are.
///
/// ```yaml
/// title: 张三帮信案          # optional, for people
/// subjects: [张三, zhangsan_01]
/// ```
///
/// `subjects` are speaker names or account ids, as `--subject` takes them; the CLI adds the
/// `--subject` values to them.
public struct CaseFile: Sendable, Hashable {
  /// The file name looked for in the evidence folder.
  public static let fileName = "case.yml"

  /// The case title, when written.
  public var title: String?
  /// Subject names or account ids, in the order written, without duplicates.
  public var subjects: [String]

  /// Creates a case file value.
  public init(title: String? = nil, subjects: [String]) {
    self.title = title
    self.subjects = subjects
  }

  /// The `case.yml` in `folder`, or nil when there is none.
  public static func load(folder: URL) throws(CaseFileError) -> CaseFile? {
    let url = folder.appendingPathComponent(fileName)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw CaseFileError.unreadable(path: url.path, reason: "not readable as UTF-8 text (\(error.localizedDescription))")
    }
    return try parse(text, file: url.path)
  }

  /// Parses the text of a case file; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws(CaseFileError) -> CaseFile {
    let root: Node
    do {
      guard let composed = try Yams.compose(yaml: text) else {
        throw CaseFileError.invalid(path: file, line: 1, message: "the file is empty; write subjects: [name, …]")
      }
      root = composed
    } catch let error as CaseFileError {
      throw error
    } catch let error as YamlError {
      throw CaseFileError.invalid(path: file, line: Self.line(of: error), message: "YAML syntax error: \(error)")
    } catch {
      throw CaseFileError.invalid(path: file, line: nil, message: "YAML error: \(error)")
    }
    guard let mapping = root.mapping else {
      throw CaseFileError.invalid(path: file, line: root.mark?.line, message: "the file must be a mapping with a subjects list")
    }
    var title: String?
    var subjects: [String]?
    for (key, value) in mapping {
      switch key.string {
      case "title":
        guard let text = value.string else {
          throw CaseFileError.invalid(path: file, line: value.mark?.line, message: "title must be text")
        }
        title = text
      case "subjects":
        subjects = try readSubjects(value, file: file)
      default:
        throw CaseFileError.invalid(
          path: file, line: key.mark?.line, message: "unknown key '\(key.string ?? "?")'; allowed: title, subjects")
      }
    }
    guard let subjects else {
      throw CaseFileError.invalid(path: file, line: root.mark?.line, message: "subjects is missing; write subjects: [name, …]")
    }
    return CaseFile(title: title, subjects: subjects)
  }

  /// The subjects, trimmed, duplicates dropped; a scalar is read as a list of one. An empty or
  /// blank item, and a YAML null (`~`, `null` unquoted, a bare `-`), is refused with its line, as
  /// `--subject ""` is: it would name nobody, or a person called "null".
  private static func readSubjects(_ node: Node, file: String) throws(CaseFileError) -> [String] {
    let items: [Node]
    if node.scalar != nil {
      items = [node]
    } else if let sequence = node.sequence {
      items = Array(sequence)
    } else {
      throw CaseFileError.invalid(path: file, line: node.mark?.line, message: "subjects must be a list of names")
    }
    var subjects: [String] = []
    for (index, item) in items.enumerated() {
      let position = items.count > 1 ? "subject \(index + 1)" : "the subject"
      guard item.scalar != nil else {
        throw CaseFileError.invalid(path: file, line: item.mark?.line, message: "\(position) must be a name, not a list or a mapping")
      }
      if item.null != nil, let written = item.scalar?.string, !written.isEmpty {
        throw CaseFileError.invalid(
          path: file, line: item.mark?.line,
          message: "\(position) is \(written), which YAML reads as empty (null); write a name or account id (quoted if it really is \"\(written)\")")
      }
      guard let name = item.string?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty, item.null == nil else {
        throw CaseFileError.invalid(
          path: file, line: item.mark?.line,
          message: "\(position) is empty; a subject must be a name or account id (an empty one matches nobody)")
      }
      if !subjects.contains(name) { subjects.append(name) }
    }
    return subjects
  }

  /// The subjects of `file` followed by `extra` (e.g. `--subject` values), without duplicates.
  public static func subjects(_ file: CaseFile?, adding extra: [String]) -> [String] {
    var result = file?.subjects ?? []
    for name in extra where !result.contains(name) { result.append(name) }
    return result
  }

  private static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
    case .duplicatedKeysInMapping(_, let context): context.mark.line
    default: nil
    }
  }
}

/// Why `case.yml` could not be used.
public enum CaseFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file exists but cannot be read.
  case unreadable(path: String, reason: String)
  /// The file is read but wrong, at `line` when known.
  case invalid(path: String, line: Int?, message: String)

  /// `path:line: message`, for people.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
    case .invalid(let path, let line, let message): "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
  }
}
