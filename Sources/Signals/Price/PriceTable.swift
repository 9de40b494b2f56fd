/// The market price table (`lexicons/market-prices.yml`): typical CNY ranges per service type
/// for the price-anomaly signal (法释〔2019〕15号第十一条第（三）项, design §6).
///
/// Every range is an estimate with its basis; a price outside a range is a lead for a person,
/// never proof that a price is “明显异常” on its own.
public struct PriceTable: Sendable, Hashable {
  /// The file it was loaded from, as given.
  public var file: String
  /// The service types, in file order.
  public var services: [ServicePrice]
  /// Conversion rates to CNY for other currencies (a currency without a rate is not compared).
  public var rates: [CurrencyRate]
  /// Default thresholds for rules that do not set their own.
  public var thresholds: PriceThresholds

  /// Creates a table.
  public init(file: String, services: [ServicePrice], rates: [CurrencyRate] = [], thresholds: PriceThresholds = PriceThresholds()) {
    self.file = file
    self.services = services
    self.rates = rates
    self.thresholds = thresholds
  }

  /// The service with this id, if listed.
  public func service(_ id: String) -> ServicePrice? { services.first { $0.id == id } }

  /// The rate for `currency`, if the table gives one.
  public func rate(for currency: MoneyAmount.Currency) -> CurrencyRate? { rates.first { $0.currency == currency } }
}

/// One service type with its typical price range.
public struct ServicePrice: Sendable, Hashable {
  /// What one price is for.
  public enum Unit: String, Sendable, Hashable, CaseIterable {
    /// A whole project.
    case project
    /// One month of service.
    case month
    /// One year of service.
    case year
    /// One person-day.
    case day
    /// One item (a message, a unit of goods).
    case item
  }

  /// Stable ascii id, e.g. `exchange`.
  public var id: String
  /// Chinese title shown in the finding.
  public var title: String
  /// Phrases naming the service in evidence, normalised.
  public var terms: [String]
  /// What one price is for.
  public var unit: Unit
  /// Low end of the typical range, in fen.
  public var lowFen: Int64
  /// High end of the typical range, in fen.
  public var highFen: Int64
  /// Why this range (required).
  public var basis: String
  /// Pages read for the range (may be empty: then the basis says it is the author's estimate).
  public var sources: [String]
  /// `low` or `medium`.
  public var confidence: String

  /// Creates a service entry.
  public init(
    id: String, title: String, terms: [String], unit: Unit, lowFen: Int64, highFen: Int64, basis: String,
    sources: [String] = [], confidence: String = "low"
  ) {
    self.id = id
    self.title = title
    self.terms = terms
    self.unit = unit
    self.lowFen = lowFen
    self.highFen = highFen
    self.basis = basis
    self.sources = sources
    self.confidence = confidence
  }
}

/// An explicit conversion rate from another currency to CNY, with its basis.
public struct CurrencyRate: Sendable, Hashable {
  /// The currency converted.
  public var currency: MoneyAmount.Currency
  /// Fen of CNY for one whole unit of the currency (7.2 CNY/USDT → 720).
  public var fenPerUnit: Int64
  /// Why this rate.
  public var basis: String

  /// Creates a rate.
  public init(currency: MoneyAmount.Currency, fenPerUnit: Int64, basis: String) {
    self.currency = currency
    self.fenPerUnit = fenPerUnit
    self.basis = basis
  }
}

/// How far from the range a price must lie to count as anomalous.
public struct PriceThresholds: Sendable, Hashable {
  /// A price below `below × low` is far below.
  public var below: Double
  /// A price above `above × high` is far above.
  public var above: Double

  /// Creates thresholds.
  public init(below: Double = 0.3, above: Double = 3.0) {
    self.below = below
    self.above = above
  }
}
