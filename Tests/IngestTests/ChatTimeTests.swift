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
}
