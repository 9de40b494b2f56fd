import Foundation
import Testing

@testable import Ingest

/// A chat time prints as ISO 8601 in the zone it is shown in.
@Suite struct ChatTimeTests {
  @Test(arguments: [
    (Int64(1_677_759_390), 8 * 3600, "2023-03-02T20:16:30+08:00"),
    (Int64(0), 0, "1970-01-01T00:00:00+00:00"),
    (Int64(946_684_799), 0, "1999-12-31T23:59:59+00:00"),
    (Int64(1_709_164_800), -(5 * 3600 + 30 * 60), "2024-02-28T18:30:00-05:30"),
    (Int64(1_709_208_000), 9 * 3600 + 45 * 60, "2024-02-29T21:45:00+09:45"),
    (Int64(-1), 0, "1969-12-31T23:59:59+00:00"),
  ])
  func iso8601(epoch: Int64, offset: Int, expected: String) {
    #expect(ChatTime(epochSeconds: epoch, utcOffsetSeconds: offset, raw: "").iso8601 == expected)
  }

  /// A day past its month's end is no date (it would be read as a day of the next month).
  @Test(arguments: [
    (2023, 2, 29, false), (2024, 2, 29, true), (2000, 2, 29, true), (2100, 2, 29, false),
    (2023, 4, 31, false), (2023, 4, 30, true), (2023, 12, 31, true), (2023, 1, 0, false), (2023, 6, 31, false),
  ])
  func daysPastTheMonthsEndAreRefused(year: Int, month: Int, day: Int, valid: Bool) {
    let time = ChatTime(year: year, month: month, day: day, hour: 10, minute: 6, second: 40, raw: "")
    #expect((time != nil) == valid)
    if let time { #expect(time.iso8601.hasPrefix(String(format: "%04d-%02d-%02d", year, month, day))) }
  }
}
