import Testing

@testable import Ingest

/// The working copy of a file read more than once gives back the bytes written, piece by piece.
@Suite struct WorkingCopyTests {
  @Test func readsBackWhatWasWrittenAndNoMore() throws {
    let copy = try #require(WorkingCopy())
    let pieces: [[UInt8]] = [Array("消息记录\n".utf8), [], Array(repeating: 0x41, count: 100_000), [0x0A]]
    for piece in pieces { #expect(copy.append(piece)) }
    for round in 0..<2 {
      copy.rewind()
      for piece in pieces { #expect(copy.read(count: piece.count) == piece, "round \(round)") }
    }
    #expect(copy.read(count: 1) == nil)
    #expect(copy.failure == "it ended after 0 of 1 bytes")
    #expect(!copy.append([1]))
  }
}
