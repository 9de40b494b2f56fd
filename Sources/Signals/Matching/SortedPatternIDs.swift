/// A few pattern ids (a negation vocabulary) kept sorted: membership is a binary search, which
/// costs less than hashing for the occurrences of every evaluated unit.
struct SortedPatternIDs: Sendable, Equatable {
  /// The distinct ids, ascending.
  let ids: [Int]

  /// The distinct ids of `ids`.
  init(_ ids: some Sequence<Int>) {
    self.ids = Array(Set(ids)).sorted()
  }

  /// Whether `id` is one of the ids.
  func contains(_ id: Int) -> Bool {
    var low = 0
    var high = ids.count
    while low < high {
      let middle = (low + high) / 2
      if ids[middle] < id { low = middle + 1 } else { high = middle }
    }
    return low < ids.count && ids[low] == id
  }
}
