import Testing

@testable import Signals

@Suite struct MoneyExtractorTests {
  /// `low[..high] [CNY|USDT|USD] [~] [bare]`, in yuan; an open end is left empty.
  static func describe(_ amount: MoneyAmount) -> String {
    func yuan(_ fen: Int64?) -> String {
      guard let fen else { return "" }
      if fen % 100 == 0 { return "\(fen / 100)" }
      let cents = fen % 100
      return "\(fen / 100)." + (cents % 10 == 0 ? "\(cents / 10)" : (cents < 10 ? "0\(cents)" : "\(cents)"))
    }
    var text = amount.low == amount.high ? yuan(amount.low) : "\(yuan(amount.low))..\(yuan(amount.high))"
    if let currency = amount.currency { text += " \(currency.rawValue)" }
    if amount.approximate { text += " ~" }
    if amount.isUnitless { text += " bare" }
    return text
  }

  static let table: [(String, [String])] = [
    ("12000元", ["12000 CNY"]),
    ("12,000 元", ["12000 CNY"]),
    ("１２０００元", ["12000 CNY"]),
    ("1,500,000元", ["1500000 CNY"]),
    ("1.2万", ["12000"]),
    ("1.2万元", ["12000 CNY"]),
    ("0.5万", ["5000"]),
    ("3千块", ["3000 CNY"]),
    ("3百万", ["3000000"]),
    ("1.5亿", ["150000000"]),
    ("一万二千元", ["12000 CNY"]),
    ("一万二千块", ["12000 CNY"]),
    ("两万", ["20000"]),
    ("三千五", ["3500"]),
    ("一万二", ["12000"]),
    ("一千五", ["1500"]),
    ("两百五", ["250"]),
    ("一万零五百元", ["10500 CNY"]),
    ("一万零五", ["10005"]),
    ("十万", ["100000"]),
    ("二十块", ["20 CNY"]),
    ("两千万", ["20000000"]),
    ("一亿五千万", ["150000000"]),
    ("1万2", ["12000"]),
    ("1万2千", ["12000"]),
    ("1w", ["10000"]),
    ("1.2w", ["12000"]),
    ("3k", ["3000"]),
    ("3K", ["3000"]),
    ("8500", ["8500 bare"]),
    ("壹万贰仟元整", ["12000 CNY"]),
    ("壹佰元整", ["100 CNY"]),
    ("貳萬圓", ["20000 CNY"]),
    ("人民币壹万元", ["10000 CNY"]),
    ("¥12000", ["12000 CNY"]),
    ("￥12000", ["12000 CNY"]),
    ("RMB 12000", ["12000 CNY"]),
    ("rmb12000", ["12000 CNY"]),
    ("3000-5000元", ["3000..5000 CNY"]),
    ("3000至5000元", ["3000..5000 CNY"]),
    ("3000元-5000元", ["3000..5000 CNY"]),
    ("三到五千", ["3000..5000"]),
    ("3-5万", ["30000..50000"]),
    ("5千~1万", ["5000..10000"]),
    ("不少于5000元", ["5000.. CNY"]),
    ("5000元以上", ["5000.. CNY"]),
    ("至少1万", ["10000.."]),
    ("一百块起", ["100.. CNY"]),
    ("不超过五千", ["..5000"]),
    ("五千以内", ["..5000"]),
    ("最多两万块", ["..20000 CNY"]),
    ("五千左右", ["5000 ~"]),
    ("大概五千", ["5000 ~"]),
    ("约3000元", ["3000 CNY ~"]),
    ("3000元左右", ["3000 CNY ~"]),
    ("五千来块", ["5000 CNY ~"]),
    ("五千多", ["5000..5999 ~"]),
    ("5000多块", ["5000..5999 CNY ~"]),
    ("三十多万", ["300000..399999 ~"]),
    ("一百多万", ["1000000..1999999 ~"]),
    ("三千多万", ["30000000..39999999 ~"]),
    ("十几万", ["100000..199999 ~"]),
    // Colloquial rough figures (corpus/cases/gambling-app: 全套连后台十二万).
    ("全套连后台十二万", ["120000"]),
    ("一十二万", ["120000"]),
    ("十来万", ["100000 ~"]),
    ("二十来万", ["200000 ~"]),
    ("十二三万", ["120000..130000 ~"]),
    ("十一二万", ["110000..120000 ~"]),
    ("二三十万", ["200000..300000 ~"]),
    ("一二十万", ["100000..200000 ~"]),
    ("三四千", ["3000..4000 ~"]),
    ("七八千块", ["7000..8000 CNY ~"]),
    ("一两万", ["10000..20000 ~"]),
    ("两三万U", ["20000..30000 USDT ~"]),
    ("八九百", ["800..900 ~"]),
    ("三五千", ["3000..5000 ~"]),
    ("十万八万", ["80000..100000 ~"]),
    ("三万五万块", ["30000..50000 CNY ~"]),
    ("十万八千", ["108000"]),
    ("十二w", ["120000"]),
    ("三k", ["3000"]),
    ("十二万多", ["120000..129999 ~"]),
    ("一二三四五", []),
    ("三四个人", []),
    ("1000U", ["1000 USDT"]),
    ("500个u", ["500 USDT"]),
    ("2000 USDT", ["2000 USDT"]),
    ("usdt 300", ["300 USDT"]),
    ("200美金", ["200 USD"]),
    ("$50", ["50 USD"]),
    ("3块5", ["3.5 CNY"]),
    ("三块五", ["3.5 CNY"]),
    ("5元2角3分", ["5.23 CNY"]),
    ("两块钱", ["2 CNY"]),
    ("价格是10万", ["100000"]),
    ("先付3000元，尾款5000", ["3000 CNY", "5000 bare"]),
    ("一万二千块，分两次，每次六千", ["12000 CNY", "6000"]),
    ("万一出事怎么办", []),
    ("一起吃饭", []),
    ("千万别说出去", []),
    ("wxid_abc123", []),
    ("TRC20地址", []),
    ("2个U盘", ["2 bare"]),
    ("3kg", ["3 bare"]),
    ("2023-03-02", ["2023 bare", "3 bare", "2 bare"]),
  ]

  @Test(arguments: table.indices)
  func readsTheForm(_ index: Int) {
    let (text, expected) = Self.table[index]
    #expect(MoneyExtractor.extract(from: text).map(Self.describe) == expected, "\(text)")
  }

  @Test func tableHasSixtyRowsOrMore() {
    #expect(Self.table.count >= 60)
  }

  @Test func keepsOffsetsIntoTheOriginalText() throws {
    let amount = try #require(MoneyExtractor.extract(from: "报价\u{200B}：１２０００元整，可以吗").first)
    #expect(amount.text == "１２０００元整")
    #expect((amount.start, amount.end) == (4, 11))
  }

  @Test func constraintOverlapsIntervals() throws {
    let constraint = MoneyConstraint(minFen: 100_000, maxFen: 500_000)
    func admits(_ text: String) throws -> Bool { constraint.admits(try #require(MoneyExtractor.extract(from: text).first)) }
    #expect(try admits("3000元"))
    #expect(try admits("500-2000元"))
    #expect(try admits("4000元以上"))
    #expect(try !admits("800元"))
    #expect(try !admits("6000元"))
    #expect(try !admits("3000"))
    let approximate = try #require(MoneyExtractor.extract(from: "五千左右").first)
    let usdt = try #require(MoneyExtractor.extract(from: "300u").first)
    let yuan = try #require(MoneyExtractor.extract(from: "三千").first)
    #expect(!MoneyConstraint(allowApproximate: false).admits(approximate))
    #expect(!MoneyConstraint(currency: .cny).admits(usdt))
    #expect(MoneyConstraint(currency: .cny).admits(yuan))
  }
}
