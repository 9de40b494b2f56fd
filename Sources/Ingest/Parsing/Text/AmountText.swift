/// Reading money amounts written by chat exporters (`￥5000.00`, `¥200,000.00`).
enum AmountText {
  /// The amount in fen (1/100 yuan) of the first number in `text`, or nil when there is none.
  /// Thousands separators are ignored; more than two decimals, or an amount too large for an
  /// `Int` of fen, are refused.
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
          let (tens, overflow) = yuan.multipliedReportingOverflow(by: 10)
          let (next, carry) = tens.addingReportingOverflow(digit)
          guard !overflow, !carry else { return nil }
          yuan = next
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
    let (whole, overflow) = yuan.multipliedReportingOverflow(by: 100)
    let (total, carry) = whole.addingReportingOverflow(cents)
    return overflow || carry ? nil : total
  }
}
