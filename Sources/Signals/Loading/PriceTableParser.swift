import Foundation
import Ingest
import Yams

/// Reads the market price table (`market-prices.yml`, LEXICON.md “Price table”), collecting every
/// problem with `file:line:col`: unknown keys, missing or empty `basis`, `low` above `high`,
/// duplicate ids, unknown units or currencies, thresholds that cannot work.
struct PriceTableParser {
  private var reader: YAMLReader

  private static let topKeys = ["version", "currency", "thresholds", "rates", "services"]
  private static let serviceKeys = ["id", "title", "terms", "unit", "low", "high", "basis", "sources", "confidence"]
  private static let confidences = ["low", "medium", "high"]

  /// Parses `text`, the content of `file`.
  static func parse(file: String, text: String) -> (PriceTable?, [Diagnostic]) {
    var parser = PriceTableParser(reader: YAMLReader(file: file))
    let table = parser.parse(text)
    return (table, parser.reader.diagnostics)
  }

  private init(reader: YAMLReader) { self.reader = reader }

  private mutating func parse(_ text: String) -> PriceTable? {
    guard let root = reader.compose(text),
      let top = reader.entries(of: root, in: "the price table", allowed: Self.topKeys, required: ["version", "currency", "services"])
    else { return nil }
    if let node = top["version"]?.value, let version = reader.integer(node, "version"), version != 1 {
      reader.error("lexicon.version", at: node, "price table version \(version) is not supported (expected 1)")
    }
    if let node = top["currency"]?.value, let currency = reader.string(node, "currency"), currency != "CNY" {
      reader.error("lexicon.schema", at: node, "currency '\(currency)' is not supported: ranges must be in CNY")
    }
    let thresholds = top["thresholds"].map { readThresholds($0.value) } ?? PriceThresholds()
    let rates = top["rates"].flatMap { reader.sequence($0.value, "rates") }?.compactMap { readRate($0) } ?? []
    var services: [ServicePrice] = []
    var seen: [String: Node] = [:]
    for node in top["services"].flatMap({ reader.sequence($0.value, "services") }) ?? [] {
      guard let (service, idNode) = readService(node) else { continue }
      if let first = seen[service.id] {
        reader.error("lexicon.duplicate-id", at: idNode, "service id '\(service.id)' is already defined at line \(first.mark?.line ?? 0)")
        continue
      }
      seen[service.id] = idNode
      services.append(service)
    }
    return PriceTable(file: reader.file, services: services, rates: rates, thresholds: thresholds)
  }

  /// `below` / `above` ratios: below in (0, 1), above greater than 1.
  private mutating func readThresholds(_ node: Node) -> PriceThresholds {
    var thresholds = PriceThresholds()
    guard let entries = reader.entries(of: node, in: "thresholds", allowed: ["below", "above"]) else { return thresholds }
    if let value = entries["below"]?.value, let below = ratio(value, "thresholds below", range: 0...1) {
      thresholds.below = below
    }
    if let value = entries["above"]?.value, let above = ratio(value, "thresholds above", range: 1...1_000) {
      thresholds.above = above
    }
    return thresholds
  }

  /// A ratio strictly inside the given bounds.
  private mutating func ratio(_ node: Node, _ what: String, range: ClosedRange<Double>) -> Double? {
    guard let value = reader.number(node, what) else { return nil }
    guard value > range.lowerBound, value < range.upperBound else {
      reader.error("lexicon.schema", at: node, "\(what) \(value) must lie strictly between \(range.lowerBound) and \(range.upperBound)")
      return nil
    }
    return value
  }

  private mutating func readRate(_ node: Node) -> CurrencyRate? {
    guard let entries = reader.entries(of: node, in: "a rate", allowed: ["currency", "cny", "basis"], required: ["currency", "cny", "basis"]),
      let currencyNode = entries["currency"]?.value,
      let currency = reader.choice(currencyNode, "rate currency", MoneyAmount.Currency.self),
      let fen = entries["cny"].flatMap({ reader.fen($0.value, "rate cny") }),
      let basis = entries["basis"].flatMap({ reader.nonEmptyString($0.value, "rate basis") })
    else { return nil }
    guard currency != .cny, fen > 0 else {
      reader.error("lexicon.schema", at: currencyNode, "a rate converts another currency into CNY at a positive rate")
      return nil
    }
    return CurrencyRate(currency: currency, fenPerUnit: fen, basis: basis)
  }

  private mutating func readService(_ node: Node) -> (ServicePrice, Node)? {
    guard let entries = reader.entries(
      of: node, in: "a service", allowed: Self.serviceKeys, required: ["id", "title", "terms", "unit", "low", "high", "basis"])
    else { return nil }
    let idNode = entries["id"]?.value ?? node
    let id = entries["id"].flatMap { reader.nonEmptyString($0.value, "service id") }
    if let id, id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
      reader.error("lexicon.schema", at: idNode, "service id '\(id)' must be lower-case ascii words joined by dashes")
    }
    let title = entries["title"].flatMap { reader.nonEmptyString($0.value, "service title") }
    let terms = entries["terms"].flatMap { reader.strings($0.value, "service terms") }?
      .map(TextNormalizer.fold).filter { !$0.isEmpty }
    if let terms, terms.isEmpty, let node = entries["terms"]?.value {
      reader.error("lexicon.schema", at: node, "service terms must list at least one phrase")
    }
    let unit = entries["unit"].flatMap { reader.choice($0.value, "service unit", ServicePrice.Unit.self) }
    let low = entries["low"].flatMap { reader.fen($0.value, "service low") }
    let high = entries["high"].flatMap { reader.fen($0.value, "service high") }
    if let low, let high, low > high, let lowNode = entries["low"]?.value {
      reader.error("lexicon.price-range", at: lowNode, "service '\(id ?? "?")': low is greater than high")
    }
    if let low, low == 0, let lowNode = entries["low"]?.value {
      reader.error("lexicon.price-range", at: lowNode, "service '\(id ?? "?")': low must be above zero (ratios are taken of it)")
    }
    let basis = entries["basis"].flatMap { reader.nonEmptyString($0.value, "service basis") }
    let sources = entries["sources"].flatMap { reader.strings($0.value, "service sources") } ?? []
    var confidence = "low"
    if let node = entries["confidence"]?.value, let value = reader.string(node, "confidence") {
      if Self.confidences.contains(value) {
        confidence = value
      } else {
        reader.error("lexicon.schema", at: node, "confidence '\(value)' is not one of \(Self.confidences.joined(separator: " | "))")
      }
    }
    guard let id, let title, let terms, !terms.isEmpty, let unit, let low, let high, low <= high, low > 0, let basis else {
      return nil
    }
    let service = ServicePrice(
      id: id, title: title, terms: terms, unit: unit, lowFen: low, highFen: high, basis: basis, sources: sources,
      confidence: confidence)
    return (service, idNode)
  }
}
