/// The period written next to an amount (每月, 一年, 一天, 每条 …), so that a monthly fee is never
/// compared with a project range, nor a yearly fee with a monthly one.
enum PricePeriod {
  /// Cue phrases (normalised) for each periodic unit.
  static let cues: [(phrase: [Unicode.Scalar], unit: ServicePrice.Unit)] = [
    (["每月", "每个月", "一个月", "一月", "月付", "包月", "月费", "/月"], ServicePrice.Unit.month),
    (["每年", "一年", "全年", "年付", "包年", "年费", "/年"], .year),
    (["每天", "一天", "每日", "日薪", "/天", "人天", "人日"], .day),
    (["每条", "一条", "/条"], .item),
  ].flatMap { phrases, unit in phrases.map { (Array($0.unicodeScalars), unit) } }

  /// Characters looked at on each side of the amount.
  static let window = 6
  /// Clause breaks the look does not cross (“五千块，一个月上线” states a duration, not a rate).
  static let breakers: Set<Unicode.Scalar> = [",", ".", ";", "!", "?", "。", "，", "；", "、", "\n"]

  /// The periodic unit written within `window` characters of `[start, end)` and in the same
  /// clause, the nearest first.
  static func written(start: Int, end: Int, in scalars: [Unicode.Scalar]) -> ServicePrice.Unit? {
    var best: (distance: Int, unit: ServicePrice.Unit)?
    var lower = start
    while lower > max(0, start - window), !breakers.contains(scalars[lower - 1]) { lower -= 1 }
    var upper = end
    while upper < min(scalars.count, end + window), !breakers.contains(scalars[upper]) { upper += 1 }
    for (phrase, unit) in cues {
      var index = lower
      while index + phrase.count <= upper {
        if index + phrase.count <= start || index >= end, Array(scalars[index..<index + phrase.count]) == phrase {
          let distance = index >= end ? index - end : start - (index + phrase.count)
          if best.map({ distance < $0.distance }) ?? true { best = (distance, unit) }
        }
        index += 1
      }
    }
    return best?.unit
  }

  /// Whether an amount with `period` written beside it prices a service sold per `unit`: a
  /// project price has no period; a periodic service needs its own period written.
  static func fits(_ period: ServicePrice.Unit?, _ unit: ServicePrice.Unit) -> Bool {
    unit == .project ? period == nil : period == unit
  }
}
