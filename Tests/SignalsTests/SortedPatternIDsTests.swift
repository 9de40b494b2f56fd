import Testing

@testable import Signals

@Suite struct SortedPatternIDsTests {
  @Test func keepsDistinctIdsInOrder() {
    #expect(SortedPatternIDs([9, 3, 3, 7, 0]).ids == [0, 3, 7, 9])
  }

  @Test func findsExactlyItsMembers() {
    let ids = SortedPatternIDs([12, 4, 30, 7, 19])
    #expect((0...40).filter(ids.contains) == [4, 7, 12, 19, 30])
    #expect(!SortedPatternIDs([]).contains(0))
    #expect(SortedPatternIDs([5]).contains(5) && !SortedPatternIDs([5]).contains(6))
  }
}
