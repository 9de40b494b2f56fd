import Foundation

/// An amount compared with one service's typical range.
struct PriceComparison: Sendable, Hashable {
  /// Where the price lies.
  enum Verdict: String, Sendable, Hashable {
    case farBelow = "far below"
    case farAbove = "far above"
    case inRange = "within range"
    /// The amount's currency has no rate in the price table, or the amount is open on the side
    /// that would have to be compared.
    case notCompared = "not compared"
  }

  var verdict: Verdict
  var service: ServicePrice
  /// The compared price in CNY fen (converted when the amount is in another currency).
  var priceFen: Int64?
  /// The price over the range's low end (far below) or high end (far above).
  var ratio: Double?
  /// The conversion applied, if any.
  var rate: CurrencyRate?
  /// Why no comparison was made.
  var reason: String?

  /// Compares `amount` with `service`: far below when even its high end is under `below × low`,
  /// far above when even its low end is over `above × high`. Amounts in another currency are
  /// converted only at a rate the price table states; without one they are not compared.
  init(amount: MoneyAmount, service: ServicePrice, thresholds: PriceThresholds, rates: [CurrencyRate]) {
    self.service = service
    let currency = amount.currency ?? .cny
    var factor: (Int64) -> Int64 = { $0 }
    if currency != .cny {
      guard let rate = rates.first(where: { $0.currency == currency }) else {
        verdict = .notCompared
        reason = "\(amount.text) is in \(currency.rawValue), and the price table gives no \(currency.rawValue)→CNY rate: not compared with CNY ranges"
        return
      }
      self.rate = rate
      factor = { Self.convert($0, rate: rate) }
    }
    let low = amount.low.map(factor)
    let high = amount.high.map(factor)
    if let high, Double(high) < thresholds.below * Double(service.lowFen) {
      verdict = .farBelow
      priceFen = high
      ratio = Double(high) / Double(service.lowFen)
    } else if let low, Double(low) > thresholds.above * Double(service.highFen) {
      verdict = .farAbove
      priceFen = low
      ratio = Double(low) / Double(service.highFen)
    } else if let point = low ?? high {
      verdict = .inRange
      priceFen = point
    } else {
      verdict = .notCompared
      reason = "\(amount.text) has no bound to compare"
    }
  }

  /// Whether the price is far outside the range.
  var isAnomalous: Bool { verdict == .farBelow || verdict == .farAbove }

  /// The ratio with two decimals, e.g. `0.02`.
  var ratioText: String? { ratio.map { String(format: "%.2f", $0) } }

  /// `price ¥800 for 交易所 vs typical ¥500,000–5,000,000 (ratio 0.00 of low) · far below`.
  var summary: String {
    let range = "typical \(Self.yuan(service.lowFen))–\(Self.yuan(service.highFen, sign: false))"
    guard let priceFen else { return "price for \(service.title) vs \(range) · \(verdict.rawValue): \(reason ?? "")" }
    var price = "price \(Self.yuan(priceFen))"
    if let rate { price += " (converted at \(Self.yuan(rate.fenPerUnit)) per \(rate.currency.rawValue), price table rate)" }
    let of = verdict == .farAbove ? "high" : "low"
    let ratioPart = ratioText.map { " (ratio \($0) of \(of))" } ?? ""
    return "\(price) for \(service.title) vs \(range)\(ratioPart) · \(verdict.rawValue)"
  }

  /// Signal values: `priceFen`, `service`, `rangeLowFen`, `rangeHighFen`, `ratio`, `priceDirection`,
  /// and `rateFenPerUnit` when converted.
  var values: [String: String] {
    var values = [
      "service": service.id, "rangeLowFen": String(service.lowFen), "rangeHighFen": String(service.highFen),
      "priceDirection": verdict.rawValue,
    ]
    if let priceFen { values["priceFen"] = String(priceFen) }
    if let ratioText { values["ratio"] = ratioText }
    if let rate { values["rateFenPerUnit"] = String(rate.fenPerUnit) }
    return values
  }

  /// Fen of a foreign amount (in that currency's hundredths) converted to CNY fen.
  private static func convert(_ fen: Int64, rate: CurrencyRate) -> Int64 {
    let (product, overflow) = fen.multipliedReportingOverflow(by: rate.fenPerUnit)
    return overflow ? Int64.max : product / 100
  }

  /// `¥50,000` or `¥0.03`.
  static func yuan(_ fen: Int64, sign: Bool = true) -> String {
    let digits = Array(String(fen / 100))
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
      grouped.append(digit)
    }
    if fen % 100 != 0 { grouped += "." + String(format: "%02d", fen % 100) }
    return (sign ? "¥" : "") + grouped
  }
}
