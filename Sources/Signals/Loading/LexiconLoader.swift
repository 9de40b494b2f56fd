import Crypto
import Foundation
import Ingest
import Yams

/// Loads lexicon packs and the clause catalogue, checks them and returns a `LexiconSet`.
///
/// Every problem of every file is collected (YAML syntax, schema, unknown `$set` or clause id,
/// duplicate rule or pack ids, weights outside [0, 1]), each with `file:line:col`, and thrown
/// together as `LexiconError.invalid`. Warnings alone do not stop the load; they are kept in
/// `LexiconSet.diagnostics`.
public enum LexiconLoader {
  /// The clause catalogue's file name.
  public static let clauseFileName = "clauses.yml"
  /// The price table's file name (not a pack; read into `LexiconSet.prices`).
  public static let marketPricesFileName = "market-prices.yml"

  /// Loads every `*.yml` in `directory` (recursively), except `clauses.yml` (the clause
  /// catalogue) and `market-prices.yml` (the price table, read beside the packs when present);
  /// validates; returns the set. Files are named in
  /// diagnostics and `LexiconPack.file` by the folder as given plus their path inside it
  /// (`lexicons/tech-services.yml`).
  public static func load(directory: URL) throws(LexiconError) -> LexiconSet {
    let files = try yamlFiles(in: directory)
    let clauseFiles = files.filter { $0.lastPathComponent == clauseFileName }
    guard let clauses = clauseFiles.min(by: { $0.pathComponents.count < $1.pathComponents.count }) else {
      throw .noClauseCatalogue(directory: directory.relativePath)
    }
    let packs = files.filter { ![clauseFileName, marketPricesFileName].contains($0.lastPathComponent) }
    guard !packs.isEmpty else { throw .noPacks(directory: directory.relativePath) }
    let prices = files.filter { $0.lastPathComponent == marketPricesFileName }
      .min { $0.pathComponents.count < $1.pathComponents.count }
    return try load(files: packs, clauses: clauses, prices: prices)
  }

  /// Loads the given pack files with the given clause catalogue and, when given, price table;
  /// validates; returns the set.
  public static func load(files: [URL], clauses: URL, prices: URL? = nil) throws(LexiconError) -> LexiconSet {
    var diagnostics: [Diagnostic] = []
    let catalogueText = try read(clauses).text
    let (catalogue, catalogueDiagnostics) = ClauseCatalogueParser.parse(file: clauses.relativePath, text: catalogueText)
    diagnostics += catalogueDiagnostics
    var priceTable: PriceTable?
    if let prices {
      let (table, priceDiagnostics) = PriceTableParser.parse(file: prices.relativePath, text: try read(prices).text)
      priceTable = table
      diagnostics += priceDiagnostics
    }

    var packs: [LexiconPack] = []
    var rules: [LexiconRule] = []
    var ruleOrigins: [String: String] = [:]
    var packOrigins: [String: String] = [:]
    // The packs are read and parsed on all cores, then checked against each other in order.
    let prices = priceTable
    let readPacks = ParallelMap.map(files) { file in
      Result { () throws(LexiconError) in
        let (data, text) = try read(file)
        return PackParser.parse(
          file: file.relativePath, text: text, sha256: sha256Hex(data), catalogue: catalogue, prices: prices)
      }
    }
    for (file, readPack) in zip(files, readPacks) {
      let name = file.relativePath
      let (parsed, fileDiagnostics) = try readPack.get()
      diagnostics += fileDiagnostics
      guard let parsed else { continue }
      let packLocation = location(parsed.packIDMark, file: name)
      if let first = packOrigins[parsed.pack.id] {
        diagnostics.append(duplicate("pack id '\(parsed.pack.id)'", first: first, mark: parsed.packIDMark, file: name))
      } else {
        packOrigins[parsed.pack.id] = packLocation
      }
      for (id, mark) in parsed.ruleIDMarks {
        if let first = ruleOrigins[id] {
          diagnostics.append(duplicate("rule id '\(id)'", first: first, mark: mark, file: name))
        } else {
          ruleOrigins[id] = location(mark, file: name)
        }
      }
      packs.append(parsed.pack)
      rules += parsed.rules
    }
    if diagnostics.contains(where: { $0.severity == .error }) { throw .invalid(diagnostics) }
    var seen = Set<String>()
    let uniqueRules = rules.filter { seen.insert($0.id).inserted }
    return LexiconSet(
      packs: packs.sorted { $0.id < $1.id }, rules: uniqueRules.sorted { $0.id < $1.id }, clauses: catalogue,
      diagnostics: diagnostics, prices: priceTable)
  }

  /// SHA-256 of `data`, lower-case hex.
  static func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }

  private static func yamlFiles(in directory: URL) throws(LexiconError) -> [URL] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue,
      let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
    else {
      let exists = FileManager.default.fileExists(atPath: directory.path)
      throw .unreadable(path: directory.relativePath, reason: exists ? "not a folder" : "no such folder")
    }
    let root = directory.standardizedFileURL.path
    var files: [URL] = []
    for case let url as URL in walker where url.pathExtension == "yml" {
      let full = url.standardizedFileURL.path
      guard full.hasPrefix(root + "/") else {
        files.append(url)
        continue
      }
      let inner = String(full.dropFirst(root.count + 1))
      let base = directory.relativePath.hasSuffix("/") ? String(directory.relativePath.dropLast()) : directory.relativePath
      files.append(URL(fileURLWithPath: base + "/" + inner))
    }
    return files.sorted { $0.relativePath < $1.relativePath }
  }

  private static func read(_ url: URL) throws(LexiconError) -> (data: Data, text: String) {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(path: url.relativePath, reason: error.localizedDescription)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(path: url.relativePath, reason: "not valid UTF-8")
    }
    return (data, text)
  }

  private static func location(_ mark: Mark?, file: String) -> String {
    mark.map { "\(file):\($0.line):\($0.column)" } ?? file
  }

  private static func duplicate(_ what: String, first: String, mark: Mark?, file: String) -> Diagnostic {
    Diagnostic(
      .error, code: "lexicon.duplicate-id", file: file, line: mark?.line, column: mark?.column,
      message: "\(what) is already defined at \(first)")
  }
}
