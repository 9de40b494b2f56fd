/// A byte-level Aho–Corasick automaton: every pattern found in one pass over UTF-8 bytes.
///
/// The goto function with the failure links folded in is a full DFA over byte classes (bytes that
/// occur in no pattern share class 0), so scanning is one table load per byte. A table entry is
/// the next state's row offset (state × class count) with the sign bit set when patterns end in
/// that state, so a byte that ends no pattern costs no second load. Each state lists the patterns
/// that end there, its own and those of its dictionary suffixes (perf-anchors.md).
struct AhoCorasick: Sendable {
  /// One occurrence: which pattern, and the byte offset just past its end.
  struct Hit: Sendable, Hashable {
    var pattern: Int32
    var end: Int32
  }

  /// The byte length of each pattern.
  let patternLengths: [Int32]
  /// The number of patterns (ids run from 0 to `patternCount - 1`).
  var patternCount: Int { patternLengths.count }
  private let byteClass: [Int32]
  private let classCount: Int
  /// Row offset of the next state per (row offset + byte class), sign bit set when it has outputs.
  private let table: [Int32]
  private let outputStart: [Int32]
  private let outputs: [Int32]

  /// Builds the automaton; pattern `i` of `patterns` is reported as `i`. Empty patterns are never
  /// reported.
  init(patterns: [[UInt8]]) {
    patternLengths = patterns.map { Int32($0.count) }
    let classes = Self.byteClasses(of: patterns)
    let classCount = Int(classes.max() ?? 0) + 1
    byteClass = classes
    self.classCount = classCount

    // The trie is built in the transition table itself: 0 marks a missing edge (no edge ever
    // leads back to the root), and the failure pass fills the missing edges in.
    // Room for the most states the patterns can make, so that the table never moves as it
    // grows (pages never written cost nothing).
    let emptyRow = [Int32](repeating: 0, count: classCount)
    var delta = emptyRow
    delta.reserveCapacity((1 + patterns.reduce(0) { $0 + $1.count }) * classCount)
    var ownOutputs: [[Int32]] = [[]]
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for byte in pattern {
        let slot = state * classCount + Int(classes[Int(byte)])
        if delta[slot] != 0 {
          state = Int(delta[slot])
        } else {
          let next = ownOutputs.count
          ownOutputs.append([])
          delta.append(contentsOf: emptyRow)
          delta[slot] = Int32(next)
          state = next
        }
      }
      ownOutputs[state].append(Int32(index))
    }

    // States are completed in breadth-first order. Until its turn, a state's row holds only
    // its trie edges (non-zero), so a zero entry is a missing edge; the failure state's row,
    // one level up or more, is complete by then.
    let stateCount = ownOutputs.count
    var failure = [Int](repeating: 0, count: stateCount)
    var allOutputs = ownOutputs
    var queue: [Int] = []
    queue.reserveCapacity(stateCount)
    for cls in 0..<classCount where delta[cls] != 0 { queue.append(Int(delta[cls])) }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      if !allOutputs[failure[state]].isEmpty {
        allOutputs[state] += allOutputs[failure[state]].filter { !allOutputs[state].contains($0) }
      }
      for cls in 0..<classCount {
        let slot = state * classCount + cls
        let fallback = delta[failure[state] * classCount + cls]
        if delta[slot] != 0 {
          let child = Int(delta[slot])
          failure[child] = Int(fallback)
          queue.append(child)
        } else {
          delta[slot] = fallback
        }
      }
    }

    // The rows are laid out in breadth-first order, so the shallow states that text visits most
    // share the first few hundred kilobytes of the table instead of being spread through it.
    // Their next states become row offsets, flagged where patterns end.
    let order = [0] + queue
    var rank = [Int](repeating: 0, count: stateCount)
    for (position, state) in order.enumerated() { rank[state] = position }
    let hasOutputs = allOutputs.map { !$0.isEmpty }
    var laidOut = [Int32](repeating: 0, count: stateCount * classCount)
    laidOut.withUnsafeMutableBufferPointer { entries in
      for (position, state) in order.enumerated() {
        for cls in 0..<classCount {
          let next = Int(delta[state * classCount + cls])
          entries[position * classCount + cls] =
            Int32(rank[next] * classCount) | (hasOutputs[next] ? Int32.min : 0)
        }
      }
    }
    table = laidOut
    var starts: [Int32] = [0]
    var flat: [Int32] = []
    for state in order {
      flat += allOutputs[state]
      starts.append(Int32(flat.count))
    }
    outputStart = starts
    outputs = flat
  }

  /// Byte classes: 0 for bytes in no pattern, then 1, 2, … in ascending byte order.
  private static func byteClasses(of patterns: [[UInt8]]) -> [Int32] {
    var used = [Bool](repeating: false, count: 256)
    for pattern in patterns { for byte in pattern { used[Int(byte)] = true } }
    var classes = [Int32](repeating: 0, count: 256)
    var next: Int32 = 1
    for byte in 0..<256 where used[byte] {
      classes[byte] = next
      next += 1
    }
    return classes
  }

  /// Every occurrence of every pattern in `bytes`, in order of end offset.
  func scan(_ bytes: [UInt8]) -> [Hit] {
    var hits: [Hit] = []
    bytes.withUnsafeBufferPointer { input in
      table.withUnsafeBufferPointer { delta in
        byteClass.withUnsafeBufferPointer { classes in
          var row = 0
          for index in 0..<input.count {
            let entry = delta[row &+ Int(classes[Int(input[index])])]
            row = Int(entry & Int32.max)
            if entry < 0 {
              for output in outputRange(ofRow: row) {
                hits.append(Hit(pattern: outputs[output], end: Int32(index + 1)))
              }
            }
          }
        }
      }
    }
    return hits
  }

  /// The indices into `outputs` of the patterns that end in the state at table row `row`.
  @inline(__always)
  private func outputRange(ofRow row: Int) -> Range<Int> {
    let state = row / classCount
    return Int(outputStart[state])..<Int(outputStart[state + 1])
  }
}
