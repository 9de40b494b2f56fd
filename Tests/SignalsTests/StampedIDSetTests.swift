import Testing

@testable import Signals

@Suite struct StampedIDSetTests {
  @Test func keepsDistinctMembersInInsertionOrder() {
    var set = StampedIDSet(capacity: 10)
    #expect(set.isEmpty)
    let added = [set.insert(7), set.insert(2), set.insert(7), set.insert(9)]
    #expect(added == [true, true, false, true])
    #expect(set.members == [7, 2, 9])
    #expect(set.contains(2) && set.contains(7) && set.contains(9))
    #expect(!set.contains(0) && !set.contains(3))
    set.sortMembers()
    #expect(set.members == [2, 7, 9])
  }

  @Test func removeAllEmptiesTheSetForTheNextUnit() {
    var set = StampedIDSet(capacity: 4)
    set.insert(1)
    set.insert(3)
    set.removeAll()
    #expect(set.isEmpty)
    #expect(!set.contains(1) && !set.contains(3))
    let readded = set.insert(3)
    #expect(readded && set.members == [3])
  }

  @Test func staysCorrectWhenTheEpochWrapsAround() {
    var set = StampedIDSet(capacity: 3, epoch: .max - 1)
    set.insert(0)
    set.removeAll()
    set.insert(1)
    #expect(set.members == [1] && !set.contains(0))
    set.removeAll()
    #expect(!set.contains(0) && !set.contains(1) && !set.contains(2))
    set.insert(2)
    #expect(set.contains(2) && !set.contains(0) && !set.contains(1))
  }
}
