/// Whether a rule may fire on a unit given the literal patterns found in it: the test made on
/// every unit that holds a phrase some rule is indexed under (a quarter of all chat messages), so
/// it is compiled once, for every rule, into flat integer programs run with no recursion, no
/// reference counting and no allocation.
///
/// A condition is read as a presence test: a term or term set needs one of its patterns, `all`
/// every item, `at_least n` n items, `any` and `sequence` one, `count` its item; a `money` or
/// `re` leaf needs one of its atoms (nothing when it has no atoms). Positions (`near`), amounts
/// and negation are left to the evaluation. A rule without a condition (a price rule: its service
/// may be named in a neighbouring unit) always may fire.
///
/// Each condition becomes a post-order program: a leaf pushes whether one of its patterns is
/// present, a constant pushes true, and a threshold pops its `arity` answers and pushes whether
/// at least `need` of them are true (`any` needs 1, `all` its arity, `at_least n` n).
struct PresenceProgram: Sendable {
  /// What one instruction does; the meaning of `first` and `second` depends on it.
  private enum Operation: UInt8, Sendable {
    /// Pushes whether a pattern of `pool[first..<second]` is present.
    case leaf
    /// Pushes true.
    case constant
    /// Pops `second` answers and pushes whether at least `first` are true.
    case threshold
  }

  /// One instruction of a program.
  private struct Instruction: Sendable {
    var operation: Operation
    var first: Int32
    var second: Int32
  }

  /// The programs of all rules, one after the other.
  private let instructions: [Instruction]
  /// The pattern ids of the leaves, one run per leaf.
  private let pool: [Int32]
  /// The program of rule `r` is `instructions[starts[r]..<starts[r + 1]]`.
  private let starts: [Int32]
  /// The most answers any program holds at once.
  private let stackCapacity: Int

  /// The programs of `rules` (in order): each rule's `match`, a price rule's a constant.
  init(rules: [CompiledRule], regexAtoms: [[Int]?]) {
    self.init(conditions: rules.map { $0.isPriceRule ? nil : $0.match }, regexAtoms: regexAtoms)
  }

  /// The programs of `conditions` (in order; nil always may fire), given the atoms of each regex
  /// (nil when it has none).
  init(conditions: [CompiledExpression?], regexAtoms: [[Int]?]) {
    var compiler = Compiler(regexAtoms: regexAtoms)
    var starts: [Int32] = [0]
    for condition in conditions {
      compiler.emitProgram(condition)
      starts.append(Int32(compiler.instructions.count))
    }
    instructions = compiler.instructions
    pool = compiler.pool
    self.starts = starts
    stackCapacity = max(compiler.highWater, 1)
  }

  /// Whether rule `rule` may fire on a unit in which exactly the patterns of `found` occur.
  func mayFire(_ rule: Int, given found: StampedIDSet) -> Bool {
    let range = Int(starts[rule])..<Int(starts[rule + 1])
    if range.count == 1 {
      let only = instructions[range.lowerBound]
      switch only.operation {
      case .leaf: return anyPresent(only, found)
      case .constant: return true
      case .threshold: return only.first <= 0
      }
    }
    return withUnsafeTemporaryAllocation(of: Bool.self, capacity: stackCapacity) { stack in
      var top = 0
      for index in range {
        let instruction = instructions[index]
        switch instruction.operation {
        case .leaf:
          stack[top] = anyPresent(instruction, found)
          top += 1
        case .constant:
          stack[top] = true
          top += 1
        case .threshold:
          let arity = Int(instruction.second)
          var trues = 0
          for slot in (top - arity)..<top where stack[slot] { trues += 1 }
          top -= arity
          stack[top] = trues >= Int(instruction.first)
          top += 1
        }
      }
      return stack[0]
    }
  }

  /// Whether one of the patterns of a leaf is present.
  @inline(__always)
  private func anyPresent(_ leaf: Instruction, _ found: StampedIDSet) -> Bool {
    for index in Int(leaf.first)..<Int(leaf.second) where found.contains(Int(pool[index])) { return true }
    return false
  }

  /// Emits the instructions of conditions and tracks how many answers they hold at once.
  private struct Compiler {
    let regexAtoms: [[Int]?]
    var instructions: [Instruction] = []
    var pool: [Int32] = []
    /// The answers on the stack after the instructions emitted so far (within one program).
    var depth = 0
    var highWater = 0

    init(regexAtoms: [[Int]?]) {
      self.regexAtoms = regexAtoms
    }

    /// Emits one program: `condition`'s, or a constant for nil.
    mutating func emitProgram(_ condition: CompiledExpression?) {
      depth = 0
      if let condition { emit(condition) } else { emitConstant() }
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
      }
    }

    private mutating func emitConstant() {
      instructions.append(Instruction(operation: .constant, first: 0, second: 0))
      push()
    }

    private mutating func emitLeaf(_ patterns: [Int]) {
      let start = Int32(pool.count)
      pool += patterns.map { Int32($0) }
      instructions.append(Instruction(operation: .leaf, first: start, second: Int32(pool.count)))
      push()
    }

    /// The items, then a threshold over their answers (none for one item needed of one: the
    /// item's answer is the threshold's).
    private mutating func emitThreshold(need: Int, _ items: [CompiledExpression]) {
      for item in items { emit(item) }
      guard !(items.count == 1 && need == 1) else { return }
      instructions.append(Instruction(operation: .threshold, first: Int32(clamping: need), second: Int32(items.count)))
      depth -= items.count
      push()
    }

    private mutating func push() {
      depth += 1
      highWater = max(highWater, depth)
    }
  }
}
