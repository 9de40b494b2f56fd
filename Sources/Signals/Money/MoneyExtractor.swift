/// Finds amounts of money in Chinese text (design §6 "Amounts", style-anchors C.6).
///
/// Reads Arabic digits (with thousands separators and decimals, full width after
/// normalisation), Chinese and 大写 numerals parsed positionally (一万二千, 壹万贰仟, interior 零),
/// colloquial forms (一万二, 三千五, 1万2, 3块5), magnitudes 十/百/千/万/亿/k/w, ranges
/// (3000-5000元, 三到五千, 3-5万), open bounds (不少于5000元, 5000元以上, 不超过五千),
/// hedges (左右, 大概, 五千多 → 5000…5999) and currencies (元/块/¥/RMB/人民币 → CNY,
/// U/USDT → USDT, 美元/美金/USD/$ → USD). Amounts are integers in fen.
public enum MoneyExtractor {
  /// Every amount in `text`, with offsets in Unicode scalars of `text`.
  public static func extract(from text: String) -> [MoneyAmount] {
    let normalized = TextNormalizer.normalize(text)
    let original = Array(text.unicodeScalars)
    return amounts(in: Array(normalized.string.unicodeScalars)).map { amount in
      let range = normalized.originalRange(start: amount.start, end: amount.end)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: original[range])
      var mapped = amount
      mapped.start = range.lowerBound
      mapped.end = range.upperBound
      mapped.text = String(view)
      return mapped
    }
  }

  /// Literals at least one of which occurs in every amount that has a currency or a magnitude
  /// written (so the `money` operator needs candidates only where one occurs).
  static let unitAtoms: [String] =
    MoneyParser.currencyPrefixes.map(\.0) + MoneyParser.currencySuffixes.map(\.0)
    + ["百", "佰", "千", "仟", "万", "亿", "k", "w"]

  /// Every amount in already normalised scalars; offsets and text refer to those scalars.
  static func amounts(in scalars: [Unicode.Scalar]) -> [MoneyAmount] {
    let parser = MoneyParser(scalars)
    var result: [MoneyAmount] = []
    let starts = MoneyParser.startValues
    var index = 0
    while index < scalars.count {
      guard MoneyParser.canStart(scalars[index], values: starts) else {
        index += 1
        continue
      }
      if let (amount, end) = parser.amount(at: index) {
        result.append(amount)
        index = end
      } else {
        index = parser.skipToken(at: index)
      }
    }
    return result
  }
}

/// The scanner behind `MoneyExtractor`, over normalised scalars.
private struct MoneyParser {
  let s: [Unicode.Scalar]

  init(_ scalars: [Unicode.Scalar]) { s = scalars }

  struct Number {
    var value: ExactYuan
    var end: Int
    /// The value of one step in the smallest place written (五千 → 1000), for 多 / 几.
    var place: ExactYuan
    var hasMagnitude: Bool
    var hasUnitCharacter: Bool
    var isArabic: Bool
    /// How much the high end of a rough figure lies above `value`: two neighbouring digits
    /// (三四千 = 3000…4000, 十二三万 = 120000…130000, 三五千 = 3000…5000); 0 for one figure.
    var spread = ExactYuan.zero
    /// Whether a second figure of the same magnitude follows at once (十万 in 十万八万).
    var isFollowedByAlternative = false
  }

  static let chineseDigits: ScalarValues = [
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
  ]
  static let smallUnits: ScalarValues = ["十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000]
  static let bigUnits: ScalarValues = ["万": 10_000, "亿": 100_000_000]

  static let lowBoundPrefixes = ["不少于", "不低于", "至少", "最少", "起码", "超过", "高于", "多于", "大于"]
  static let highBoundPrefixes = ["不超过", "不高于", "最多", "至多", "不到", "低于", "少于", "小于"]
  static let approximatePrefixes = ["差不多", "大概", "大约", "将近", "估计", "约", "近"]
  static let currencyPrefixes: [(String, MoneyAmount.Currency)] = [
    ("人民币", .cny), ("rmb", .cny), ("cny", .cny), ("¥", .cny), ("￥", .cny), ("usdt", .usdt), ("usd", .usd),
    ("$", .usd),
  ]
  static let currencySuffixes: [(String, MoneyAmount.Currency)] = [
    ("人民币", .cny), ("块钱", .cny), ("块", .cny), ("元", .cny), ("圆", .cny), ("rmb", .cny), ("cny", .cny),
    ("美金", .usd), ("美元", .usd), ("usdt", .usdt), ("usd", .usd), ("刀", .usd), ("个u", .usdt), ("u", .usdt),
  ]
  static let rangeSeparators = ["-", "~", "〜", "—", "–", "至", "到"]

  // The word lists as scalars, for `wordLength(at:in:)` and `currencyWord(at:in:)`.
  private static let lowBoundWords = ScalarWords(lowBoundPrefixes)
  private static let highBoundWords = ScalarWords(highBoundPrefixes)
  private static let approximateWords = ScalarWords(approximatePrefixes)
  private static let rangeSeparatorWords = ScalarWords(rangeSeparators)
  private static let hedgeWords = ScalarWords(["多", "余", "几"])
  private static let roughlyWords = ScalarWords(["来"])
  private static let wholeWords = ScalarWords(["整"])
  private static let aroundWords = ScalarWords(["左右", "上下"])
  private static let aboveWords = ScalarWords(["以上", "起"])
  private static let belowWords = ScalarWords(["以下", "以内", "之内"])
  private static let currencyPrefixWords = currencyPrefixes.map { (word: Array($0.0.unicodeScalars), currency: $0.1) }
  private static let currencySuffixWords = currencySuffixes.map { (word: Array($0.0.unicodeScalars), currency: $0.1) }

  /// Every scalar an amount can start with (digits, numerals, and the first scalar of each
  /// prefix), as ascending scalar values: every scalar of a unit is looked up, and a binary
  /// search over these few costs less than hashing it.
  static let startValues: [UInt32] = {
    var result = Set<Unicode.Scalar>((0x30...0x39).compactMap(Unicode.Scalar.init))
    result.formUnion(chineseDigits.keys)
    result.formUnion(["十", "拾"])
    let prefixes = lowBoundPrefixes + highBoundPrefixes + approximatePrefixes + currencyPrefixes.map(\.0)
    result.formUnion(prefixes.compactMap(\.unicodeScalars.first))
    return result.map(\.value).sorted()
  }()

  /// Whether an amount can start with `scalar`; `values` is `startValues`.
  static func canStart(_ scalar: Unicode.Scalar, values: [UInt32]) -> Bool {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < scalar.value { low = middle + 1 } else { high = middle }
    }
    return low < values.count && values[low] == scalar.value
  }

  // MARK: Amount

  func amount(at start: Int) -> (MoneyAmount, Int)? {
    var index = start
    var approximate = false
    var openLow = false
    var openHigh = false
    var currency: MoneyAmount.Currency?
    while true {
      if let length = wordLength(at: index, in: Self.lowBoundWords) {
        openLow = true
        index += length
      } else if let length = wordLength(at: index, in: Self.highBoundWords) {
        openHigh = true
        index += length
      } else if let length = wordLength(at: index, in: Self.approximateWords) {
        approximate = true
        index += length
      } else {
        break
      }
    }
    if let (length, found) = currencyWord(at: index, in: Self.currencyPrefixWords) {
      currency = found
      index = skipSpaces(index + length)
    }
    if index == start, index > 0, index < s.count, isASCIIDigit(s[index]), isWordCharacter(s[index - 1]) {
      return nil
    }
    guard var first = number(at: index) else { return nil }
    index = first.end
    var second: Number?
    var rangeStart = skipSpaces(index)
    var firstCurrency: MoneyAmount.Currency?
    if let (length, found) = currencyWord(at: rangeStart, in: Self.currencySuffixWords) {
      firstCurrency = found
      rangeStart = skipSpaces(rangeStart + length)
    }
    if let separator = wordLength(at: rangeStart, in: Self.rangeSeparatorWords),
      var next = number(at: skipSpaces(rangeStart + separator))
    {
      if !first.hasMagnitude, next.hasMagnitude, next.place > .one, first.value * next.place.wholeYuan <= next.value {
        first.value *= next.place.wholeYuan
        first.hasMagnitude = true
      }
      if first.value <= next.value {
        next.hasMagnitude = next.hasMagnitude || first.hasMagnitude
        second = next
        index = next.end
        currency = currency ?? firstCurrency
      }
    }
    if second == nil, first.isFollowedByAlternative, let next = chinese(at: index, afterNumber: true), next.hasMagnitude {
      // 十万八万, 三万五万: one figure or the other, read as the rough range between them.
      let (low, high) = next.value < first.value ? (next, first) : (first, next)
      first = low
      second = high
      index = next.end
      approximate = true
    }
    let last = second ?? first

    var low = first.value
    var high = last.value + last.spread
    var hedgedMagnitude = false
    if first.spread > .zero || last.spread > .zero { approximate = true }
    if let length = wordLength(at: index, in: Self.hedgeWords) {
      approximate = true
      index += length
      var multiplier = 1
      if let (found, end) = magnitude(at: index), !last.hasMagnitude || ExactYuan(found) > last.place {
        multiplier = found
        index = end
        hedgedMagnitude = true
      }
      low *= multiplier
      high =
        last.place > .one || multiplier > 1
        ? (last.value + last.spread + last.place) * multiplier - .one : last.value + last.spread
    } else if let length = wordLength(at: index, in: Self.roughlyWords) {
      // 五千来块 (about 5000), 十来万 (about 100000): the magnitude may follow 来.
      approximate = true
      index += length
      if let (found, end) = magnitude(at: index), !last.hasMagnitude || ExactYuan(found) > last.place {
        low *= found
        high *= found
        index = end
        hedgedMagnitude = true
      }
    }
    let beforeCurrency = skipSpaces(index)
    if let (length, found) = currencyWord(at: beforeCurrency, in: Self.currencySuffixWords) {
      currency = currency ?? found
      index = beforeCurrency + length
      if found == .cny, let (cents, end) = subunits(at: index) {
        low += cents
        high += cents
        index = end
      }
      if wordLength(at: index, in: Self.wholeWords) != nil { index += 1 }
    }
    if let length = wordLength(at: index, in: Self.aroundWords) {
      approximate = true
      index += length
    } else if let length = wordLength(at: index, in: Self.aboveWords) {
      openLow = true
      index += length
    } else if let length = wordLength(at: index, in: Self.belowWords) {
      openHigh = true
      index += length
    }

    if !first.isArabic, !first.hasUnitCharacter, !last.hasUnitCharacter, currency == nil { return nil }
    guard let lowFen = low.fen, let highFen = high.fen else { return nil }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: s[start..<index])
    let amount = MoneyAmount(
      low: openHigh && !openLow ? nil : lowFen, high: openLow && !openHigh ? nil : highFen,
      approximate: approximate, currency: currency, hasMagnitude: first.hasMagnitude || last.hasMagnitude || hedgedMagnitude,
      start: start, end: index, text: String(text))
    return (amount, index)
  }

  /// After 元/块: `5毛`, `5角`, `5角2分`, or a lone digit (`3块5` = 3.5元), in yuan.
  private func subunits(at index: Int) -> (ExactYuan, Int)? {
    guard index < s.count, let digit = digitValue(s[index]) else { return nil }
    let next = index + 1
    if next < s.count, s[next] == "毛" || s[next] == "角" {
      var value = ExactYuan(digit, tenthsPower: 1)
      var end = next + 1
      if end + 1 < s.count, let cents = digitValue(s[end]), s[end + 1] == "分" {
        value += ExactYuan(cents, tenthsPower: 2)
        end += 2
      }
      return (value, end)
    }
    if next < s.count, isNumberCharacter(s[next]) || isIdeograph(s[next]) || isLatinLetter(s[next]) { return nil }
    return (ExactYuan(digit, tenthsPower: 1), next)
  }

  // MARK: Numbers

  func number(at index: Int) -> Number? {
    guard index < s.count else { return nil }
    if isASCIIDigit(s[index]) { return arabic(at: index) }
    return chinese(at: index)
  }

  private func arabic(at start: Int) -> Number? {
    var index = start
    var value = ExactYuan.zero
    // The whole part's digits from the last non-zero one: the trailing zeros set `place`.
    var trailingZeros = 0
    while index < s.count {
      if isASCIIDigit(s[index]) {
        let digit = Int(s[index].value - 48)
        value = value.appendingDigit(digit)
        trailingZeros = digit == 0 ? trailingZeros + 1 : 0
        index += 1
      } else if s[index] == ",", index > start, (1...3).allSatisfy({ index + $0 < s.count && isASCIIDigit(s[index + $0]) }),
        index + 4 >= s.count || !isASCIIDigit(s[index + 4])
      {
        index += 1
      } else {
        break
      }
    }
    var decimals = 0
    if index + 1 < s.count, s[index] == ".", isASCIIDigit(s[index + 1]) {
      index += 1
      while index < s.count, isASCIIDigit(s[index]) {
        decimals += 1
        value = value.addingDecimalDigit(Int(s[index].value - 48), place: decimals)
        index += 1
      }
    }
    var place = ExactYuan.one
    if decimals > 0 {
      for _ in 0..<decimals { place = place.tenth }
    } else {
      for _ in 0..<trailingZeros {
        guard place < value else { break }
        place *= 10
      }
    }
    var hasMagnitude = false
    if let (multiplier, end) = magnitude(at: index) {
      value *= multiplier
      place *= multiplier
      hasMagnitude = true
      index = end
      if multiplier >= 10_000, index < s.count, isASCIIDigit(s[index]) {
        var tailEnd = index
        var tail = 0
        while tailEnd < s.count, isASCIIDigit(s[tailEnd]), tail < 10_000 {
          tail = tail * 10 + (digitValue(s[tailEnd]) ?? 0)
          tailEnd += 1
        }
        if tailEnd < s.count, let unit = Self.smallUnits[s[tailEnd]] {
          value += ExactYuan(tail * unit)
          place = ExactYuan(unit)
          index = tailEnd + 1
        } else if tailEnd == index + 1, tailEnd >= s.count || !isNumberCharacter(s[tailEnd]) {
          value += ExactYuan(tail * multiplier / 10)
          place = ExactYuan(multiplier / 10)
          index = tailEnd
        }
      }
    }
    return Number(
      value: value, end: index, place: place, hasMagnitude: hasMagnitude, hasUnitCharacter: hasMagnitude,
      isArabic: true)
  }

  /// 百/千/万/亿 (combinable: 千万, 百万), k, w.
  private func magnitude(at start: Int) -> (Int, Int)? {
    guard start < s.count else { return nil }
    if s[start] == "k" || s[start] == "w" {
      if start + 1 < s.count, isLatinLetter(s[start + 1]) { return nil }
      return (s[start] == "k" ? 1000 : 10_000, start + 1)
    }
    var index = start
    var multiplier = 1
    if let unit = Self.smallUnits[s[index]], unit > 10 {
      multiplier = unit
      index += 1
    }
    if index < s.count, let unit = Self.bigUnits[s[index]] {
      multiplier *= unit
      index += 1
    }
    return index == start ? nil : (multiplier, index)
  }

  /// A Chinese numeral at `start`; not inside another unless `afterNumber` (the second figure
  /// of 十万八万).
  private func chinese(at start: Int, afterNumber: Bool = false) -> Number? {
    guard Self.chineseDigits[s[start]] != nil || Self.smallUnits[s[start]] == 10 else { return nil }
    if start > 0, isNumberCharacter(s[start - 1]), !afterNumber { return nil }
    var index = start
    var total = ExactYuan.zero
    var section = 0
    var digit = 0
    var pendingDigit = false
    var afterZero = false
    var lastUnit = 0
    var smallestUnit = 0
    var hasMagnitude = false
    var hasUnit = false
    // A rough figure's second digit (三四千: 4 after 3), until a unit places it; then the spread
    // it gives the section, and the whole number.
    var highDigit: Int?
    var sectionSpread = 0
    var totalSpread = ExactYuan.zero
    var hadSpread = false
    var digitStart = start
    var closedTenThousands = false
    var followedByAlternative = false
    while index < s.count {
      let scalar = s[index]
      if let value = Self.chineseDigits[scalar] {
        if pendingDigit {
          guard !hadSpread, highDigit == nil, Self.isRoughPair(digit, value) else { break }
          highDigit = value
          hadSpread = true
        } else if value == 0 {
          afterZero = true
        } else {
          digit = value
          pendingDigit = true
          digitStart = index
        }
      } else if let unit = Self.smallUnits[scalar] {
        guard unit < lastUnit || lastUnit == 0 || lastUnit >= 10_000 else { break }
        section += (pendingDigit ? digit : 1) * unit
        if let highDigit { sectionSpread = (highDigit - digit) * unit }
        highDigit = nil
        digit = 0
        pendingDigit = false
        afterZero = false
        lastUnit = unit
        smallestUnit = unit
        hasUnit = true
        if unit >= 100 { hasMagnitude = true }
      } else if let unit = Self.bigUnits[scalar] {
        guard pendingDigit || section > 0 || total > .zero else { break }
        if unit == 10_000, closedTenThousands {
          // 十万八万 is two amounts (十万 or 八万), not 180000: the second starts at its digit.
          if pendingDigit, section == 0 {
            index = digitStart
            pendingDigit = false
            highDigit = nil
            followedByAlternative = true
          }
          break
        }
        let sectionValue = section + (pendingDigit ? digit : 0)
        if let highDigit { sectionSpread = highDigit - digit }
        if unit == 100_000_000 {
          total = (total + ExactYuan(sectionValue)) * unit
          totalSpread = (totalSpread + ExactYuan(sectionSpread)) * unit
          closedTenThousands = false
        } else {
          total += ExactYuan(sectionValue) * unit
          totalSpread += ExactYuan(sectionSpread) * unit
          closedTenThousands = true
        }
        section = 0
        sectionSpread = 0
        highDigit = nil
        digit = 0
        pendingDigit = false
        afterZero = false
        lastUnit = unit
        smallestUnit = unit
        hasUnit = true
        hasMagnitude = true
      } else {
        break
      }
      index += 1
    }
    guard index > start else { return nil }
    var value = total + ExactYuan(section)
    var spread = totalSpread + ExactYuan(sectionSpread)
    var place = ExactYuan(max(smallestUnit, 1))
    if pendingDigit {
      let digitSpread = highDigit.map { $0 - digit } ?? 0
      if lastUnit >= 100, !afterZero {
        value += ExactYuan(digit * lastUnit / 10)
        spread += ExactYuan(digitSpread * lastUnit / 10)
        place = ExactYuan(lastUnit / 10)
      } else {
        value += ExactYuan(digit)
        spread += ExactYuan(digitSpread)
        place = .one
      }
    }
    // 十二w, 三k: a Latin magnitude after a Chinese numeral without one.
    if !hasMagnitude, index < s.count, s[index] == "w" || s[index] == "k",
      index + 1 >= s.count || !isLatinLetter(s[index + 1])
    {
      let multiplier = s[index] == "k" ? 1000 : 10_000
      value *= multiplier
      spread *= multiplier
      place *= multiplier
      hasMagnitude = true
      hasUnit = true
      index += 1
    }
    var number = Number(
      value: value, end: index, place: place, hasMagnitude: hasMagnitude, hasUnitCharacter: hasUnit,
      isArabic: false)
    number.spread = spread
    number.isFollowedByAlternative = followedByAlternative
    return number
  }

  /// Whether two digits written one after the other make a rough figure: neighbours (三四,
  /// 七八, 一两) or 三五.
  private static func isRoughPair(_ first: Int, _ second: Int) -> Bool {
    second == first + 1 || (first == 3 && second == 5)
  }

  // MARK: Helpers

  /// The index after the token at `index` when no amount starts there (a whole digit run or
  /// Latin word is skipped so that no amount starts inside it).
  func skipToken(at index: Int) -> Int {
    var end = index + 1
    if isWordCharacter(s[index]) {
      while end < s.count, isWordCharacter(s[end]) { end += 1 }
    }
    return end
  }

  /// The length of the longest of `list` written at `index` (the first of the longest).
  private func wordLength(at index: Int, in list: ScalarWords) -> Int? {
    var longest: Int?
    for word in list.words where matches(word, at: index) {
      if let current = longest, current >= word.count { continue }
      longest = word.count
    }
    return longest
  }

  /// The longest currency word of `table` written at `index` (the first of the longest) with
  /// its currency; a word ending in a Latin letter counts only where no letter follows it (and
  /// one ending in `u` not before 盘).
  private func currencyWord(
    at index: Int, in table: [(word: [Unicode.Scalar], currency: MoneyAmount.Currency)]
  ) -> (length: Int, currency: MoneyAmount.Currency)? {
    var longest: (length: Int, currency: MoneyAmount.Currency)?
    for entry in table where matches(entry.word, at: index) {
      let end = index + entry.word.count
      if let last = entry.word.last, isLatinLetter(last), end < s.count,
        isLatinLetter(s[end]) || (last == "u" && s[end] == "盘")
      {
        continue
      }
      if let current = longest, current.length >= entry.word.count { continue }
      longest = (entry.word.count, entry.currency)
    }
    return longest
  }

  private func matches(_ word: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + word.count <= s.count else { return false }
    for (offset, scalar) in word.enumerated() where s[index + offset] != scalar { return false }
    return true
  }

  private func skipSpaces(_ index: Int) -> Int {
    var position = index
    while position < s.count, s[position] == " " { position += 1 }
    return position
  }

  private func digitValue(_ scalar: Unicode.Scalar) -> Int? {
    if isASCIIDigit(scalar) { return Int(scalar.value - 48) }
    guard let value = Self.chineseDigits[scalar], value > 0 else { return nil }
    return value
  }

  private func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  private func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }

  private func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(scalar.value) }

  private func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    isASCIIDigit(scalar) || isLatinLetter(scalar) || scalar == "_"
  }

  private func isNumberCharacter(_ scalar: Unicode.Scalar) -> Bool {
    isASCIIDigit(scalar) || Self.chineseDigits[scalar] != nil || Self.smallUnits[scalar] != nil
      || Self.bigUnits[scalar] != nil
  }
}
