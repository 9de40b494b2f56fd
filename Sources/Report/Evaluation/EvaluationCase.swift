import Foundation

/// One labelled case of the corpus: an evidence folder, its gold and its subjects.
public struct EvaluationCase: Sendable {
  /// The case name (the folder's name relative to the corpus root, e.g. `cases/gambling-app`).
  public var name: String
  /// The evidence folder.
  public var folder: URL
  /// The hand-labelled expectations.
  public var gold: GoldAnnotations
  /// Whose knowledge is assessed (from `<case>.subjects`, one name per line).
  public var subjects: [String]

  /// A clean case is ordinary business with no graded Art. 11 label at all: any Art. 11 finding
  /// on it is a false alarm.
  public var isClean: Bool {
    !gold.expected.contains { $0.clause.hasPrefix("interp2019.art11.") }
  }

  /// Creates a case.
  public init(name: String, folder: URL, gold: GoldAnnotations, subjects: [String]) {
    self.name = name
    self.folder = folder
    self.gold = gold
    self.subjects = subjects
  }

  /// Finds every `X.gold.tsv` below `corpus` that has a folder `X` beside it, sorted by name.
  public static func discover(in corpus: URL) throws(EvaluationError) -> [EvaluationCase] {
    let fm = FileManager.default
    guard let walker = fm.enumerator(at: corpus, includingPropertiesForKeys: nil) else {
      throw .noCases(corpus: corpus.path)
    }
    var cases: [EvaluationCase] = []
    let rootPath = corpus.standardizedFileURL.path
    for case let url as URL in walker where url.lastPathComponent.hasSuffix(".gold.tsv") {
      let stem = String(url.lastPathComponent.dropLast(".gold.tsv".count))
      let folder = url.deletingLastPathComponent().appendingPathComponent(stem)
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
      else { continue }
      let subjectsURL = url.deletingLastPathComponent().appendingPathComponent("\(stem).subjects")
      var subjects: [String] = []
      if fm.fileExists(atPath: subjectsURL.path) {
        do {
          subjects = try String(contentsOf: subjectsURL, encoding: .utf8)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        } catch {
          throw .unreadable(path: subjectsURL.path, reason: error.localizedDescription)
        }
      }
      var name = folder.standardizedFileURL.path
      if name.hasPrefix(rootPath + "/") { name = String(name.dropFirst(rootPath.count + 1)) }
      cases.append(
        EvaluationCase(
          name: name, folder: folder, gold: try GoldAnnotations(contentsOf: url),
          subjects: subjects))
    }
    guard !cases.isEmpty else { throw .noCases(corpus: corpus.path) }
    return cases.sorted { $0.name < $1.name }
  }
}
