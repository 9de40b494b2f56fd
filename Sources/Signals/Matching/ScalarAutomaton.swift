/// An Aho–Corasick automaton over Unicode scalars: which patterns occur in a text once
/// `TextNormalizer` has folded it, found in one pass over the text's UTF-8 without building the
/// folded text (the test a scan makes on every message), and where each occurs in a text folded
/// already (for the units that pass the test).
///
/// Over scalars rather than bytes, so that a CJK character costs one transition instead of three
/// dependent ones.
/// - Each scalar below U+10000 is mapped by one table lookup to the class of its folded form: a
///   number for each scalar that occurs in a pattern, 0 for every other one (which sends the
///   automaton back to its root), or `dropped` when folding removes it.
/// - The transitions are those of the full automaton (failure links folded in), stored as the
///   root's row plus, for every other state, only the classes where its next state differs from
///   the root's. Those are packed into one array by row displacement: state `s` owns slot
///   `base(s) + class`, and a slot that another state owns means "as from the root". For the
///   shipped lexicons the array is 250 KB for the trigger phrases (31,671 slots) and 370 KB for
///   every phrase (46,105), and stays in a core's cache, where a byte automaton's table took 7 MB.
/// - A text folded already is read as it is: a scalar is looked up by its own value, since folding
///   a second time is not always the identity (苎 and 苧 fold to each other).
///
/// A state is represented by its base, with the sign bit set when patterns end in it. Every state
/// has its own base, so a slot's owner tells the states apart.
struct ScalarAutomaton: Sendable {
  /// The class of a scalar that folding removes (zero-width and direction marks): it is skipped.
  private static let dropped = UInt16.max
  private static let outputFlag: UInt32 = 0x8000_0000
  private static let emptySlot = UInt64.max

  /// One occurrence found by `scan`: which pattern, and the byte offset just past its end.
  struct Hit: Sendable, Hashable {
    var pattern: Int32
    var end: Int32
  }

  /// The byte length of each pattern (of its UTF-8).
  let patternLengths: [Int32]
  /// The number of patterns (ids run from 0 to `patternCount - 1`).
  var patternCount: Int { patternLengths.count }
  /// The class of each scalar below U+10000, after folding.
  private let classOfBMP: [UInt16]
  /// The class of each scalar that occurs in a pattern (folded, as patterns are).
  private let classOfFoldedScalar: [UInt32: UInt16]
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
    patternLengths = patterns.map { Int32($0.utf8.count) }
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
    classOfFoldedScalar = classOfScalar

    let trie = Trie(classed, classCount: classCount)
    let placement = Placement(trie: trie, classCount: classCount)
    let encoded = trie.outputs.indices.map { state in
      UInt32(placement.bases[state]) | (trie.outputs[state].isEmpty ? 0 : Self.outputFlag)
    }
    var rootNext = [UInt32](repeating: encoded[0], count: classCount)
    for edge in trie.children[0] { rootNext[Int(edge.cls)] = encoded[edge.next] }
    self.rootNext = rootNext
    var slots = [UInt64](repeating: Self.emptySlot, count: placement.length)
    for state in trie.exceptions.indices {
      let base = placement.bases[state]
      for edge in trie.exceptions[state] {
        slots[base + Int(edge.cls)] = UInt64(base) << 32 | UInt64(encoded[edge.next])
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
    let wasContiguous =
      text.utf8.withContiguousStorageIfAvailable { patterns(inFoldingWellFormedUTF8: $0, into: &found) } != nil
    guard !wasContiguous else { return }
    var contiguous = text
    contiguous.withUTF8 { patterns(inFoldingWellFormedUTF8: $0, into: &found) }
  }

  /// `patterns(inFolding:into:)` for text given as UTF-8 (the raw bytes of a decoded file). A
  /// byte that does not start a well-formed sequence is read as a character in no pattern.
  func patterns(inFoldingUTF8 utf8: UnsafeBufferPointer<UInt8>, into found: inout StampedIDSet) {
    found.removeAll()
    mark(folding: utf8, into: &found)
  }

  /// `patterns(inFoldingUTF8:into:)` for bytes known to be well-formed UTF-8 (those of a
  /// `String`), as every message the sieve reads is: each scalar is decoded from its lead byte
  /// without checking the bytes after it, which is most of the cost of a CJK character.
  /// Malformed bytes never read outside `utf8`, but may be read as another character.
  func patterns(inFoldingWellFormedUTF8 utf8: UnsafeBufferPointer<UInt8>, into found: inout StampedIDSet) {
    found.removeAll()
    classOfBMP.withUnsafeBufferPointer { classOf in
      walkWellFormed(utf8, classOf: classOf) { patterns in
        for output in patterns { found.insert(Int(outputs[output])) }
      }
    }
  }

  /// `walk` over well-formed UTF-8 (see `patterns(inFoldingWellFormedUTF8:into:)`), classing each
  /// scalar by `classOf` below U+10000 and by `astralClass` above.
  @inline(__always)
  private func walkWellFormed(
    _ input: UnsafeBufferPointer<UInt8>, classOf: UnsafeBufferPointer<UInt16>, reached: (_ outputs: Range<Int>) -> Void
  ) {
    withWalker { walker in
      var index = 0
      let count = input.count
      while index < count {
        let lead = UInt32(input[index])
        let cls: UInt16
        if lead < 0x80 {
          cls = classOf[Int(lead)]
          index += 1
        } else if lead >= 0xE0, lead < 0xF0, index + 3 <= count {
          let value = (lead & 0x0F) << 12 | (UInt32(input[index + 1]) & 0x3F) << 6 | (UInt32(input[index + 2]) & 0x3F)
          cls = classOf[Int(value)]
          index += 3
        } else if lead >= 0xC0, lead < 0xE0, index + 2 <= count {
          cls = classOf[Int((lead & 0x1F) << 6 | (UInt32(input[index + 1]) & 0x3F))]
          index += 2
        } else if lead >= 0xF0, index + 4 <= count {
          let value =
            (lead & 0x07) << 18 | (UInt32(input[index + 1]) & 0x3F) << 12 | (UInt32(input[index + 2]) & 0x3F) << 6
            | (UInt32(input[index + 3]) & 0x3F)
          cls = value >= 0x10000 ? astralClass(value) : 0
          index += 4
        } else {
          cls = 0
          index += 1
        }
        if cls == Self.dropped { continue }
        let ended = walker.step(cls)
        if !ended.isEmpty { reached(ended) }
      }
    }
  }

  /// Every occurrence of every pattern in `utf8`, text folded already (`TextNormalizer.normalize`)
  /// and read as it is, in order of end offset.
  func scan(_ utf8: [UInt8]) -> [Hit] {
    var hits: [Hit] = []
    classOfBMP.withUnsafeBufferPointer { classOf in
      Self.foldedBMP.withUnsafeBufferPointer { folded in
        utf8.withUnsafeBufferPointer { input in
          walk(
            input,
            classOf: { value in
              value < 0x10000 && folded[Int(value)] == value
                ? classOf[Int(value)] : classOfFoldedScalar[value] ?? 0
            },
            reached: { found, end in
              for output in found { hits.append(Hit(pattern: outputs[output], end: Int32(end))) }
            })
        }
      }
    }
    return hits
  }

  private func mark(folding input: UnsafeBufferPointer<UInt8>, into found: inout StampedIDSet) {
    classOfBMP.withUnsafeBufferPointer { classOf in
      walk(
        input, classOf: { value in value < 0x10000 ? classOf[Int(value)] : astralClass(value) },
        reached: { patterns, _ in
          for output in patterns { found.insert(Int(outputs[output])) }
        })
    }
  }

  /// Runs the automaton over the scalars of `input`, each read as the class `classOf` gives it
  /// (a byte that starts no well-formed sequence as class 0), and hands `reached` the indices into
  /// `outputs` of the patterns ending at each scalar with the offset just past it.
  @inline(__always)
  private func walk(
    _ input: UnsafeBufferPointer<UInt8>, classOf: (_ value: UInt32) -> UInt16,
    reached: (_ outputs: Range<Int>, _ end: Int) -> Void
  ) {
    withWalker { walker in
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
          cls = classOf(lead)
        } else if lead >= 0xC2, lead < 0xE0, index + 2 <= count, let second = continuation(1) {
          cls = classOf((lead & 0x1F) << 6 | second)
          length = 2
        } else if lead & 0xF0 == 0xE0, index + 3 <= count, let second = continuation(1),
          let third = continuation(2), lead > 0xE0 || second >= 0x20
        {
          // Surrogate values (ED A0…ED BF, never well-formed) are in no class.
          cls = classOf((lead & 0x0F) << 12 | second << 6 | third)
          length = 3
        } else if lead >= 0xF0, lead < 0xF5, index + 4 <= count, let second = continuation(1),
          let third = continuation(2), let fourth = continuation(3)
        {
          let value = (lead & 0x07) << 18 | second << 12 | third << 6 | fourth
          if value >= 0x10000 { cls = classOf(value) }
          length = 4
        }
        index += length
        if cls == Self.dropped { continue }
        let ended = walker.step(cls)
        if !ended.isEmpty { reached(ended, index) }
      }
    }
  }

  /// The transitions read in place for one walk, and the state it is in.
  private struct Walker {
    let rootNext: UnsafeBufferPointer<UInt32>
    let slots: UnsafeBufferPointer<UInt64>
    let outputStart: UnsafeBufferPointer<Int32>
    var state: UInt32

    /// Moves on a scalar of class `cls` and returns the indices into `outputs` of the patterns
    /// that end there (empty when none does).
    @inline(__always)
    mutating func step(_ cls: UInt16) -> Range<Int> {
      let base = state & ~ScalarAutomaton.outputFlag
      let slot = slots[Int(base) &+ Int(cls)]
      state = UInt32(truncatingIfNeeded: slot >> 32) == base ? UInt32(truncatingIfNeeded: slot) : rootNext[Int(cls)]
      guard state & ScalarAutomaton.outputFlag != 0 else { return 0..<0 }
      let ending = Int(state & ~ScalarAutomaton.outputFlag)
      return Int(outputStart[ending])..<Int(outputStart[ending + 1])
    }
  }

  /// Calls `body` with a walker at the root.
  @inline(__always)
  private func withWalker(_ body: (inout Walker) -> Void) {
    rootNext.withUnsafeBufferPointer { rootNext in
      slots.withUnsafeBufferPointer { slots in
        outputStart.withUnsafeBufferPointer { outputStart in
          var walker = Walker(rootNext: rootNext, slots: slots, outputStart: outputStart, state: rootNext[0])
          body(&walker)
        }
      }
    }
  }

  /// The class of a scalar above U+FFFF, after folding.
  private func astralClass(_ value: UInt32) -> UInt16 {
    guard let scalar = Unicode.Scalar(value) else { return 0 }
    guard let folded = TextNormalizer.fold(scalar) else { return Self.dropped }
    if folded.value <= 0xFFFF { return classOfBMP[Int(folded.value)] }
    return classOfFoldedScalar[folded.value] ?? 0
  }

  /// `foldedBMP`'s value for a scalar that folding removes.
  private static let removedByFolding = UInt32.max

  /// Each scalar below U+10000 after folding (`removedByFolding` when folding removes it; surrogate
  /// values, which no text holds, are left as they are), computed once.
  private static let foldedBMP: [UInt32] = TextNormalizer.withSimplified { simplified in
    (UInt32(0)..<0x10000).map { value in
      guard let scalar = Unicode.Scalar(value) else { return value }
      return TextNormalizer.fold(scalar, simplified: simplified)?.value ?? removedByFolding
    }
  }

  /// The class of every scalar below U+10000 after folding.
  private static func bmpClasses(_ classOfScalar: [UInt32: UInt16]) -> [UInt16] {
    foldedBMP.map { folded in folded == removedByFolding ? dropped : classOfScalar[folded] ?? 0 }
  }
}
