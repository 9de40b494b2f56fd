import Testing

@testable import Ingest

@Suite struct ParallelMapTests {
  @Test func mapKeepsInputOrder() {
    #expect(ParallelMap.map(Array(0..<1000)) { $0 * 2 } == (0..<1000).map { $0 * 2 })
    #expect(ParallelMap.map([Int]()) { $0 }.isEmpty)
  }

  @Test func chunkedMapKeepsInputOrder() {
    #expect(ParallelMap.mapChunked(Array(0..<10_001)) { $0 &* 3 } == (0..<10_001).map { $0 &* 3 })
    #expect(ParallelMap.mapChunked([7]) { $0 + 1 } == [8])
    #expect(ParallelMap.mapChunked([Int]()) { $0 }.isEmpty)
  }
}
