/// A few pattern ids (a negation vocabulary), kept sorted and as a bit mask: membership, asked
/// for the occurrences near every term of every evaluated unit, is a bit test.
struct SortedPatternIDs: Sendable, Equatable {
  /// The distinct ids, ascending.
  let ids: [Int]
  /// The same ids, for `contains`.
  private let mask: PatternMask

  /// The distinct ids of `ids`.
  init(_ ids: some Sequence<Int>) {
    self.ids = Array(Set(ids)).sorted()
    mask = PatternMask(self.ids)
  }

  /// Whether `id` is one of the ids.
  @inline(__always)
  func contains(_ id: Int) -> Bool {
    mask.contains(id)
  }
}
