/// Words around an amount that say what it is: the period of a fee (每月, 一年 …) and whether a
/// bare number with a magnitude (三万五, 一百多万) is a price at all (报价三万五) rather than a
/// count (日活十万, 跑分一百多万). Looked for in the amount's own clause only.
enum PriceWording {
  /// Characters looked at on each side of the amount.
  static let window = 8
  /// Clause breaks the look does not cross (“五千块，一个月上线” states a duration, not a rate).
  static let breakers: [Unicode.Scalar] = [",", ".", ";", "!", "?", "。", "，", "；", "、", "\n"]

  /// Period cue phrases (normalised) for each periodic unit.
  static let periodCues = PriceCueTable(
    [
      (["每月", "每个月", "一个月", "一月", "月付", "包月", "月费", "/月"], ServicePrice.Unit.month),
      (["每年", "一年", "全年", "年付", "包年", "年费", "/年"], .year),
      (["每天", "一天", "每日", "日薪", "/天", "人天", "人日"], .day),
      (["每条", "一条", "/条"], .item),
    ].flatMap { phrases, unit in phrases.map { (phrase: Array($0.unicodeScalars), value: unit) } })

  /// Words that make a number without a currency a price (with no value).
  static let priceCues = PriceCueTable(
    [
      "报价", "价格", "价钱", "价位", "要价", "开价", "出价", "一口价", "友情价", "收费", "费用", "开发费", "搭建费",
      "全包", "整套", "全套", "一整套", "打包", "包上线", "一共", "总共", "合计", "总价", "预算", "多少钱", "报我", "报你", "收你", "收我",
      "给你做", "做下来", "维护费", "月维护",
    ].map { (phrase: Array($0.unicodeScalars), value: ()) })

  /// The periodic unit written near `[start, end)` in its clause, the nearest first.
  static func period(start: Int, end: Int, in scalars: [Unicode.Scalar]) -> ServicePrice.Unit? {
    nearest(periodCues, start: start, end: end, in: scalars)
  }

  /// Whether an amount reads as a price: a currency is written, or a price word stands in its
  /// clause.
  static func isPrice(_ amount: MoneyAmount, start: Int, end: Int, in scalars: [Unicode.Scalar]) -> Bool {
    amount.currency != nil || nearest(priceCues, start: start, end: end, in: scalars) != nil
  }

  /// Characters looked at on each side of an amount for an `except` word, within its clause.
  static let exceptWindow = 16

  /// The first of `words` (normalised) written in the clause of `[start, end)` (at most
  /// `exceptWindow` characters on each side, not past a clause break), if any.
  static func exception(_ words: [[Unicode.Scalar]], start: Int, end: Int, in scalars: [Unicode.Scalar]) -> String? {
    guard !words.isEmpty else { return nil }
    var lower = start
    while lower > max(0, start - exceptWindow), !breakers.contains(scalars[lower - 1]) { lower -= 1 }
    var upper = end
    while upper < min(scalars.count, end + exceptWindow), !breakers.contains(scalars[upper]) { upper += 1 }
    for word in words where !word.isEmpty && word.count <= upper - lower {
      for index in lower...(upper - word.count)
      where scalars[index] == word[0] && scalars[index..<index + word.count].elementsEqual(word) {
        return String(String.UnicodeScalarView(word))
      }
    }
    return nil
  }

  /// Whether an amount with `period` written beside it prices a service sold per `unit`: a
  /// project price has no period; a periodic service needs its own period written.
  static func fits(_ period: ServicePrice.Unit?, _ unit: ServicePrice.Unit) -> Bool {
    unit == .project ? period == nil : period == unit
  }

  /// The value of the cue nearest to `[start, end)` within `window` characters and the clause.
  private static func nearest<Value>(_ cues: PriceCueTable<Value>, start: Int, end: Int, in scalars: [Unicode.Scalar])
    -> Value?
  {
    var lower = start
    while lower > max(0, start - window), !breakers.contains(scalars[lower - 1]) { lower -= 1 }
    var upper = end
    while upper < min(scalars.count, end + window), !breakers.contains(scalars[upper]) { upper += 1 }
    return cues.nearest(to: start, end, within: lower..<upper, in: scalars)
  }
}
