/// A set of small integer ids (`0..<capacity`) that is emptied in constant time, for the
/// patterns found in a unit and the rules a unit may fire, reused unit after unit.
///
/// Each id has a stamp that equals the current epoch while the id is in the set; emptying the set
/// starts a new epoch. The members are also kept in a list, in order of insertion.
struct StampedIDSet {
  /// The members, in order of insertion.
  private(set) var members: [Int] = []
  private var stamps: [UInt32]
  private var epoch: UInt32

  /// An empty set for ids `0..<capacity`; `epoch` is the first epoch (not 0; tests start near
  /// the last one to see the stamps wrap around).
  init(capacity: Int, epoch: UInt32 = 1) {
    stamps = [UInt32](repeating: 0, count: capacity)
    self.epoch = max(epoch, 1)
  }

  /// Whether the set has no member.
  var isEmpty: Bool { members.isEmpty }

  /// Whether `id` is a member.
  @inline(__always)
  func contains(_ id: Int) -> Bool { stamps[id] == epoch }

  /// Calls `body` with a membership test that reads the stamps in place: for a loop that asks
  /// many times while calling other code, where `contains` would retain and release the stamps.
  @inline(__always)
  func withMembership<Result>(_ body: (Membership) -> Result) -> Result {
    stamps.withUnsafeBufferPointer { body(Membership(stamps: $0, epoch: epoch)) }
  }

  /// `contains` over the stamps of a set that does not change while it is asked.
  struct Membership {
    fileprivate let stamps: UnsafeBufferPointer<UInt32>
    fileprivate let epoch: UInt32

    /// Whether `id` is a member.
    @inline(__always)
    func contains(_ id: Int) -> Bool { stamps[id] == epoch }
  }

  /// Adds `id` (a no-op when it is a member already); returns whether it was new.
  @inline(__always)
  @discardableResult
  mutating func insert(_ id: Int) -> Bool {
    guard stamps[id] != epoch else { return false }
    stamps[id] = epoch
    members.append(id)
    return true
  }

  /// Empties the set, keeping its storage. Most units the sieve reads hold no pattern, so an
  /// empty list is left alone rather than emptied again through the standard library's call.
  @inline(__always)
  mutating func removeAll() {
    if !members.isEmpty { members.removeAll(keepingCapacity: true) }
    if epoch == .max {
      stamps.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
      epoch = 1
    } else {
      epoch += 1
    }
  }

  /// Sorts the members in ascending order.
  mutating func sortMembers() {
    members.sort()
  }
}
