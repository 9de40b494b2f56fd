/// Reading money amounts written by chat exporters (`￥5000.00`, `¥200,000.00`).
enum AmountText {
  /// The amount in fen (1/100 yuan) of the first number in `text`, or nil when there is none.
  /// Thousands separators are ignored; more than two decimals are refused.
  static func fen(_ text: some StringProtocol) -> Int? {
    var yuan = 0
    var cents = 0
    var decimals = -1
    var seenDigit = false
    for character in text.drop(while: { !$0.isASCII || !$0.isNumber }) {
      if let digit = character.wholeNumberValue, character.isASCII {
        seenDigit = true
        if decimals >= 0 {
          decimals += 1
          guard decimals <= 2 else { return nil }
          cents = cents * 10 + digit
        } else {
          let (next, overflow) = yuan.multipliedReportingOverflow(by: 10)
          guard !overflow else { return nil }
          yuan = next + digit
        }
      } else if character == "," && decimals < 0 {
        continue
      } else if character == "." && decimals < 0 {
        decimals = 0
      } else {
        break
      }
    }
    guard seenDigit else { return nil }
    if decimals == 1 { cents *= 10 }
    return yuan * 100 + cents
  }
}
