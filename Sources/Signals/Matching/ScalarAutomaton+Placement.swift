extension ScalarAutomaton {
  /// Where each state's row lies in the packed array: a base per state, distinct, such that the
  /// slots `base + class` of its exceptions are free (first fit in the trie's order, from near
  /// where the last row as wide went, which packs the shipped lexicons' rows with few gaps). The
  /// root's base is 0 and it owns no slot.
  struct Placement {
    var bases: [Int]
    /// The packed array's length: every base plus every class is inside it.
    var length: Int

    /// Rows of this many classes or more share one search start.
    private static let widthBuckets = 64

    init(trie: Trie, classCount: Int) {
      let stateCount = trie.exceptions.count
      var slots = SlotBits()
      var placed = [Int](repeating: 0, count: stateCount)
      // Where the last row as wide was placed: a row searches from one row's span before it, so
      // that rows of many classes do not sweep the densely packed start again and again (which
      // grows with the square of the lexicon: a quarter of a second with 1,000 more rules).
      var lastOfWidth = [Int](repeating: 0, count: Self.widthBuckets)
      for state in 1..<stateCount {
        let classes = trie.exceptions[state].map { Int($0.cls) }
        let width = min(classes.count, Self.widthBuckets - 1)
        let base = slots.firstFit(classes, from: lastOfWidth[width] - classCount)
        slots.take(base: base, classes: classes)
        lastOfWidth[width] = base
        placed[state] = base
      }
      bases = placed
      length = (placed.max() ?? 0) + classCount
    }
  }

  /// The free slots of the packed array and the bases not given out yet, as bits, so that a row
  /// is tried at 64 bases at once: the bases where all its slots are free are the bits set in the
  /// free-base word and in the free-slot words shifted by each of its classes.
  struct SlotBits {
    /// Bit `i % 64` of word `i / 64` is set when slot `i` is free.
    private var freeSlots: [UInt64] = []
    /// The same for bases; base 0 is the root's.
    private var freeBases: [UInt64] = [~1]
    /// Every slot below this word is owned.
    private var firstFreeWord = 0

    /// The lowest base from `start` on, not given out, whose slots for `classes` (ascending; may
    /// be empty) are free.
    mutating func firstFit(_ classes: [Int], from start: Int) -> Int {
      let widest = classes.last ?? 0
      var word = max(firstFreeWord - widest / 64 - 1, start / 64, 0)
      while true {
        grow(through: word + widest / 64 + 2)
        var fits = freeBases[word]
        for cls in classes where fits != 0 { fits &= Self.bits(of: freeSlots, from: word * 64 + cls) }
        if fits != 0 { return word * 64 + fits.trailingZeroBitCount }
        word += 1
      }
    }

    /// Gives `base` out and takes its slots for `classes`.
    mutating func take(base: Int, classes: [Int]) {
      freeBases[base / 64] &= ~(1 << UInt64(base % 64))
      for cls in classes { freeSlots[(base + cls) / 64] &= ~(1 << UInt64((base + cls) % 64)) }
      while firstFreeWord < freeSlots.count, freeSlots[firstFreeWord] == 0 { firstFreeWord += 1 }
    }

    /// The 64 bits of `words` from bit `start` on.
    private static func bits(of words: [UInt64], from start: Int) -> UInt64 {
      let word = start / 64
      let shift = UInt64(start % 64)
      return shift == 0 ? words[word] : words[word] >> shift | words[word + 1] << (64 - shift)
    }

    /// Makes both bit arrays reach word `last`, the new words all free.
    private mutating func grow(through last: Int) {
      guard last >= freeSlots.count else { return }
      let count = max(2 * freeSlots.count, last + 1)
      freeSlots += Array(repeating: .max, count: count - freeSlots.count)
      freeBases += Array(repeating: .max, count: count - freeBases.count)
    }
  }
}
