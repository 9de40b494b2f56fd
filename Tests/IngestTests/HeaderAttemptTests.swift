import Testing

@testable import Ingest

/// `HeaderAttempt` tells a damaged record header from body text that merely opens with a number.
@Suite struct HeaderAttemptTests {
  /// Damaged headers as exports and hand edits leave them: a letter for a digit, a lost field,
  /// another date separator, an un-padded field, a lost or doubled space, a full-width colon or
  /// digit (`HeaderAttemptGrammarTests` has more).
  @Test(arguments: [
    ("2023-03-01 10:0X:40 老周", 19),
    ("2023-03-01 10:06 老周", 16),
    ("2023/03/01 10:06:40 老周", 19),
    ("2023.03.01 10:06:40 老周", 19),
    ("2023-3-1 10:06:40 老周", 17),
    ("2023-03-05 9:1X:40 阿强(20001001)", 18),
    ("2023-03-01 10:06:40老周", 19),
    ("2023-03-01  10:06:40 老周", 20),
    ("2023-03-01\t10:06:40 老周", 19),
    ("2023-03-01T10:06:40 老周", 19),
    ("2023-O3-01 10:06:40 老周", 19),
    ("2023-03-01 10：06：40 老周", 23),
    ("2023-03-01 下午 3:1?:40 阿强(20001001)", 25),
    ("2023-03-01 10:06:", 16),
    ("2023-03-01 10:06:40 ", 19),
    ("2023-03-01 10:06:40", 19),
    ("１２３４-03-01 10:06:40 老周", 27),
  ])
  func damagedHeadersAreAttempts(line: String, timestampBytes: Int) {
    #expect(HeaderAttempt.timestampLength(Substring(line)) == timestampBytes)
  }

  /// Body lines that open with a year, a date, an amount or a clock, but not with a date and a
  /// clock, are not attempts.
  @Test(arguments: [
    "2023年的账还没结清",
    "2023-03-01之前把钱转过去",
    "2023-03-01 之前把钱转过去",
    "2023-03-01 10点前打款",
    "2023.5万的流水走完了",
    "2023-03 的账单 10:00 前给我",
    "100块一单，量大从优",
    "12:30 开会",
    "20230301 10:06:40 老周",
    "2023 10:06 到",
    "2023-03-01 1:0 试试",
    "2023-XX-01 10:06:40 老周",
    "",
  ])
  func bodyTextIsNotAnAttempt(line: String) {
    #expect(HeaderAttempt.timestampLength(Substring(line)) == nil)
  }
}
