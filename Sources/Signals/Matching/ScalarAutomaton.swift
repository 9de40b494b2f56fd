/// Which patterns occur in a text once `TextNormalizer` has folded it, found in one pass over the
/// text's UTF-8 without building the folded text: the test a scan makes on every message.
///
/// An Aho–Corasick automaton over Unicode scalars rather than bytes, so that a CJK character costs
/// one transition instead of three dependent ones.
/// - Each scalar below U+10000 is mapped by one table lookup to the class of its folded form: a
///   number for each scalar that occurs in a pattern, 0 for every other one (which sends the
///   automaton back to its root), or `dropped` when folding removes it.
/// - The transitions are those of the full automaton (failure links folded in), stored as the
///   root's row plus, for every other state, only the classes where its next state differs from
///   the root's. Those are packed into one array by row displacement: state `s` owns slot
///   `base(s) + class`, and a slot that another state owns means "as from the root". For the
///   shipped lexicons' trigger phrases the array is 250 KB (31,829 slots) and stays in a core's
///   cache, where the byte automaton's table is 7 MB.
///
/// A state is represented by its base, with the sign bit set when patterns end in it. Every state
/// has its own base, so a slot's owner tells the states apart.
struct ScalarAutomaton: Sendable {
  /// The class of a scalar that folding removes (zero-width and direction marks): it is skipped.
  private static let dropped = UInt16.max
  private static let outputFlag: UInt32 = 0x8000_0000
  private static let emptySlot = UInt64.max

  /// The number of patterns (ids run from 0 to `patternCount - 1`).
  let patternCount: Int
  /// The class of each scalar below U+10000, after folding.
  private let classOfBMP: [UInt16]
  /// The classes of folded scalars above U+FFFF that occur in patterns.
  private let classOfAstral: [UInt32: UInt16]
  /// The state entered from the root on each class.
  private let rootNext: [UInt32]
  /// Owner base (high 32 bits) and next state (low 32 bits) of each packed transition.
  private let slots: [UInt64]
  /// For each base, where its patterns start in `outputs` (and the next base's entry, where they end).
  private let outputStart: [Int32]
  private let outputs: [Int32]

  /// Builds the automaton over folded `patterns` (as `TextNormalizer.fold` gives them); pattern
  /// `i` is reported as `i`, an empty pattern never.
  init(patterns: [String]) {
    patternCount = patterns.count
    var classOfScalar: [UInt32: UInt16] = [:]
    let classed = patterns.map { pattern in
      pattern.unicodeScalars.map { scalar in
        if let known = classOfScalar[scalar.value] { return known }
        precondition(
          classOfScalar.count < Int(Self.dropped) - 1,
          "more distinct characters in the lexicon's phrases than the automaton can class")
        let next = UInt16(classOfScalar.count + 1)
        classOfScalar[scalar.value] = next
        return next
      }
    }
    let classCount = classOfScalar.count + 1
    classOfBMP = Self.bmpClasses(classOfScalar)
    classOfAstral = classOfScalar.filter { $0.key > 0xFFFF }

    let trie = Trie(classed)
    let placement = Placement(trie: trie, classCount: classCount)
    let encoded = trie.outputs.indices.map { state in
      UInt32(placement.bases[state]) | (trie.outputs[state].isEmpty ? 0 : Self.outputFlag)
    }
    var rootNext = [UInt32](repeating: encoded[0], count: classCount)
    for (cls, child) in trie.children[0] { rootNext[Int(cls)] = encoded[child] }
    self.rootNext = rootNext
    var slots = [UInt64](repeating: Self.emptySlot, count: placement.length)
    for state in trie.exceptions.indices {
      let base = placement.bases[state]
      for (cls, next) in trie.exceptions[state] {
        slots[base + Int(cls)] = UInt64(base) << 32 | UInt64(encoded[next])
      }
    }
    self.slots = slots
    var starts = [Int32](repeating: 0, count: placement.length + 1)
    var flat: [Int32] = []
    var stateAtBase = [Int](repeating: -1, count: placement.length)
    for (state, base) in placement.bases.enumerated() { stateAtBase[base] = state }
    for base in 0..<placement.length {
      starts[base] = Int32(flat.count)
      if stateAtBase[base] >= 0 { flat += trie.outputs[stateAtBase[base]] }
    }
    starts[placement.length] = Int32(flat.count)
    outputStart = starts
    outputs = flat
  }

  /// Marks in `found` (cleared first) the patterns that occur in `text` after folding.
  func patterns(inFolding text: String, into found: inout StampedIDSet) {
    found.removeAll()
    let wasContiguous = text.utf8.withContiguousStorageIfAvailable { mark(folding: $0, into: &found) } != nil
    guard !wasContiguous else { return }
    var contiguous = text
    contiguous.withUTF8 { mark(folding: $0, into: &found) }
  }

  /// `patterns(inFolding:into:)` for text given as UTF-8 (the raw bytes of a decoded file). A
  /// byte that does not start a well-formed sequence is read as a character in no pattern.
  func patterns(inFoldingUTF8 utf8: UnsafeBufferPointer<UInt8>, into found: inout StampedIDSet) {
    found.removeAll()
    mark(folding: utf8, into: &found)
  }

  private func mark(folding input: UnsafeBufferPointer<UInt8>, into found: inout StampedIDSet) {
    classOfBMP.withUnsafeBufferPointer { classOf in
      rootNext.withUnsafeBufferPointer { rootNext in
        slots.withUnsafeBufferPointer { slots in
          outputStart.withUnsafeBufferPointer { outputStart in
            var state = rootNext[0]
            var index = 0
            let count = input.count
            @inline(__always) func continuation(_ offset: Int) -> UInt32? {
              let byte = UInt32(input[index + offset])
              return byte & 0xC0 == 0x80 ? byte & 0x3F : nil
            }
            while index < count {
              let lead = UInt32(input[index])
              var cls: UInt16 = 0
              var length = 1
              if lead < 0x80 {
                cls = classOf[Int(lead)]
              } else if lead >= 0xC2, lead < 0xE0, index + 2 <= count, let second = continuation(1) {
                cls = classOf[Int((lead & 0x1F) << 6 | second)]
                length = 2
              } else if lead & 0xF0 == 0xE0, index + 3 <= count, let second = continuation(1),
                let third = continuation(2), lead > 0xE0 || second >= 0x20
              {
                // Surrogate values (ED A0…ED BF, never well-formed) are in no class.
                cls = classOf[Int((lead & 0x0F) << 12 | second << 6 | third)]
                length = 3
              } else if lead >= 0xF0, lead < 0xF5, index + 4 <= count, let second = continuation(1),
                let third = continuation(2), let fourth = continuation(3)
              {
                let value = (lead & 0x07) << 18 | second << 12 | third << 6 | fourth
                if value >= 0x10000 { cls = astralClass(value) }
                length = 4
              }
              index += length
              if cls == Self.dropped { continue }
              let base = state & ~Self.outputFlag
              let slot = slots[Int(base) &+ Int(cls)]
              state =
                UInt32(truncatingIfNeeded: slot >> 32) == base
                ? UInt32(truncatingIfNeeded: slot) : rootNext[Int(cls)]
              if state & Self.outputFlag != 0 {
                let reached = Int(state & ~Self.outputFlag)
                for output in Int(outputStart[reached])..<Int(outputStart[reached + 1]) {
                  found.insert(Int(outputs[output]))
                }
              }
            }
          }
        }
      }
    }
  }

  /// The class of a scalar above U+FFFF, after folding.
  private func astralClass(_ value: UInt32) -> UInt16 {
    guard let scalar = Unicode.Scalar(value) else { return 0 }
    guard let folded = TextNormalizer.fold(scalar) else { return Self.dropped }
    if folded.value <= 0xFFFF { return classOfBMP[Int(folded.value)] }
    return classOfAstral[folded.value] ?? 0
  }

  /// Each scalar below U+10000 after folding (`dropped` when folding removes it; surrogate
  /// values, which no text holds, are left as they are), computed once.
  private static let foldedBMP: [UInt32] = TextNormalizer.withSimplified { simplified in
    (UInt32(0)..<0x10000).map { value in
      guard let scalar = Unicode.Scalar(value) else { return value }
      return TextNormalizer.fold(scalar, simplified: simplified)?.value ?? UInt32(dropped)
    }
  }

  /// The class of every scalar below U+10000 after folding.
  private static func bmpClasses(_ classOfScalar: [UInt32: UInt16]) -> [UInt16] {
    foldedBMP.map { folded in folded == UInt32(dropped) ? dropped : classOfScalar[folded] ?? 0 }
  }
}

extension ScalarAutomaton {
  /// The patterns' trie over classes, completed breadth first: failure links, the classes on
  /// which each state's next state differs from the root's, and the patterns ending in each.
  fileprivate struct Trie {
    /// Trie edges per state; state 0 is the root.
    var children: [[UInt16: Int]] = [[:]]
    /// Per state, the next state on each class where it differs from the root's next state.
    var exceptions: [[UInt16: Int]] = []
    /// Per state, the patterns that end in it, its own and those of its dictionary suffixes.
    var outputs: [[Int32]] = [[]]

    init(_ patterns: [[UInt16]]) {
      for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
        var state = 0
        for cls in pattern {
          if let next = children[state][cls] {
            state = next
          } else {
            children.append([:])
            outputs.append([])
            children[state][cls] = children.count - 1
            state = children.count - 1
          }
        }
        outputs[state].append(Int32(id))
      }
      exceptions = Array(repeating: [:], count: children.count)
      var failure = [Int](repeating: 0, count: children.count)
      var queue = children[0].sorted { $0.key < $1.key }.map(\.value)
      var head = 0
      while head < queue.count {
        let state = queue[head]
        head += 1
        let fallback = failure[state]
        outputs[state] += outputs[fallback]
        var differing = exceptions[fallback]
        for (cls, child) in children[state] { differing[cls] = child }
        exceptions[state] = differing.filter { $0.value != children[0][$0.key] ?? 0 }
        for (cls, child) in children[state].sorted(by: { $0.key < $1.key }) {
          failure[child] = next(from: fallback, on: cls)
          queue.append(child)
        }
      }
    }

    /// The next state from `state` (already completed) on `cls`.
    private func next(from state: Int, on cls: UInt16) -> Int {
      exceptions[state][cls] ?? children[0][cls] ?? 0
    }
  }

  /// Where each state's row lies in the packed array: a base per state, distinct, such that the
  /// slots `base + class` of its exceptions are free (first fit in the trie's order, from near
  /// where the last row as wide was placed, which packs the shipped lexicons' rows with few gaps
  /// in a few milliseconds). The root's base is 0 and it owns no slot.
  fileprivate struct Placement {
    var bases: [Int]
    /// The packed array's length: every base plus every class is inside it.
    var length: Int

    /// Rows of this many classes or more share one search start.
    private static let widthBuckets = 64

    init(trie: Trie, classCount: Int) {
      let stateCount = trie.exceptions.count
      var slots = FreeSlots(count: 2 * classCount + stateCount)
      var placed = [Int](repeating: 0, count: stateCount)
      var nextPlainBase = 1
      // Where the last row of each width was placed: a row searches from one row's span before
      // it, so that rows of several classes do not try every gap of the densely packed start
      // again (which grew with the square of the lexicon), while single-class rows fill the gaps.
      var lastOfWidth = [Int](repeating: 0, count: Self.widthBuckets)
      for state in 1..<stateCount {
        let classes = trie.exceptions[state].keys.map(Int.init).sorted()
        var base: Int
        if let lowest = classes.first {
          let width = min(classes.count, Self.widthBuckets) - 1
          var slot = slots.firstFree(from: max(lowest + 1, lastOfWidth[width] - classCount))
          while true {
            base = slot - lowest
            if slots.isFreeBase(base), slots.areFree(classes, from: base, reserving: classCount) { break }
            slot = slots.firstFree(from: slot + 1)
          }
          for cls in classes { slots.take(base + cls) }
          lastOfWidth[width] = slot
        } else {
          while !slots.isFreeBase(nextPlainBase) { nextPlainBase += 1 }
          base = nextPlainBase
        }
        slots.takeBase(base)
        placed[state] = base
      }
      bases = placed
      length = (placed.max() ?? 0) + classCount
    }
  }

  /// The slots of the packed array that rows own, with the first free slot from any index found
  /// in near-constant time (each taken slot points further on, and lookups shorten the paths),
  /// and the bases given out (the root's, 0, from the start).
  fileprivate struct FreeSlots {
    private var taken: [Bool]
    private var further: [Int]
    private var baseTaken: [Bool]

    init(count: Int) {
      taken = Array(repeating: false, count: count)
      further = Array(0..<count)
      baseTaken = taken
      baseTaken[0] = true
    }

    /// Whether no state has `base` yet.
    mutating func isFreeBase(_ base: Int) -> Bool {
      grow(past: base)
      return !baseTaken[base]
    }

    /// Gives `base` out.
    mutating func takeBase(_ base: Int) {
      grow(past: base)
      baseTaken[base] = true
    }

    /// The first free slot at or after `index`.
    mutating func firstFree(from index: Int) -> Int {
      grow(past: index)
      var slot = index
      while taken[slot] {
        grow(past: further[slot])
        further[slot] = further[further[slot]]
        slot = further[slot]
      }
      return slot
    }

    /// Whether the slots `base + class` are free; the array then reaches `width` past `base`.
    mutating func areFree(_ classes: [Int], from base: Int, reserving width: Int) -> Bool {
      grow(past: base + width)
      for cls in classes where taken[base + cls] { return false }
      return true
    }

    /// Marks `slot` owned.
    mutating func take(_ slot: Int) {
      grow(past: slot + 1)
      taken[slot] = true
      further[slot] = slot + 1
    }

    /// Makes the arrays reach past `index`.
    private mutating func grow(past index: Int) {
      guard index + 1 >= taken.count else { return }
      let count = max(2 * taken.count, index + 2)
      further += taken.count..<count
      baseTaken += Array(repeating: false, count: count - taken.count)
      taken += Array(repeating: false, count: count - taken.count)
    }
  }
}
