/// A byte-level Aho–Corasick automaton: every pattern found in one pass over UTF-8 bytes.
///
/// The goto function with the failure links folded in is a full DFA over byte classes (bytes that
/// occur in no pattern share class 0), so scanning is one table load per byte. Each state lists
/// the patterns that end there, its own and those of its dictionary suffixes (perf-anchors.md).
struct AhoCorasick: Sendable {
  /// One occurrence: which pattern, and the byte offset just past its end.
  struct Hit: Sendable, Hashable {
    var pattern: Int32
    var end: Int32
  }

  /// The byte length of each pattern.
  let patternLengths: [Int32]
  private let byteClass: [Int32]
  private let classCount: Int
  private let table: [Int32]
  private let outputStart: [Int32]
  private let outputs: [Int32]

  /// Builds the automaton; pattern `i` of `patterns` is reported as `i`. Empty patterns are never
  /// reported.
  init(patterns: [[UInt8]]) {
    patternLengths = patterns.map { Int32($0.count) }
    var classes = [Int32](repeating: 0, count: 256)
    var nextClass = 1
    for pattern in patterns {
      for byte in pattern where classes[Int(byte)] == 0 {
        classes[Int(byte)] = Int32(nextClass)
        nextClass += 1
      }
    }
    byteClass = classes
    classCount = nextClass

    // The trie is built in the transition table itself: 0 marks a missing edge (no edge ever
    // leads back to the root), and the failure pass fills the missing edges in.
    var delta = [Int32](repeating: 0, count: classCount)
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
          delta.append(contentsOf: repeatElement(0, count: classCount))
          delta[slot] = Int32(next)
          state = next
        }
      }
      ownOutputs[state].append(Int32(index))
    }

    let stateCount = ownOutputs.count
    let isChild = delta.map { $0 != 0 }
    var failure = [Int](repeating: 0, count: stateCount)
    var allOutputs = ownOutputs
    var queue: [Int] = []
    queue.reserveCapacity(stateCount)
    for cls in 0..<classCount where isChild[cls] { queue.append(Int(delta[cls])) }
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
        if isChild[slot] {
          let child = Int(delta[slot])
          failure[child] = Int(fallback)
          queue.append(child)
        } else {
          delta[slot] = fallback
        }
      }
    }
    table = delta
    var starts: [Int32] = [0]
    var flat: [Int32] = []
    for list in allOutputs {
      flat += list
      starts.append(Int32(flat.count))
    }
    outputStart = starts
    outputs = flat
  }

  /// Every occurrence of every pattern in `bytes`, in order of end offset.
  func scan(_ bytes: [UInt8]) -> [Hit] {
    var hits: [Hit] = []
    bytes.withUnsafeBufferPointer { input in
      table.withUnsafeBufferPointer { delta in
        byteClass.withUnsafeBufferPointer { classes in
          outputStart.withUnsafeBufferPointer { starts in
            var state = 0
            for index in 0..<input.count {
              state = Int(delta[state * classCount + Int(classes[Int(input[index])])])
              let first = starts[state]
              let last = starts[state + 1]
              if first != last {
                for output in Int(first)..<Int(last) {
                  hits.append(Hit(pattern: outputs[output], end: Int32(index + 1)))
                }
              }
            }
          }
        }
      }
    }
    return hits
  }

  /// The patterns that occur in `text` after `TextNormalizer` folding, found without building the
  /// folded text: each folded scalar's UTF-8 bytes are fed to the automaton as they are produced.
  /// Allocates only when a pattern occurs.
  func patterns(inFolding text: String) -> [Int32] {
    var found: [Int32] = []
    TextNormalizer.withSimplified { simplified in
      table.withUnsafeBufferPointer { delta in
        byteClass.withUnsafeBufferPointer { classes in
          outputStart.withUnsafeBufferPointer { starts in
            var state = 0
            for scalar in text.unicodeScalars {
              guard let folded = TextNormalizer.fold(scalar, simplified: simplified) else { continue }
              var value = folded.value
              var encoded: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
              let count: Int
              switch value {
              case 0..<0x80:
                encoded.0 = value
                count = 1
              case 0x80..<0x800:
                encoded = (0xC0 | (value >> 6), 0x80 | (value & 0x3F), 0, 0)
                count = 2
              case 0x800..<0x10000:
                encoded = (0xE0 | (value >> 12), 0x80 | ((value >> 6) & 0x3F), 0x80 | (value & 0x3F), 0)
                count = 3
              default:
                encoded = (
                  0xF0 | (value >> 18), 0x80 | ((value >> 12) & 0x3F), 0x80 | ((value >> 6) & 0x3F),
                  0x80 | (value & 0x3F)
                )
                count = 4
              }
              for position in 0..<count {
                switch position {
                case 0: value = encoded.0
                case 1: value = encoded.1
                case 2: value = encoded.2
                default: value = encoded.3
                }
                state = Int(delta[state * classCount + Int(classes[Int(value)])])
                let first = starts[state]
                let last = starts[state + 1]
                if first != last {
                  for output in Int(first)..<Int(last) { found.append(outputs[output]) }
                }
              }
            }
          }
        }
      }
    }
    return found
  }
}
