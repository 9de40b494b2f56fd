import Foundation

/// Pulls a rule's `extract` values out of the unit a signal sits on.
struct ValueExtractor {
  /// A domain name: labels of letters, digits and dashes, ending in a letters-only label.
  static let domainPattern = #"(?<![a-z0-9.@-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![a-z0-9-])"#
  /// An account handle after an account word (the text is normalised: half-width, lower case).
  static let accountPattern =
    #"(?<![a-z])(?:微信号|微信|vx|v信|qq号|qq|飞机号|飞机|纸飞机|tg|telegram|账号|账户|id)\s*[:：是为]?\s*(@?[a-z0-9][a-z0-9_-]{4,31})"#

  let context: UnitMatchContext

  /// The rule's extracted values, by name; a value not found in the unit is left out. An
  /// amount's currency goes beside it (`ValueExtraction.currencyName(of:)`).
  func values(for rule: CompiledRule, parts: [Occurrence]) -> [String: String] {
    var values: [String: String] = [:]
    for (extraction, regex) in zip(rule.rule.extract, rule.extractionRegexes) {
      let value: String?
      switch extraction.source {
      case .amount:
        let found = amount(parts: parts)
        value = found.flatMap { $0.low ?? $0.high }.map(String.init)
        if let found, value != nil {
          values[ValueExtraction.currencyName(of: extraction.name)] = ValueExtraction.currencyValue(of: found)
        }
      case .domain: value = regex.flatMap { firstMatch($0) }?.lowercased()
      case .account, .regex: value = regex.flatMap { firstMatch($0) }
      }
      if let value, !value.isEmpty { values[extraction.name] = value }
    }
    return values
  }

  /// The regex used for an extraction source, or nil for `amount`.
  static func regex(for source: ValueExtraction.Source) -> CompiledRegex? {
    switch source {
    case .amount: nil
    case .domain: CompiledRegex(source: domainPattern, atoms: nil)
    case .account: CompiledRegex(source: accountPattern, atoms: nil)
    case .regex(let source): CompiledRegex(source: source, atoms: nil)
    }
  }

  /// The first amount among the parts, else the first amount in the unit with a currency or a
  /// magnitude written; its value is its low end (or high end when open below), in fen.
  private func amount(parts: [Occurrence]) -> MoneyAmount? {
    let amounts = context.amounts
    for part in parts {
      if case .money(let index) = part.source, amounts.indices.contains(index) {
        return amounts[index]
      }
    }
    return amounts.first { !$0.isUnitless }
  }

  /// The first match of the regex on the normalised text (its first capture group when it has
  /// one), taken from the original text.
  private func firstMatch(_ regex: CompiledRegex) -> String? {
    guard let expression = regex.expression else { return nil }
    let string = context.normalizedString
    guard let match = expression.firstMatch(in: string, range: NSRange(string.startIndex..<string.endIndex, in: string))
    else { return nil }
    let nsRange = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range
    guard let range = Range(nsRange, in: string) else { return nil }
    let scalars = string.unicodeScalars
    let start = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
    let end = start + scalars.distance(from: range.lowerBound, to: range.upperBound)
    return context.originalSlice(start: start, end: end).text
  }
}
