import Ingest
import Testing

@testable import Report

/// The spill's own rendering of a time (`ISOTimeText`) is `ChatTime.iso8601`, character for
/// character, over the calendar's edges, odd and negative offsets and far years.
@Suite struct ISOTimeTextTests {
  /// Offsets from UTC: none, whole hours either side, half and quarter hours, odd seconds, and
  /// more than 99 hours.
  static let offsets = [0, 28_800, -18_000, 19_800, 20_700, -34_200, 50_400, -43_200, 1, -59, 3_599, 360_000]

  /// Instants around the epoch, leap days, century years, the 32-bit limit and far years.
  static let edges: [Int64] = [
    0, -1, 1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 951_868_799, -2_203_891_200, 4_107_542_400,
    2_147_483_647, -2_147_483_648, 32_503_680_000, -62_135_596_800, -62_167_219_200, -100_000_000_000,
    253_402_300_799, 100_000_000_000,
  ]

  @Test func eachEdgeAtEachOffsetIsTheISOTextOfTheTime() {
    for epoch in Self.edges {
      for offset in Self.offsets {
        let time = ChatTime(epochSeconds: epoch, utcOffsetSeconds: offset, raw: "")
        #expect(ISOTimeText.text(of: time) == time.iso8601)
      }
    }
  }

  @Test func instantsSpreadOverTenThousandYearsAreTheISOTextOfTheTime() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let epoch = Int64(bitPattern: state >> 1) % 320_000_000_000 - 160_000_000_000
      let offset = Self.offsets[Int(state >> 59) % Self.offsets.count]
      let time = ChatTime(epochSeconds: epoch, utcOffsetSeconds: offset, raw: "")
      #expect(ISOTimeText.text(of: time) == time.iso8601)
    }
  }
}
