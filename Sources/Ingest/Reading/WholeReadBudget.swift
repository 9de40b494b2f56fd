import Foundation

/// Bounds the bytes of the files read whole at the same time by the workers of one scan.
///
/// A file read whole costs one to two and a half times its size while it is parsed (its text,
/// the place of every message, a batch of units), so two large exports read side by side could
/// pass the scan's memory bound even though each alone stays under it. A worker reserves its
/// file's size before reading it and waits while other reservations would take the total above
/// the capacity; a file larger than the capacity is read when nothing else is. Files read in
/// pieces reserve a fixed share (see `EvidenceFolder.read(_:streaming:pieces:)`). Reservations
/// are admitted in the order they were asked for, so a stream of small files never keeps a large
/// one waiting for ever.
final class WholeReadBudget: @unchecked Sendable {
  private let condition = NSCondition()
  /// The bytes that may be reserved at once.
  let capacity: Int
  /// The bytes reserved now.
  private var reserved = 0
  /// The turn of the next reservation asked for, and the turn admitted next.
  private var nextTurn = 0
  private var turnServed = 0
  /// How many reservations wait to be admitted.
  var waiting: Int {
    condition.lock()
    defer { condition.unlock() }
    return nextTurn - turnServed
  }

  /// The bytes reserved now.
  var reservedBytes: Int {
    condition.lock()
    defer { condition.unlock() }
    return reserved
  }

  /// A budget of `capacity` bytes.
  init(capacity: Int) {
    self.capacity = max(capacity, 1)
  }

  /// Runs `body` once `bytes` are reserved (at once when `bytes` is 0), then releases them.
  func whileReserving<Result>(_ bytes: Int, _ body: () -> Result) -> Result {
    guard bytes > 0 else { return body() }
    condition.lock()
    let turn = nextTurn
    nextTurn += 1
    while turn != turnServed || !admissible(bytes) { condition.wait() }
    reserved += bytes
    turnServed += 1
    condition.broadcast()
    condition.unlock()
    defer {
      condition.lock()
      reserved -= bytes
      condition.broadcast()
      condition.unlock()
    }
    return body()
  }

  /// Whether `bytes` more may be reserved now: they fit, or nothing else is reserved.
  private func admissible(_ bytes: Int) -> Bool {
    reserved == 0 || reserved + bytes <= capacity
  }
}
