import Foundation
import Testing

@testable import Ingest

/// `LocalDateTime.readISOLike` read from bytes (every chat header's time) against the same
/// grammar read through a `TextCursor`.
@Suite struct ISOLikeTimeTests {
  private static func fromBytes(_ text: String) -> LocalDateTime? {
    Array(text.utf8).withUnsafeBufferPointer { LocalDateTime.readISOLike($0) }
  }

  private static func fromCursor(_ text: String) -> LocalDateTime? {
    var cursor = TextCursor(Substring(text))
    return LocalDateTime.readISOLike(&cursor)
  }

  @Test func readsEveryField() {
    let time = Self.fromBytes("2023-03-01 09:06:40 老周")
    #expect(time == LocalDateTime(year: 2023, month: 3, day: 1, hour: 9, minute: 6, second: 40))
    #expect(Self.fromBytes("1999-12-31 23:59:59") == LocalDateTime(year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59))
    #expect(Self.fromBytes("0000-00-00 00:00:00") == LocalDateTime(year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0))
  }

  @Test(arguments: [
    "2023-03-01 10:06", "2023-03-01", "2023/03/01 10:06:40", "2023-03-01T10:06:40", "2023-3-01 10:06:40",
    "２０２３-03-01 10:06:40", "2023-03-01 10:0X:40",
  ])
  func refusesOtherShapes(_ text: String) {
    #expect(Self.fromBytes(text) == nil)
    #expect(Self.fromCursor(text) == nil)
  }

  /// Every byte value in every digit position: the byte reader accepts exactly the ASCII digits,
  /// as the cursor reader does, and reads the same fields.
  @Test func agreesWithTheCursorOnEveryByteInEveryDigit() {
    let template = Array("2023-03-01 10:06:40".utf8)
    let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
    var disagreements: [String] = []
    for position in digitPositions {
      for value in UInt8(0)...UInt8(0x7F) {
        var bytes = template
        bytes[position] = value
        let text = String(decoding: bytes, as: UTF8.self)
        let byByte = bytes.withUnsafeBufferPointer { LocalDateTime.readISOLike($0) }
        if byByte != Self.fromCursor(text) { disagreements.append("\(position): \(value)") }
        #expect((byByte != nil) == (0x30...0x39).contains(value))
      }
      for value in UInt8(0x80)...UInt8(0xFF) {
        var bytes = template
        bytes[position] = value
        #expect(bytes.withUnsafeBufferPointer { LocalDateTime.readISOLike($0) } == nil, "byte \(value) at \(position)")
      }
    }
    #expect(disagreements.isEmpty)
  }

  /// Every byte value in every separator position: only `-`, ` ` and `:` where the shape has
  /// them are read, as by the cursor.
  @Test func agreesWithTheCursorOnEveryByteInEverySeparator() {
    let template = Array("2023-03-01 10:06:40".utf8)
    var disagreements: [String] = []
    for position in [4, 7, 10, 13, 16] {
      for value in UInt8(0)...UInt8(0xFF) {
        var bytes = template
        bytes[position] = value
        let byByte = bytes.withUnsafeBufferPointer { LocalDateTime.readISOLike($0) }
        if (byByte != nil) != (value == template[position]) { disagreements.append("\(position): \(value)") }
      }
    }
    #expect(disagreements.isEmpty)
  }

  /// Random times and near misses (a digit or separator replaced by a byte that trips a carry
  /// or a nibble test: `/`, `:`, `?`, DEL, FA–FF, full-width digits' bytes) agree with the cursor.
  @Test func agreesWithTheCursorOnRandomTimesAndNearMisses() {
    var random = SeededRandom(seed: 0x4953_4F31)
    let odd: [UInt8] = [0x2F, 0x3A, 0x3F, 0x40, 0x7F, 0xFA, 0xFF, 0xEF, 0xBC, 0x90, 0x20, 0x2D, 0x00]
    var disagreements: [String] = []
    var read = 0
    for _ in 0..<20_000 {
      var bytes = Array(String(format: "%04d-%02d-%02d %02d:%02d:%02d",
        random.next(below: 10_000), random.next(below: 100), random.next(below: 100),
        random.next(below: 100), random.next(below: 100), random.next(below: 100)).utf8)
      for _ in 0..<random.next(below: 3) { bytes[random.next(below: 19)] = odd[random.next(below: odd.count)] }
      bytes += Array(" 老周".utf8).prefix(random.next(below: 8))
      let byByte = bytes.withUnsafeBufferPointer { LocalDateTime.readISOLike($0) }
      if byByte != nil { read += 1 }
      if byByte != Self.fromCursor(String(decoding: bytes, as: UTF8.self)) { disagreements.append(String(decoding: bytes, as: UTF8.self)) }
    }
    #expect(disagreements.isEmpty)
    #expect(read > 5_000)
  }
}
