extension ScalarAutomaton {
  /// One transition of a trie state: the class read and the state entered.
  struct Edge {
    var cls: UInt16
    var next: Int
  }

  /// The patterns' trie over classes, completed breadth first: failure links, the classes on
  /// which each state's next state differs from the root's, and the patterns ending in each.
  ///
  /// A state's edges are a short list sorted by class (most states have one or two), and the
  /// root's are a table indexed by class: building the automaton for the shipped lexicons looked
  /// up and merged about 330,000 hashed dictionary entries before.
  struct Trie {
    /// Trie edges per state, by ascending class; state 0 is the root (its edges are also in `rootChild`).
    private(set) var children: [[Edge]] = [[]]
    /// Per state, the next state on each class where it differs from the root's next state, by ascending class.
    private(set) var exceptions: [[Edge]] = []
    /// Per state, the patterns that end in it, its own and those of its dictionary suffixes.
    private(set) var outputs: [[Int32]] = [[]]
    /// The root's child on each class, 0 where it has none.
    private var rootChild: [Int]

    init(_ patterns: [[UInt16]], classCount: Int) {
      rootChild = [Int](repeating: 0, count: classCount)
      for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
        var state = 0
        for cls in pattern { state = child(of: state, on: cls) }
        outputs[state].append(Int32(id))
      }
      children[0].sort { $0.cls < $1.cls }
      exceptions = Array(repeating: [], count: children.count)
      var failure = [Int](repeating: 0, count: children.count)
      var queue = children[0].map(\.next)
      var head = 0
      while head < queue.count {
        let state = queue[head]
        head += 1
        let fallback = failure[state]
        outputs[state] += outputs[fallback]
        exceptions[state] = merged(exceptions[fallback], children[state]).filter { $0.next != rootChild[Int($0.cls)] }
        for edge in children[state] {
          failure[edge.next] = next(from: fallback, on: edge.cls)
          queue.append(edge.next)
        }
      }
    }

    /// The child of `state` on `cls`, added when there is none yet (a child state's edges are
    /// kept sorted; the root's are sorted once all patterns are in).
    private mutating func child(of state: Int, on cls: UInt16) -> Int {
      if state == 0 {
        if rootChild[Int(cls)] != 0 { return rootChild[Int(cls)] }
        let added = addState()
        rootChild[Int(cls)] = added
        children[0].append(Edge(cls: cls, next: added))
        return added
      }
      let edges = children[state]
      let position = edges.firstIndex { $0.cls >= cls } ?? edges.endIndex
      if position < edges.endIndex, edges[position].cls == cls { return edges[position].next }
      let added = addState()
      children[state].insert(Edge(cls: cls, next: added), at: position)
      return added
    }

    /// A new state with no edge and no pattern.
    private mutating func addState() -> Int {
      children.append([])
      outputs.append([])
      return children.count - 1
    }

    /// `inherited` with `own` laid over it (an edge of `own` replaces one of the same class);
    /// both and the result by ascending class.
    private func merged(_ inherited: [Edge], _ own: [Edge]) -> [Edge] {
      guard !own.isEmpty else { return inherited }
      var result: [Edge] = []
      result.reserveCapacity(inherited.count + own.count)
      var ownIndex = 0
      for edge in inherited {
        while ownIndex < own.count, own[ownIndex].cls < edge.cls {
          result.append(own[ownIndex])
          ownIndex += 1
        }
        if ownIndex < own.count, own[ownIndex].cls == edge.cls { continue }
        result.append(edge)
      }
      result += own[ownIndex...]
      return result
    }

    /// The next state from `state` (already completed) on `cls`.
    private func next(from state: Int, on cls: UInt16) -> Int {
      let edges = exceptions[state]
      var low = 0
      var high = edges.count
      while low < high {
        let middle = (low + high) / 2
        if edges[middle].cls < cls { low = middle + 1 } else { high = middle }
      }
      return low < edges.count && edges[low].cls == cls ? edges[low].next : rootChild[Int(cls)]
    }
  }
}
