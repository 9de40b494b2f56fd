import Foundation

/// Work done item by item, in the order the items come, on a thread of its own, so that the
/// thread feeding it goes on with the next item meanwhile: the second stage of a pipeline.
///
/// The thread is a dedicated one, not a dispatch worker, so a scan that already occupies every
/// worker cannot starve it. `put` waits while `capacity` items wait; `finish` waits until every
/// item put is done. After `finish` returns, what `work` wrote is visible to the caller.
public final class SerialStage<Item>: @unchecked Sendable {
  private let condition = NSCondition()
  private let capacity: Int
  private let work: (Item) -> Void
  private var waiting: [Item] = []
  private var closed = false
  private var done = false

  /// Starts the stage's thread, which runs `work` on each item put.
  public init(capacity: Int = 1, work: @escaping (Item) -> Void) {
    self.capacity = max(capacity, 1)
    self.work = work
    let thread = Thread { [self] in run() }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Hands `item` to the stage, waiting while `capacity` items wait.
  public func put(_ item: Item) {
    condition.lock()
    while waiting.count >= capacity { condition.wait() }
    waiting.append(item)
    condition.broadcast()
    condition.unlock()
  }

  /// Waits until every item put is done; the stage's thread then ends. Put nothing after.
  public func finish() {
    condition.lock()
    closed = true
    condition.broadcast()
    while !done { condition.wait() }
    condition.unlock()
  }

  private func run() {
    while true {
      condition.lock()
      while waiting.isEmpty && !closed { condition.wait() }
      guard !waiting.isEmpty else {
        done = true
        condition.broadcast()
        condition.unlock()
        return
      }
      let item = waiting.removeFirst()
      condition.broadcast()
      condition.unlock()
      work(item)
    }
  }
}
