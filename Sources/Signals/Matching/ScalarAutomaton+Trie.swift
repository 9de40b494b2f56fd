extension ScalarAutomaton {
  /// The patterns' trie over classes, completed breadth first: failure links, the classes on
  /// which each state's next state differs from the root's, and the patterns ending in each.
  struct Trie {
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
}
