/// The `price:` match of a rule: an amount linked to a service of the price table, firing when
/// the amount lies far below or far above the service's typical range (法释〔2019〕15号第十一条
/// 第（三）项; the text gives no direction, so both count).
public struct PriceCheck: Sendable, Hashable {
  /// The services compared (from the price table), in the order listed.
  public var services: [ServicePrice]
  /// Thresholds (the rule's own, else the table's).
  public var thresholds: PriceThresholds
  /// Most characters between a service phrase and an amount in the same unit.
  public var near: Int
  /// Most units of the same conversation back to a service named in an earlier unit (0: the
  /// same unit only).
  public var within: Int
  /// Conversion rates to CNY (from the table); other currencies are not compared.
  public var rates: [CurrencyRate]
  /// Words (normalised) that keep an amount from being compared when its own clause holds one
  /// (定金三千, 维护每月八千): the pack's `except`. Unlike `unless`, they do not veto the other
  /// amounts of the unit.
  public var except: [String]

  /// Creates a check.
  public init(
    services: [ServicePrice], thresholds: PriceThresholds, near: Int = 30, within: Int = 0, rates: [CurrencyRate] = [],
    except: [String] = []
  ) {
    self.services = services
    self.thresholds = thresholds
    self.near = near
    self.within = within
    self.rates = rates
    self.except = except
  }

  /// The service a normalised phrase names, if any.
  public func service(named phrase: String) -> ServicePrice? {
    services.first { $0.terms.contains(phrase) }
  }

  /// Every phrase of every service, normalised, without repeats.
  public var terms: [String] {
    var seen = Set<String>()
    return services.flatMap(\.terms).filter { seen.insert($0).inserted }
  }
}
