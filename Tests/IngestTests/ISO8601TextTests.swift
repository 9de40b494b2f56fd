import Testing

@testable import Ingest

/// `ChatTime.iso8601`, written byte by byte into its string, against the plain rendering it
/// replaced (a zero-padded decimal per field, a minus sign before the padding), over the
/// calendar's edges, odd and negative offsets and far years.
@Suite struct ISO8601TextTests {
  /// Offsets from UTC: none, whole hours either side, half and quarter hours, odd seconds, and
  /// more than 99 hours.
  static let offsets = [0, 28_800, -18_000, 19_800, 20_700, -34_200, 50_400, -43_200, 1, -59, 3_599, 360_000]

  /// Instants around the epoch, leap days, century years, the 32-bit limit and far years.
  static let edges: [Int64] = [
    0, -1, 1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 951_868_799, -2_203_891_200, 4_107_542_400,
    2_147_483_647, -2_147_483_648, 32_503_680_000, -62_135_596_800, -62_167_219_200, -100_000_000_000,
    253_402_300_799, 100_000_000_000,
  ]

  /// The plain rendering: fields from `civilFromDays`, each `String(abs(value))` padded with
  /// zeros to its width after a minus sign for a negative value.
  static func plain(_ time: ChatTime) -> String {
    let local = time.epochSeconds + Int64(time.utcOffsetSeconds)
    let days = Int((local - ((local % 86_400) + 86_400) % 86_400) / 86_400)
    let seconds = Int(((local % 86_400) + 86_400) % 86_400)
    let (year, month, day) = ChatTime.civilFromDays(days)
    func field(_ value: Int, _ width: Int) -> String {
      let digits = String(abs(value))
      return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let offset = abs(time.utcOffsetSeconds)
    return "\(field(year, 4))-\(field(month, 2))-\(field(day, 2))T\(field(seconds / 3600, 2)):"
      + "\(field(seconds % 3600 / 60, 2)):\(field(seconds % 60, 2))\(time.utcOffsetSeconds >= 0 ? "+" : "-")"
      + "\(field(offset / 3600, 2)):\(field(offset % 3600 / 60, 2))"
  }

  @Test func readsAsWrittenForAnEverydayTime() {
    #expect(ChatTime(epochSeconds: 1_677_759_390, utcOffsetSeconds: 28_800, raw: "").iso8601 == "2023-03-02T20:16:30+08:00")
    #expect(ChatTime(epochSeconds: 0, utcOffsetSeconds: -34_200, raw: "").iso8601 == "1969-12-31T14:30:00-09:30")
  }

  @Test func eachEdgeAtEachOffsetIsThePlainRendering() {
    for epoch in Self.edges {
      for offset in Self.offsets {
        let time = ChatTime(epochSeconds: epoch, utcOffsetSeconds: offset, raw: "")
        #expect(time.iso8601 == Self.plain(time), "\(epoch) \(offset)")
      }
    }
  }

  @Test func instantsSpreadOverTenThousandYearsAreThePlainRendering() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let epoch = Int64(bitPattern: state >> 1) % 320_000_000_000 - 160_000_000_000
      let offset = Self.offsets[Int(state >> 59) % Self.offsets.count]
      let time = ChatTime(epochSeconds: epoch, utcOffsetSeconds: offset, raw: "")
      #expect(time.iso8601 == Self.plain(time))
    }
  }
}
