import Signals

/// One amount counted in the totals: an amount a unit of an active inculpatory finding mentions.
///
/// A unit's amounts are those its text writes with a currency or a magnitude (`三千U`, `五千元`,
/// `两万`; a bare `8500` is not read as money; for a unit too long to be quoted whole, the part
/// its first finding's excerpt shows), the same reading as a rule's `extract: amount` fallback,
/// plus the amount a rule's `money` operator matched (`amountFen`), which gives its
/// currency to the same amount in the text. Each amount of a unit counts once, however many
/// rules fired on it. Values a rule extracts under a name of its own (`price`, `quote`, with
/// their currency beside them) are not read: they may be a unit price or a rate, and the amount
/// they come from is counted from the text instead, in the currency the text writes.
struct AmountEntry: Sendable, Hashable {
  /// The unit's speaker.
  var speaker: String?
  /// Why the unit has no speaker, when it has none.
  var speakerAbsence: SpeakerAbsence?
  /// The speaker's role.
  var role: SpeakerRole
  /// The amount in hundredths of `currency`.
  var fen: Int64
  /// The finding that brought the amount.
  var findingID: String
  /// `CNY`, `USDT`, `USD`, or `AmountTotal.unwritten` when neither the text nor a rule gives one.
  var currency: String = MoneyAmount.Currency.cny.rawValue

  /// The amounts of the active inculpatory findings among `findings` (in report order), each
  /// amount of a unit once, in report order.
  static func entries(of findings: [Finding]) -> [AmountEntry] {
    var unitPositions = [UnitKey: Int](minimumCapacity: findings.count)
    var units: [UnitAmounts] = []
    units.reserveCapacity(findings.count)
    for finding in findings where finding.polarity == .inculpatory && !finding.isSuppressed {
      let key = UnitKey(path: finding.path, page: finding.page ?? 0, unitIndex: finding.unitIndex)
      let position: Int
      if let known = unitPositions[key] {
        position = known
      } else {
        position = units.count
        unitPositions[key] = position
        units.append(UnitAmounts(first: finding))
      }
      units[position].addRuled(finding)
    }
    return units.flatMap { $0.entries() }
  }
}

/// The unit of a finding, as `AmountEntry.entries(of:)` tells units apart: a key of its fields
/// rather than a string written from them for each finding.
private struct UnitKey: Hashable {
  var path: String
  var page: Int
  var unitIndex: Int
}

/// The amounts of one unit: those its text writes, and those rules' `money` operators matched.
private struct UnitAmounts {
  /// The unit's first active inculpatory finding, in report order.
  let first: Finding
  /// The `money` operator amounts of the unit's findings: hundredths, currency, finding id.
  private var ruled: [(fen: Int64, currency: String, findingID: String)] = []

  init(first: Finding) { self.first = first }

  /// Notes the `money` operator amount of `finding`, if it has one.
  mutating func addRuled(_ finding: Finding) {
    guard let raw = finding.values["amountFen"], let fen = Int64(raw) else { return }
    let currency = finding.values["currency"] ?? MoneyAmount.Currency.cny.rawValue
    guard !ruled.contains(where: { $0.fen == fen && $0.currency == currency }) else { return }
    ruled.append((fen, currency, finding.id))
  }

  /// The unit's amounts: each written amount once (with a rule's currency where a rule matched
  /// it without one written), then the rules' amounts the text does not show.
  func entries() -> [AmountEntry] {
    var entries = UnitAmounts.written(in: first.excerpt).map {
      AmountEntry(
        speaker: first.speaker, speakerAbsence: first.speakerAbsence, role: first.speakerRole, fen: $0.fen,
        findingID: first.id, currency: $0.currency)
    }
    var claimed = Set<Int>()
    for amount in ruled {
      let match = entries.indices.first { index in
        !claimed.contains(index) && entries[index].fen == amount.fen
          && (entries[index].currency == amount.currency || entries[index].currency == AmountTotal.unwritten)
      }
      if let match {
        claimed.insert(match)
        entries[match].currency = amount.currency
        entries[match].findingID = amount.findingID
      } else {
        entries.append(
          AmountEntry(
            speaker: first.speaker, speakerAbsence: first.speakerAbsence, role: first.speakerRole, fen: amount.fen,
            findingID: amount.findingID,
            currency: amount.currency))
      }
    }
    return entries
  }

  /// Characters one of which every amount with a currency or a magnitude written holds (after
  /// normalisation, which folds case and width): a cheap test before reading the text.
  private static let moneyCharacters = Set("元块圆¥￥$＄刀美人民币rRcCuUｕＵsS百佰千仟万亿kKwWｋＫｗＷ".unicodeScalars)

  /// `moneyCharacters` of the Basic Multilingual Plane (all of them, as written) as one bit per
  /// scalar: testing a bit is much cheaper than hashing every scalar of the text.
  private static let moneyBits: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    for scalar in moneyCharacters where scalar.value < 0x10000 {
      bits[Int(scalar.value) >> 6] |= 1 << UInt64(scalar.value & 63)
    }
    return bits
  }()

  /// Whether `scalar` is one of `moneyCharacters`.
  private static func isMoneyCharacter(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.value < 0x10000 else { return moneyCharacters.contains(scalar) }
    return moneyBits[Int(scalar.value) >> 6] & (1 << UInt64(scalar.value & 63)) != 0
  }

  /// Words that make a number with a magnitude but no currency a count, an ordinal or a share
  /// rather than money when they follow it (`一百个`, `三千条`, `百分之八`).
  private static let countWords = [
    "个", "条", "人", "名", "位", "张", "套", "次", "天", "号", "台", "部", "家", "份", "只", "件", "户", "年",
    "月", "日", "小时", "分钟", "秒", "岁", "行", "页", "字", "倍", "遍", "分之", "多个", "来个", "余个",
  ]

  /// The amounts `text` writes with a currency or a magnitude: the low end (or the high end of
  /// an open-below amount) in hundredths, and the currency code (`unwritten` when none is). A
  /// number with a magnitude but no currency is left out when a count word follows it or 第
  /// precedes it.
  static func written(in text: String) -> [(fen: Int64, currency: String)] {
    guard text.unicodeScalars.contains(where: isMoneyCharacter) else { return [] }
    let scalars = Array(text.unicodeScalars)
    return MoneyExtractor.extract(from: text).compactMap { amount in
      guard !amount.isUnitless, let fen = amount.low ?? amount.high else { return nil }
      guard let currency = amount.currency else {
        return isCount(amount, in: scalars) ? nil : (fen, AmountTotal.unwritten)
      }
      return (fen, currency.rawValue)
    }
  }

  /// Whether `amount`, written without a currency, is a count or an ordinal in `scalars`.
  private static func isCount(_ amount: MoneyAmount, in scalars: [Unicode.Scalar]) -> Bool {
    if amount.start > 0, amount.start <= scalars.count, scalars[amount.start - 1] == "第" { return true }
    guard amount.end < scalars.count else { return false }
    let after = String(String.UnicodeScalarView(scalars[amount.end..<min(scalars.count, amount.end + 2)]))
    return countWords.contains { after.hasPrefix($0) }
  }
}
