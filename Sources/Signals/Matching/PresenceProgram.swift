/// Whether a rule may fire on a unit given the literal patterns found in it: the test made on
/// every unit that holds a phrase some rule is indexed under (a quarter of all chat messages), so
/// it is compiled once, for every rule, into flat integer programs run with no recursion, no
/// reference counting and no allocation.
///
/// A condition is read as a presence test: a term or term set needs one of its patterns, `all`
/// every item, `at_least n` n items, `any` and `sequence` one, `count` its item; a `money` or
/// `re` leaf needs one of its atoms (nothing when it has no atoms), and a `not` nothing (it may
/// hold whatever is present). Positions (`near`), amounts, absences and negation are left to the
/// evaluation. (A `price` rule has a program too, read from its
/// `match`, but the scan asks its `PriceTrigger` instead.)
///
/// Each condition becomes a program in prefix order: a leaf answers whether one of its patterns
/// is present, a constant answers true, and a threshold, followed by its `arity` items, answers
/// whether at least `need` of them do (`any` needs 1, `all` its arity, `at_least n` n). A
/// threshold stops reading its items as soon as its answer is known and jumps past them (the
/// items are laid out cheapest first, so that a rare phrase is looked up before a term set).
struct PresenceProgram: Sendable {
  /// What one instruction does; the meaning of `first` and `second` depends on it.
  private enum Operation: UInt8, Sendable {
    /// Answers whether leaf `first` is present: whether a pattern of its run of `pool`
    /// (`leafStarts[first]..<leafStarts[first + 1]`) is.
    case leaf
    /// Answers true.
    case constant
    /// Answers whether at least `first` of the `second` items that follow answer true.
    case threshold
  }

  /// One instruction of a program.
  private struct Instruction: Sendable {
    var operation: Operation
    var first: Int32
    var second: Int32
    /// The index just past the instruction's items (its own index + 1 for a leaf or constant).
    var end: Int32
  }

  /// A threshold whose items are being read.
  private struct Frame {
    /// How many more items must answer true.
    var need: Int32
    /// How many items are still to be read.
    var remaining: Int32
    /// Where the threshold's items end.
    var end: Int32
  }

  /// The programs of all rules, one after the other.
  private let instructions: FrozenArray<Instruction>
  /// The pattern ids of the leaves, one run per leaf; leaves with the same patterns (a term set
  /// that several rules use) are one leaf.
  private let pool: FrozenArray<Int32>
  /// The run of leaf `l` in `pool` is `pool[leafStarts[l]..<leafStarts[l + 1]]`.
  private let leafStarts: FrozenArray<Int32>
  /// The leaves holding pattern `p` are `patternLeaves[patternLeafStarts[p]..<patternLeafStarts[p + 1]]`.
  private let patternLeafStarts: FrozenArray<Int32>
  private let patternLeaves: FrozenArray<Int32>
  /// How many distinct leaves the programs have: the capacity of a set of present leaves.
  let leafCount: Int
  /// The program of rule `r` is `instructions[starts[r]..<starts[r + 1]]`.
  private let starts: FrozenArray<Int32>
  /// The most thresholds any program nests.
  private let frameCapacity: Int

  /// The programs of the `match` of `rules` (in order).
  init(rules: [CompiledRule], regexAtoms: [[Int]?]) {
    self.init(conditions: rules.map(\.match), regexAtoms: regexAtoms)
  }

  /// The programs of `conditions` (in order), given the atoms of each regex (nil when it has
  /// none).
  init(conditions: [CompiledExpression], regexAtoms: [[Int]?]) {
    var compiler = Compiler(regexAtoms: regexAtoms)
    var starts: [Int32] = [0]
    for condition in conditions {
      compiler.emitProgram(condition)
      starts.append(Int32(compiler.instructions.count))
    }
    instructions = FrozenArray(compiler.instructions)
    pool = FrozenArray(compiler.pool)
    leafStarts = FrozenArray(compiler.leafStarts)
    leafCount = compiler.leafStarts.count - 1
    self.starts = FrozenArray(starts)
    frameCapacity = max(compiler.deepest, 1)
    let patternCount = Int((compiler.pool.max() ?? -1) + 1)
    var leavesOf = [[Int32]](repeating: [], count: patternCount)
    for leaf in 0..<leafCount {
      for slot in Int(compiler.leafStarts[leaf])..<Int(compiler.leafStarts[leaf + 1]) {
        leavesOf[Int(compiler.pool[slot])].append(Int32(leaf))
      }
    }
    var leafStartsOfPattern: [Int32] = [0]
    var leaves: [Int32] = []
    for list in leavesOf {
      leaves += list
      leafStartsOfPattern.append(Int32(leaves.count))
    }
    patternLeafStarts = FrozenArray(leafStartsOfPattern)
    patternLeaves = FrozenArray(leaves)
  }

  /// Fills `present` with the leaves that a pattern of `found` makes present (emptying it
  /// first), so that `mayFire(_:givenLeaves:)` tests each leaf once, however many patterns it
  /// has: what the unit sieve does for every message in which a pattern is found.
  func markLeaves(of found: StampedIDSet, into present: inout StampedIDSet) {
    present.removeAll()
    let patternLeafStarts = patternLeafStarts.elements
    let patternLeaves = patternLeaves.elements
    for pattern in found.members where pattern + 1 < patternLeafStarts.count {
      for slot in Int(patternLeafStarts[pattern])..<Int(patternLeafStarts[pattern + 1]) {
        present.insert(Int(patternLeaves[slot]))
      }
    }
  }

  /// Whether rule `rule` may fire on a unit whose present leaves (`markLeaves`) are `present`:
  /// the same answer as `mayFire(_:given:)` with the patterns found.
  func mayFire(_ rule: Int, givenLeaves present: StampedIDSet) -> Bool {
    present.withMembership { members in run(rule) { leaf, _ in members.contains(leaf) } }
  }

  /// Whether rule `rule` may fire on a unit in which exactly the patterns of `found` occur.
  func mayFire(_ rule: Int, given found: StampedIDSet) -> Bool {
    let leafStarts = leafStarts.elements
    return run(rule) { leaf, patterns in
      for slot in Int(leafStarts[leaf])..<Int(leafStarts[leaf + 1]) where found.contains(Int(patterns[slot])) {
        return true
      }
      return false
    }
  }

  /// Runs the program of rule `rule`, asking `isPresent` whether a leaf is present, given the
  /// leaf and `pool`.
  @inline(__always)
  private func run(_ rule: Int, isPresent: (Int, UnsafeBufferPointer<Int32>) -> Bool) -> Bool {
    let starts = starts.elements
    let program = instructions.elements
    let patterns = pool.elements
    let end = Int(starts[rule + 1])
        return withUnsafeTemporaryAllocation(of: Frame.self, capacity: frameCapacity) { frames in
          var index = Int(starts[rule])
          var depth = 0
          while index < end {
            let instruction = program[index]
            var answer: Bool
            switch instruction.operation {
            case .leaf:
              answer = isPresent(Int(instruction.first), patterns)
            case .constant:
              answer = true
            case .threshold:
              if instruction.first > 0 && instruction.second >= instruction.first {
                frames[depth] = Frame(need: instruction.first, remaining: instruction.second, end: instruction.end)
                depth += 1
                index += 1
                continue
              }
              answer = instruction.first <= 0
            }
            index = Int(instruction.end)
            // Hand the answer up until a threshold still undecided takes it.
            while depth > 0 {
              frames[depth - 1].remaining -= 1
              if answer { frames[depth - 1].need -= 1 }
              let frame = frames[depth - 1]
              if frame.need > 0 && frame.remaining >= frame.need { break }
              answer = frame.need <= 0
              index = Int(frame.end)
              depth -= 1
            }
            if depth == 0 { return answer }
          }
          return false
        }
  }

  /// Emits the instructions of conditions and tracks how deep thresholds nest.
  private struct Compiler {
    let regexAtoms: [[Int]?]
    var instructions: [Instruction] = []
    var pool: [Int32] = []
    var leafStarts: [Int32] = [0]
    /// The leaf of each distinct list of patterns emitted so far.
    private var leafOfPatterns: [[Int32]: Int32] = [:]
    /// The thresholds open around the instruction being emitted (within one program).
    var depth = 0
    var deepest = 0

    init(regexAtoms: [[Int]?]) {
      self.regexAtoms = regexAtoms
    }

    /// Emits the program of one condition.
    mutating func emitProgram(_ condition: CompiledExpression) {
      depth = 0
      emit(condition)
    }

    private mutating func emit(_ expression: CompiledExpression) {
      switch expression {
      case .term(let pattern): emitLeaf([pattern])
      case .termSet(_, let patterns): emitLeaf(patterns.sorted())
      case .any(let items): emitThreshold(need: 1, items)
      case .all(let items, _): emitThreshold(need: items.count, items)
      case .atLeast(let count, let items, _): emitThreshold(need: count, items)
      case .money(_, let atoms): if let atoms { emitLeaf(atoms) } else { emitConstant() }
      case .regex(let id): if let atoms = regexAtoms[id] { emitLeaf(atoms) } else { emitConstant() }
      case .count(let inner, _): emit(inner)
      case .sequence(let first, let then, _): emitThreshold(need: 1, [first, then])
      case .not: emitConstant()
      }
    }

    private mutating func emitConstant() {
      instructions.append(Instruction(operation: .constant, first: 0, second: 0, end: Int32(instructions.count + 1)))
    }

    private mutating func emitLeaf(_ patterns: [Int]) {
      let run = patterns.map { Int32($0) }
      let leaf: Int32
      if let known = leafOfPatterns[run] {
        leaf = known
      } else {
        leaf = Int32(leafStarts.count - 1)
        pool += run
        leafStarts.append(Int32(pool.count))
        leafOfPatterns[run] = leaf
      }
      instructions.append(Instruction(operation: .leaf, first: leaf, second: 0, end: Int32(instructions.count + 1)))
    }

    /// A threshold, then its items cheapest first (none for one item needed of one: the item's
    /// answer is the threshold's).
    private mutating func emitThreshold(need: Int, _ items: [CompiledExpression]) {
      guard !(items.count == 1 && need == 1) else {
        emit(items[0])
        return
      }
      let at = instructions.count
      instructions.append(
        Instruction(operation: .threshold, first: Int32(clamping: need), second: Int32(items.count), end: 0))
      depth += 1
      deepest = max(deepest, depth)
      let ordered = items.map { (cost: cost(of: $0), item: $0) }.enumerated()
        .sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
      for entry in ordered { emit(entry.element.item) }
      depth -= 1
      instructions[at].end = Int32(instructions.count)
    }

    /// How many patterns an expression's presence test may look up.
    private func cost(of expression: CompiledExpression) -> Int {
      switch expression {
      case .term: 1
      case .termSet(_, let patterns): patterns.count
      case .money(_, let atoms): atoms?.count ?? 0
      case .regex(let id): regexAtoms[id]?.count ?? 0
      case .any(let items), .all(let items, _), .atLeast(_, let items, _): items.reduce(0) { $0 + cost(of: $1) }
      case .count(let inner, _): cost(of: inner)
      case .sequence(let first, let then, _): cost(of: first) + cost(of: then)
      case .not: 0
      }
    }
  }
}
