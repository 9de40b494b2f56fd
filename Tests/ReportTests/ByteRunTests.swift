import Testing

@testable import Report

/// `ByteRun`, the bytes `PrettyJSONBuffer` writes, holds what an array of bytes given the same
/// appends holds, and a copy keeps its bytes when the run it was copied from goes on.
@Suite struct ByteRunTests {
  @Test func everyKindOfAppendGivesTheBytesOfAnArrayPastManyGrowths() {
    var run = ByteRun(capacity: 1)
    var array: [UInt8] = []
    for round in 0..<2_000 {
      let byte = UInt8(truncatingIfNeeded: round)
      run.append(byte)
      array.append(byte)
      let text = "第\(round)条 \"x\"\n"
      run.append(contentsOf: text.utf8)
      array.append(contentsOf: text.utf8)
      run.append(contentsOf: repeatElement(0x20, count: round % 7))
      array.append(contentsOf: repeatElement(0x20, count: round % 7))
      [UInt8](text.utf8).withUnsafeBufferPointer { run.append(contentsOf: $0) }
      array.append(contentsOf: text.utf8)
      run.append(length: 3) { start in
        start[0] = 0x2C
        start[1] = byte
        start[2] = 0x0A
      }
      array.append(contentsOf: [0x2C, byte, 0x0A])
    }
    #expect(run.count == array.count)
    #expect(run.withUnsafeBufferPointer(Array.init) == array)
  }

  @Test func aCopyKeepsItsBytesWhenEitherGoesOnAndAnEmptiedRunStartsAgain() {
    var run = ByteRun(capacity: 4)
    run.append(contentsOf: "abc".utf8)
    var copy = run
    run.append(contentsOf: "def".utf8)
    copy.append(0x21)
    #expect(run.withUnsafeBufferPointer(Array.init) == Array("abcdef".utf8))
    #expect(copy.withUnsafeBufferPointer(Array.init) == Array("abc!".utf8))
    let kept = run
    run.removeAll()
    #expect(run.isEmpty)
    run.append(contentsOf: "xy".utf8)
    #expect(run.withUnsafeBufferPointer(Array.init) == Array("xy".utf8))
    #expect(kept.withUnsafeBufferPointer(Array.init) == Array("abcdef".utf8))
  }
}
