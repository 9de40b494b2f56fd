/// A set of pattern ids as one bit per id: membership is a shift and a mask, where a `Set<Int>`
/// hashes the id. A rule's patterns are tested against every occurrence of each unit it is
/// evaluated on.
struct PatternMask: Sendable, Equatable {
  /// Bit `id % 64` of word `id / 64` is set for each member `id`.
  private let words: [UInt64]

  /// The mask of `ids` (negative ids are never members).
  init(_ ids: some Sequence<Int>) {
    var words: [UInt64] = []
    for id in ids where id >= 0 {
      let word = id >> 6
      if word >= words.count { words += repeatElement(0, count: word + 1 - words.count) }
      words[word] |= 1 << UInt64(id & 63)
    }
    self.words = words
  }

  /// Whether `id` is a member.
  @inline(__always)
  func contains(_ id: Int) -> Bool {
    let word = id >> 6
    return id >= 0 && word < words.count && words[word] & (1 << UInt64(id & 63)) != 0
  }
}
