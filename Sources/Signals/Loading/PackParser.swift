import Foundation
import Ingest
import Yams

/// A pack file read and checked, before the checks that span packs.
struct ParsedPack: Sendable {
  var pack: LexiconPack
  var rules: [LexiconRule]
  /// Each rule id with where it was written, for duplicate checks across packs.
  var ruleIDMarks: [(id: String, mark: Mark?)]
  /// Where the pack id was written.
  var packIDMark: Mark?
}

/// Reads one lexicon pack (LEXICON.md) into rules, collecting every problem.
struct PackParser {
  var reader: YAMLReader
  private let catalogue: ClauseCatalogue
  private let prices: PriceTable?
  var termSets: [String: [String]] = [:]
  var termSetNodes: [String: Node] = [:]
  var usedSets: Set<String> = []
  private var defaults = NegationSettings.standard
  private var packID = ""
  private var ruleIDNodes: [(id: String, node: Node)] = []
  /// The id of the rule being read, for messages about its `not` items.
  private var ruleID = ""
  /// Whether a `sequence` event is being read (where `not` is not allowed).
  private var readingSequence = false

  private static let topKeys = ["lexicon", "pack", "terms", "negation", "rules"]
  private static let packKeys = ["id", "title", "version", "description", "author", "references", "date"]
  private static let negationKeys = [
    "cues", "pseudo", "breakers", "hypothetical", "before", "after_cues", "after", "refusals", "refusal_reach",
    "request_refusals",
  ]
  private static let ruleKeys = [
    "id", "title", "level", "weight", "polarity", "scope", "speaker", "match", "unless", "negation",
    "clauses", "description", "falsepositives", "examples", "status", "references", "author", "date",
    "modified", "tags", "allow_short", "inside", "not_inside", "extract",
  ]
  private static let statuses = ["experimental", "test", "stable", "deprecated"]

  /// Parses `text`, the content of `file`; `sha256` is the hash of the file's bytes.
  static func parse(file: String, text: String, sha256: String, catalogue: ClauseCatalogue, prices: PriceTable? = nil) -> (
    ParsedPack?, [Diagnostic]
  ) {
    var parser = PackParser(reader: YAMLReader(file: file), catalogue: catalogue, prices: prices)
    let pack = parser.parse(text, sha256: sha256)
    return (pack, parser.reader.diagnostics)
  }

  private init(reader: YAMLReader, catalogue: ClauseCatalogue, prices: PriceTable?) {
    self.reader = reader
    self.catalogue = catalogue
    self.prices = prices
  }

  private mutating func parse(_ text: String, sha256: String) -> ParsedPack? {
    guard let root = reader.compose(text),
      let top = reader.entries(of: root, in: "the pack file", allowed: Self.topKeys, required: ["lexicon", "pack", "rules"])
    else { return nil }
    if let version = top["lexicon"]?.value, let number = reader.integer(version, "lexicon"), number != 1 {
      reader.error("lexicon.version", at: version, "lexicon format version \(number) is not supported (expected 1)")
    }
    guard let packNode = top["pack"]?.value,
      let packEntries = reader.entries(of: packNode, in: "pack", allowed: Self.packKeys, required: ["id", "title"])
    else { return nil }
    let idNode = packEntries["id"]?.value ?? packNode
    packID = packEntries["id"].flatMap { reader.nonEmptyString($0.value, "pack id") } ?? ""
    if !packID.isEmpty, packID.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
      reader.error("lexicon.schema", at: idNode, "pack id '\(packID)' must be lower-case ascii words joined by dashes")
    }
    let title = packEntries["title"].flatMap { reader.nonEmptyString($0.value, "pack title") } ?? ""
    let version = packEntries["version"].flatMap { reader.string($0.value, "pack version") } ?? ""
    if let node = packEntries["description"]?.value { _ = reader.string(node, "pack description") }

    if let node = top["terms"]?.value { readTermSets(node) }
    if let node = top["negation"]?.value {
      defaults = readNegation(node, base: .standard, allowMode: false).settings
    }
    var rules: [LexiconRule] = []
    if let items = top["rules"].flatMap({ reader.sequence($0.value, "rules") }) {
      rules = items.compactMap { readRule($0) }
    }
    for (name, node) in termSetNodes.sorted(by: { $0.key < $1.key }) where !usedSets.contains(name) && !name.hasPrefix("_") {
      reader.warning("lexicon.unused-term-set", at: node, "term set '$\(name)' is never used (prefix it with _ to keep it)")
    }
    let pack = LexiconPack(id: packID, version: version, sha256: sha256, title: title, file: reader.file)
    return ParsedPack(
      pack: pack, rules: rules, ruleIDMarks: ruleIDNodes.map { ($0.id, $0.node.mark) }, packIDMark: idNode.mark)
  }

  private mutating func readNegation(_ node: Node, base: NegationSettings, allowMode: Bool, ruleID: String? = nil) -> (
    settings: NegationSettings, mode: NegationMode?
  ) {
    var settings = base
    let keys = allowMode ? ["mode"] + Self.negationKeys : Self.negationKeys
    guard let entries = reader.entries(of: node, in: "negation", allowed: keys) else { return (settings, nil) }
    let owner = ruleID.map { "rule '\($0)'" } ?? "the pack"
    if let list = negationPhrases(entries["cues"]?.value, "cues", owner) { settings.cues = list }
    if let list = negationPhrases(entries["pseudo"]?.value, "pseudo", owner) { settings.pseudo = list }
    if let list = negationPhrases(entries["breakers"]?.value, "breakers", owner) { settings.breakers = list }
    if let list = negationPhrases(entries["hypothetical"]?.value, "hypothetical", owner) { settings.hypothetical = list }
    if let list = negationPhrases(entries["after_cues"]?.value, "after_cues", owner) { settings.afterCues = list }
    if let list = negationPhrases(entries["refusals"]?.value, "refusals", owner) { settings.refusals = list }
    if let list = negationPhrases(entries["request_refusals"]?.value, "request_refusals", owner) {
      settings.requestRefusals = list
    }
    if let value = entries["before"].flatMap({ reader.integer($0.value, "negation before") }) {
      settings.before = max(0, value)
    }
    if let value = entries["after"].flatMap({ reader.integer($0.value, "negation after") }) {
      settings.after = max(0, value)
    }
    if let value = entries["refusal_reach"].flatMap({ reader.integer($0.value, "negation refusal_reach") }) {
      settings.refusalReach = max(0, value)
    }
    let mode = entries["mode"].flatMap { reader.choice($0.value, "negation mode", NegationMode.self) }
    return (settings, mode)
  }

  private mutating func readRule(_ node: Node) -> LexiconRule? {
    guard let entries = reader.entries(
      of: node, in: "a rule", allowed: Self.ruleKeys, required: ["id", "title", "match", "clauses"])
    else { return nil }
    let idNode = entries["id"]?.value ?? node
    let id = entries["id"].flatMap { reader.nonEmptyString($0.value, "rule id") }
    ruleID = id ?? "?"
    if let id {
      ruleIDNodes.append((id, idNode))
      if id.range(of: "^[a-z0-9]+([.-][a-z0-9]+)*$", options: .regularExpression) == nil {
        reader.error("lexicon.schema", at: idNode, "rule id '\(id)' must be lower-case ascii words joined by dots or dashes")
      }
    }
    let title = entries["title"].flatMap { reader.nonEmptyString($0.value, "rule title") }
    let level = entries["level"].map { reader.choice($0.value, "level", RuleLevel.self) } ?? .medium
    var weight = 0.5
    if let weightNode = entries["weight"]?.value, let value = reader.number(weightNode, "weight") {
      if (0...1).contains(value) {
        weight = value
      } else {
        reader.error("lexicon.weight-range", at: weightNode, "weight \(value) is outside [0, 1]")
      }
    }
    let polarity = entries["polarity"].map { reader.choice($0.value, "polarity", Polarity.self) } ?? .inculpatory
    let speaker = entries["speaker"].map { reader.choice($0.value, "speaker", SpeakerConstraint.self) } ?? .any

    if let statusNode = entries["status"]?.value, let status = reader.string(statusNode, "status"),
      !Self.statuses.contains(status)
    {
      reader.error("lexicon.schema", at: statusNode, "status '\(status)' is not one of \(Self.statuses.joined(separator: " | "))")
    }
    let (match, price) = entries["match"].map { readMatch($0.value) } ?? (nil, nil)
    if let match, match.holdsOnAbsence, let node = entries["match"]?.value {
      reader.error(
        "lexicon.schema", at: node,
        "rule '\(ruleID)': the match holds when nothing is present (a not, or an any with a not item); a rule must be found by something present")
    }
    let scope = entries["scope"].flatMap { readScope($0.value, match: match) } ?? Self.defaultScope(for: match)
    let unless = entries["unless"].flatMap { readExpression($0.value) }
    var negation = defaults
    var mode = NegationMode.exclude
    if let negationNode = entries["negation"]?.value {
      if negationNode.scalar != nil {
        mode = reader.choice(negationNode, "negation", NegationMode.self) ?? .exclude
      } else {
        let read = readNegation(negationNode, base: defaults, allowMode: true, ruleID: id)
        negation = read.settings
        mode = read.mode ?? .exclude
      }
    }
    let clauses = entries["clauses"].flatMap { readClauses($0.value) } ?? []
    let description = entries["description"].flatMap { reader.string($0.value, "description") } ?? ""
    let falsePositives = entries["falsepositives"].flatMap { reader.strings($0.value, "falsepositives") } ?? []
    let examples = entries["examples"].map { readExamples($0.value) } ?? []
    let allowShort = entries["allow_short"].flatMap { reader.boolean($0.value, "allow_short") } ?? false
    let inside = entries["inside"].map { readSpanKinds($0.value, "inside") } ?? []
    let notInside = entries["not_inside"].map { readSpanKinds($0.value, "not_inside") } ?? []
    if let node = entries["not_inside"]?.value, !Set(inside).isDisjoint(with: notInside) {
      reader.error("lexicon.schema", at: node, "a span kind cannot be both inside and not_inside")
    }
    let extract = entries["extract"].map { readExtractions($0.value) } ?? []
    if let node = entries["tags"]?.value { _ = reader.strings(node, "tags") }
    if let node = entries["references"]?.value { _ = reader.strings(node, "references") }

    guard let id, let title, let level, let polarity, let speaker, let match else { return nil }
    return LexiconRule(
      id: id, packID: packID, title: title, level: level, weight: weight, polarity: polarity,
      clauses: clauses, speaker: speaker, description: description, falsePositives: falsePositives,
      match: match, unless: unless, negationMode: mode, origin: reader.origin(of: node),
      negation: negation, examples: examples, allowShort: allowShort, price: price, scope: scope, inside: inside,
      notInside: notInside, extract: extract)
  }

  /// `conversation` for a sequence (and a price rule with `within`), `message` otherwise.
  private static func defaultScope(for match: MatchExpression?) -> RuleScope {
    if case .sequence = match { return .conversation }
    return .message
  }

  /// A `scope:` value: conversation for a sequence; message, paragraph or document otherwise.
  private mutating func readScope(_ node: Node, match: MatchExpression?) -> RuleScope? {
    guard let scope = reader.choice(node, "scope", RuleScope.self), let match else { return nil }
    let isSequence: Bool
    if case .sequence = match { isSequence = true } else { isSequence = false }
    if isSequence != (scope == .conversation) {
      reader.error(
        "lexicon.schema", at: node,
        "scope '\(scope.rawValue)' does not fit this match (conversation for a sequence; message, paragraph or document otherwise)")
      return nil
    }
    return scope
  }

  /// `inside:` / `not_inside:`: one span kind or a list of them.
  private mutating func readSpanKinds(_ node: Node, _ what: String) -> [SpanKind] {
    if node.scalar != nil { return reader.choice(node, what, SpanKind.self).map { [$0] } ?? [] }
    guard let items = reader.sequence(node, what) else { return [] }
    if items.isEmpty { reader.error("lexicon.schema", at: node, "\(what) must list at least one span kind") }
    return items.compactMap { reader.choice($0, "\(what) span kind", SpanKind.self) }
  }

  /// `extract:`: a mapping from value names to `amount`, `domain`, `account` or `{re: '…'}`.
  private mutating func readExtractions(_ node: Node) -> [ValueExtraction] {
    guard let mapping = node.mapping else {
      reader.error("lexicon.schema", at: node, "extract must map value names to amount, domain, account or {re: '…'}")
      return []
    }
    var extractions: [ValueExtraction] = []
    for (key, value) in mapping {
      guard let name = reader.nonEmptyString(key, "an extract name") else { continue }
      if name.range(of: "^[a-z][A-Za-z0-9]*$", options: .regularExpression) == nil {
        reader.error("lexicon.schema", at: key, "extract name '\(name)' must be lower camel case ascii (e.g. siteDomain)")
        continue
      }
      if ValueExtraction.reservedNames.contains(name) {
        reader.error("lexicon.schema", at: key, "extract name '\(name)' is a value the engine writes itself; choose another")
        continue
      }
      guard let source = readExtractionSource(value) else { continue }
      let extraction = ValueExtraction(name: name, source: source)
      let taken = Set(extractions.flatMap(\.writtenNames))
      if let clash = extraction.writtenNames.first(where: taken.contains) {
        reader.error(
          "lexicon.schema", at: key,
          "extract name '\(name)' writes '\(clash)', which another value of this rule writes (an amount 'x' also writes 'xCurrency'); choose another")
        continue
      }
      extractions.append(extraction)
    }
    return extractions
  }

  private mutating func readExtractionSource(_ node: Node) -> ValueExtraction.Source? {
    if node.scalar != nil {
      guard let text = reader.string(node, "an extract source") else { return nil }
      switch text {
      case "amount": return .amount
      case "domain": return .domain
      case "account": return .account
      default:
        reader.error("lexicon.schema", at: node, "extract source '\(text)' is not one of amount | domain | account | {re: '…'}")
        return nil
      }
    }
    guard let entries = reader.entries(of: node, in: "an extract source", allowed: ["re"], required: ["re"]),
      let source = entries["re"].flatMap({ readRegex($0.value) })
    else { return nil }
    return .regex(source)
  }

  private mutating func readClauses(_ node: Node) -> [String]? {
    guard let items = reader.sequence(node, "clauses") else { return nil }
    if items.isEmpty { reader.error("lexicon.schema", at: node, "clauses must list at least one clause id") }
    var ids: [String] = []
    for item in items {
      guard let id = reader.nonEmptyString(item, "a clause id") else { continue }
      if catalogue.clause(id) == nil {
        reader.error("lexicon.unknown-clause", at: item, "clause '\(id)' is not in the clause catalogue (clauses.yml)")
      }
      ids.append(id)
    }
    return ids
  }

  /// A rule's `match`: a `sequence` mapping (`first`, `then`, optional `within`), a `price`
  /// mapping, or an operator tree.
  private mutating func readMatch(_ node: Node) -> (MatchExpression?, PriceCheck?) {
    if let mapping = node.mapping, mapping["price"] != nil {
      guard let outer = reader.entries(of: node, in: "match", allowed: ["price"]), let body = outer["price"]?.value,
        let check = readPrice(body)
      else { return (nil, nil) }
      return (Self.expression(for: check), check)
    }
    return (readSequenceOrExpression(node), nil)
  }

  /// The operator tree a price check needs the engine to gather: the service phrases and an
  /// amount in one unit, or (with `within`) across units of a conversation.
  private static func expression(for check: PriceCheck) -> MatchExpression {
    let services = MatchExpression.termSet(name: "price-services", terms: check.terms)
    let amount = MatchExpression.money(MoneyConstraint())
    guard check.within > 0 else { return .all([services, amount], near: NearConstraint(within: check.near)) }
    return .sequence(first: services, then: amount, window: SequenceWindow(messages: check.within))
  }

  /// `price: {services, below, above, near, within, except}` against the price table.
  private mutating func readPrice(_ node: Node) -> PriceCheck? {
    let keys = ["services", "below", "above", "near", "within", "except"]
    guard let entries = reader.entries(of: node, in: "price", allowed: keys) else { return nil }
    guard let table = prices else {
      reader.error("lexicon.no-price-table", at: node, "price needs the price table (\(LexiconLoader.marketPricesFileName)) beside the packs")
      return nil
    }
    var services = table.services
    if let listNode = entries["services"]?.value, let items = reader.sequence(listNode, "price services") {
      services = []
      for item in items {
        guard let id = reader.nonEmptyString(item, "a service id") else { continue }
        guard let service = table.service(id) else {
          let known = table.services.map(\.id).joined(separator: ", ")
          reader.error("lexicon.unknown-service", at: item, "service '\(id)' is not in the price table; listed: \(known)")
          continue
        }
        services.append(service)
      }
      guard services.count == items.count, !services.isEmpty else {
        if items.isEmpty { reader.error("lexicon.schema", at: listNode, "price services must list at least one service id") }
        return nil
      }
    }
    var thresholds = table.thresholds
    if let value = entries["below"]?.value, let below = reader.number(value, "price below") {
      if below > 0, below < 1 { thresholds.below = below } else {
        reader.error("lexicon.schema", at: value, "price below must lie strictly between 0 and 1")
      }
    }
    if let value = entries["above"]?.value, let above = reader.number(value, "price above") {
      if above > 1 { thresholds.above = above } else { reader.error("lexicon.schema", at: value, "price above must be greater than 1") }
    }
    let near = entries["near"].flatMap { reader.integer($0.value, "price near") }.map { max(0, $0) } ?? 30
    let within = entries["within"].flatMap { reader.integer($0.value, "price within") }.map { max(0, $0) } ?? 0
    let except = entries["except"].map { readPriceExcept($0.value) } ?? []
    return PriceCheck(services: services, thresholds: thresholds, near: near, within: within, rates: table.rates, except: except)
  }

  /// `except: [$set, 定金, …]`: terms and term sets, flattened into normalised terms.
  private mutating func readPriceExcept(_ node: Node) -> [String] {
    guard let items = reader.sequence(node, "price except") else { return [] }
    var terms: [String] = []
    for item in items {
      guard let text = reader.nonEmptyString(item, "a price except term") else { continue }
      guard Self.isReference(text) else {
        if let term = readTerm(item, context: "price except") { terms.append(term) }
        continue
      }
      terms += phraseItem(item, text: text, context: "price except") ?? []
    }
    var seen = Set<String>()
    return terms.filter { seen.insert($0).inserted }
  }

  /// A `sequence` match or an operator tree.
  private mutating func readSequenceOrExpression(_ node: Node) -> MatchExpression? {
    guard let mapping = node.mapping, mapping["sequence"] != nil else { return readExpression(node) }
    guard let outer = reader.entries(of: node, in: "match", allowed: ["sequence"]),
      let body = outer["sequence"]?.value,
      let entries = reader.entries(of: body, in: "sequence", allowed: ["first", "then", "within"], required: ["first", "then"])
    else { return nil }
    readingSequence = true
    let first = entries["first"].flatMap { readExpression($0.value) }
    let then = entries["then"].flatMap { readExpression($0.value) }
    readingSequence = false
    var window = SequenceWindow()
    if let withinNode = entries["within"]?.value,
      let within = reader.entries(of: withinNode, in: "sequence within", allowed: ["messages", "minutes", "hours", "days"])
    {
      window.messages = within["messages"].flatMap { reader.integer($0.value, "within messages") }
      let factors = [("minutes", 60), ("hours", 3600), ("days", 86_400)]
      for (key, factor) in factors {
        if let value = within[key].flatMap({ reader.integer($0.value, "within \(key)") }) {
          window.seconds = min(window.seconds ?? Int64.max, Int64(value) * Int64(factor))
        }
      }
    }
    guard let first, let then else { return nil }
    return .sequence(first: first, then: then, window: window)
  }

  /// An operator tree: a term, a `$set`, or a mapping with one of `any`, `all` (+ `near`),
  /// `at_least` (+ `near`), `money`, `re`, `count` or, for an item of `any` / `all` /
  /// `at_least` (`asItem`), `not`.
  private mutating func readExpression(_ node: Node, asItem: Bool = false) -> MatchExpression? {
    if node.scalar != nil {
      guard let text = reader.nonEmptyString(node, "a term") else { return nil }
      if Self.isReference(text) {
        let name = String(text.dropFirst())
        guard let terms = termSets[name] else {
          let known = termSets.keys.sorted().map { "$" + $0 }.joined(separator: ", ")
          reader.error("lexicon.unknown-term-ref", at: node, "unknown term set '\(text)'; defined: \(known.isEmpty ? "none" : known)")
          return nil
        }
        usedSets.insert(name)
        return .termSet(name: name, terms: terms)
      }
      return readTerm(node, context: "a match").map { .term($0) }
    }
    let operatorKeys = ["any", "all", "at_least", "money", "re", "count", "not"]
    guard let entries = reader.entries(of: node, in: "an operator", allowed: operatorKeys + ["near"]) else { return nil }
    let operators = operatorKeys.filter { entries[$0] != nil }
    guard operators.count == 1, let name = operators.first, let body = entries[name]?.value else {
      reader.error("lexicon.schema", at: node, "an operator mapping needs exactly one of \(operatorKeys.joined(separator: " / "))")
      return nil
    }
    if let near = entries["near"], name != "all", name != "at_least" {
      reader.error("lexicon.schema", at: near.key, "near is allowed only beside all or at_least")
    }
    switch name {
    case "not": return readNot(body, at: node, asItem: asItem)
    case "money": return readMoney(body).map { .money($0) }
    case "re": return readRegex(body).map { .regex($0) }
    case "count": return readCount(body)
    case "at_least": return readAtLeast(body, near: entries["near"].flatMap { readNear($0.value) })
    default: break
    }
    guard let children = readItems(body, name) else { return nil }
    if name == "any" { return .any(children) }
    let near = entries["near"].flatMap { readNear($0.value) }
    return .all(children, near: near)
  }

  /// A non-empty list of expressions, or nil (with diagnostics) when any item is wrong.
  private mutating func readItems(_ node: Node, _ name: String) -> [MatchExpression]? {
    guard let items = reader.sequence(node, name) else { return nil }
    if items.isEmpty { reader.error("lexicon.schema", at: node, "\(name) must list at least one item") }
    let children = items.compactMap { readExpression($0, asItem: true) }
    guard children.count == items.count, !children.isEmpty else { return nil }
    return children
  }

  /// `not: <expression>`, allowed only as an item of `any`, `all` or `at_least` outside a
  /// `sequence`; its expression may not be a `not` itself.
  private mutating func readNot(_ body: Node, at node: Node, asItem: Bool) -> MatchExpression? {
    guard asItem, !readingSequence else {
      let place =
        readingSequence
        ? "not inside a sequence" : "only as an item of any, all or at_least (a rule is found by something present)"
      reader.error("lexicon.schema", at: node, "rule '\(ruleID)': not is allowed \(place)")
      return nil
    }
    if let scalar = body.scalar, scalar.string.trimmingCharacters(in: .whitespaces).isEmpty || body.tag == Tag(.null) {
      reader.error("lexicon.schema", at: node, "rule '\(ruleID)': not needs an expression (not: <term, $set or operator>)")
      return nil
    }
    return readExpression(body).map { .not($0) }
  }

  private mutating func readAtLeast(_ node: Node, near: NearConstraint?) -> MatchExpression? {
    guard let entries = reader.entries(of: node, in: "at_least", allowed: ["n", "of"], required: ["n", "of"]),
      let countNode = entries["n"]?.value, let count = reader.integer(countNode, "at_least n"),
      let items = entries["of"].flatMap({ readItems($0.value, "at_least of") })
    else { return nil }
    guard (1...items.count).contains(count) else {
      reader.error("lexicon.schema", at: countNode, "at_least n must be between 1 and the number of items (\(items.count))")
      return nil
    }
    return .atLeast(count, items, near: near)
  }

  private mutating func readCount(_ node: Node) -> MatchExpression? {
    guard let entries = reader.entries(of: node, in: "count", allowed: ["of", "min"], required: ["of", "min"]),
      let minNode = entries["min"]?.value, let minimum = reader.integer(minNode, "count min"),
      let inner = entries["of"].flatMap({ readExpression($0.value) })
    else { return nil }
    guard minimum >= 1 else {
      reader.error("lexicon.schema", at: minNode, "count min must be at least 1")
      return nil
    }
    return .count(inner, min: minimum)
  }

  private mutating func readRegex(_ node: Node) -> String? {
    guard let source = reader.nonEmptyString(node, "re") else { return nil }
    do {
      _ = try NSRegularExpression(pattern: source)
    } catch {
      reader.error("lexicon.schema", at: node, "re '\(source)' is not a valid regular expression")
      return nil
    }
    return source
  }

  private mutating func readMoney(_ node: Node) -> MoneyConstraint? {
    let keys = ["min", "max", "approximate", "unitless", "currency"]
    guard let entries = reader.entries(of: node, in: "money", allowed: keys) else { return nil }
    var constraint = MoneyConstraint()
    constraint.minFen = entries["min"].flatMap { reader.fen($0.value, "money min") }
    constraint.maxFen = entries["max"].flatMap { reader.fen($0.value, "money max") }
    if let minFen = constraint.minFen, let maxFen = constraint.maxFen, minFen > maxFen, let at = entries["min"]?.value {
      reader.error("lexicon.money-range", at: at, "money min is greater than max")
    }
    if let value = entries["approximate"]?.value, let text = reader.string(value, "money approximate") {
      if text != "allow" && text != "deny" { reader.error("lexicon.schema", at: value, "money approximate must be allow or deny") }
      constraint.allowApproximate = text != "deny"
    }
    if let value = entries["unitless"]?.value, let text = reader.string(value, "money unitless") {
      if text != "allow" && text != "deny" { reader.error("lexicon.schema", at: value, "money unitless must be allow or deny") }
      constraint.allowUnitless = text == "allow"
    }
    if let value = entries["currency"]?.value {
      constraint.currency = reader.choice(value, "money currency", MoneyAmount.Currency.self)
    }
    return constraint
  }

  private mutating func readNear(_ node: Node) -> NearConstraint? {
    if node.scalar != nil {
      guard let within = reader.integer(node, "near"), within >= 0 else { return nil }
      return NearConstraint(within: within)
    }
    guard let entries = reader.entries(of: node, in: "near", allowed: ["within", "ordered"], required: ["within"]),
      let within = entries["within"].flatMap({ reader.integer($0.value, "near within") })
    else { return nil }
    let ordered = entries["ordered"].flatMap { reader.boolean($0.value, "near ordered") } ?? false
    return NearConstraint(within: max(0, within), ordered: ordered)
  }

  private mutating func readExamples(_ node: Node) -> [RuleExample] {
    let kinds: [RuleExample.Kind] = [.hit, .ok, .todoHit, .todoOK]
    guard let entries = reader.entries(of: node, in: "examples", allowed: kinds.map(\.rawValue)) else { return [] }
    var examples: [RuleExample] = []
    for kind in kinds {
      guard let list = entries[kind.rawValue], let items = reader.sequence(list.value, "examples \(kind.rawValue)")
      else { continue }
      for item in items {
        if let example = readExample(item, kind: kind) { examples.append(example) }
      }
    }
    return examples
  }

  private mutating func readExample(_ node: Node, kind: RuleExample.Kind) -> RuleExample? {
    if node.scalar != nil {
      return reader.nonEmptyString(node, "an example").map {
        RuleExample(kind: kind, form: .text, source: $0, origin: reader.origin(of: node))
      }
    }
    guard let entries = reader.entries(of: node, in: "an example", allowed: ["text", "chat", "expect"]) else { return nil }
    let forms: [RuleExample.Form] = [.text, .chat].filter { entries[$0.rawValue] != nil }
    guard forms.count == 1, let form = forms.first, let body = entries[form.rawValue]?.value else {
      reader.error("lexicon.schema", at: node, "an example needs exactly one of text / chat")
      return nil
    }
    guard let source = reader.nonEmptyString(body, "an example \(form.rawValue)") else { return nil }
    var negation: String?
    var amount: Int64?
    if let expect = entries["expect"]?.value,
      let expectEntries = reader.entries(of: expect, in: "expect", allowed: ["negation", "amount"])
    {
      if let negationNode = expectEntries["negation"]?.value {
        negation = reader.string(negationNode, "expect negation")
        if let value = negation, !NegationVerdict.kindNames.contains(value) {
          reader.error(
            "lexicon.schema", at: negationNode,
            "expect negation '\(value)' is not one of \(NegationVerdict.kindNames.joined(separator: " | "))")
        }
      }
      if let amountNode = expectEntries["amount"]?.value {
        amount = reader.fen(amountNode, "expect amount")
      }
    }
    return RuleExample(
      kind: kind, form: form, source: source, expectedNegation: negation, expectedAmountFen: amount,
      origin: reader.origin(of: body))
  }
}
