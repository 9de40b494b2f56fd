import Ingest

/// Everything loaded from a lexicon folder: packs, their rules and the clause catalogue.
public struct LexiconSet: Sendable {
  /// The packs, sorted by id.
  public var packs: [LexiconPack]
  /// All rules of all packs, sorted by id.
  public var rules: [LexiconRule]
  /// The clause catalogue (`clauses.yml`).
  public var clauses: ClauseCatalogue
  /// Warnings and notes met while loading (errors stop the load instead).
  public var diagnostics: [Diagnostic]
  /// The market price table (`market-prices.yml`), when the folder has one.
  public var prices: PriceTable?

  /// Creates a set.
  public init(
    packs: [LexiconPack], rules: [LexiconRule], clauses: ClauseCatalogue,
    diagnostics: [Diagnostic] = [], prices: PriceTable? = nil
  ) {
    self.packs = packs
    self.rules = rules
    self.clauses = clauses
    self.diagnostics = diagnostics
    self.prices = prices
  }

  /// The rule with this id, if loaded.
  public func rule(_ id: String) -> LexiconRule? { rules.first { $0.id == id } }
}

/// Provenance of one loaded pack.
public struct LexiconPack: Sendable, Hashable, Codable {
  /// The pack id, e.g. `tech-services`.
  public var id: String
  /// The pack's own version string.
  public var version: String
  /// SHA-256 of the pack file's bytes, lower-case hex.
  public var sha256: String
  /// The pack's title.
  public var title: String
  /// The file it was loaded from, as given.
  public var file: String

  /// Creates a pack record.
  public init(id: String, version: String, sha256: String, title: String, file: String) {
    self.id = id
    self.version = version
    self.sha256 = sha256
    self.title = title
    self.file = file
  }
}

/// The catalogue of clauses a rule may cite (`lexicons/clauses.yml`).
public struct ClauseCatalogue: Sendable {
  /// Entries in catalogue order.
  public var entries: [Clause]

  /// Creates a catalogue.
  public init(entries: [Clause]) { self.entries = entries }

  /// The clause with this id, if catalogued.
  public func clause(_ id: String) -> Clause? { entries.first { $0.id == id } }
}

/// One citable clause: a statutory point or an analyst's neutral-help factor.
public struct Clause: Sendable, Hashable, Codable {
  /// Stable id, e.g. `interp2019.art11.4` (design §5).
  public var id: String
  /// Chinese title, e.g. `提供专门用于违法犯罪的程序、工具或者其他技术支持、帮助的`.
  public var title: String
  /// The instrument's name, e.g. `最高人民法院、最高人民检察院关于办理……解释`.
  public var instrument: String
  /// The document number, e.g. `法释〔2019〕15号`; empty for analyst factors.
  public var documentNumber: String
  /// The point within the instrument, e.g. `第十一条第（四）项`.
  public var point: String
  /// Verification level from `shared/legal/legal-clauses.md` (`V1`, `V2`, `V3`, `P`, `analyst`).
  public var verification: String
  /// The verbatim text, present only for V1/V2 clauses.
  public var text: String?
  /// Where the text was verified.
  public var source: String
  /// `statute` for law, `analyst` for neutral-help factors (not law, and labelled so).
  public var kind: String

  /// Creates a clause.
  public init(
    id: String, title: String, instrument: String, documentNumber: String, point: String,
    verification: String, text: String?, source: String, kind: String
  ) {
    self.id = id
    self.title = title
    self.instrument = instrument
    self.documentNumber = documentNumber
    self.point = point
    self.verification = verification
    self.text = text
    self.source = source
    self.kind = kind
  }
}
