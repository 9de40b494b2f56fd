/// Chinese numerals as Word writes list numbers (`chineseCounting`: 三, 十一, 二十, 一百零五;
/// `chineseLegalSimplified`: 叁, 壹拾壹).
enum ChineseNumeral {
  /// 零 to 九.
  static let plainDigits = Array("零一二三四五六七八九")
  /// 十, 百, 千.
  static let plainUnits = Array("十百千")
  /// 零 to 玖, the forms used in contracts and amounts.
  static let legalDigits = Array("零壹贰叁肆伍陆柒捌玖")
  /// 拾, 佰, 仟.
  static let legalUnits = Array("拾佰仟")

  /// `number` (1…9999) in Chinese counting form; 10…19 drop the leading 一 in the plain form
  /// (十一), keep it in the legal form (壹拾壹). Other numbers are written in decimal.
  static func counting(_ number: Int, digits: [Character], units: [Character]) -> String {
    guard number >= 1 && number <= 9999 else { return String(number) }
    let places = [number / 1000, number / 100 % 10, number / 10 % 10, number % 10]
    var text = ""
    var pendingZero = false
    for (position, digit) in places.enumerated() {
      let unit = 3 - position
      if digit == 0 {
        if !text.isEmpty { pendingZero = true }
        continue
      }
      if pendingZero { text.append(digits[0]) }
      pendingZero = false
      let dropOne = unit == 1 && digit == 1 && text.isEmpty && digits == plainDigits
      if !dropOne { text.append(digits[digit]) }
      if unit > 0 { text.append(units[unit - 1]) }
    }
    return text
  }
}
