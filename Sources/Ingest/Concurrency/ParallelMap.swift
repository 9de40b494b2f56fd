import Foundation

/// Maps a collection on all cores, keeping the input order.
public enum ParallelMap {
  /// `transform` applied to every element of `items`, run concurrently; results in input order.
  public static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) -> Result
  ) -> [Result] {
    let slots = Slots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
      slots.set(index, transform(items[index]))
    }
    return slots.values()
  }

  /// `transform` applied to every element of `items`, in input order, with the work cut into a
  /// few contiguous chunks per core (for many small items, where one task per item would cost
  /// more than the work).
  public static func mapChunked<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) -> Result
  ) -> [Result] {
    let chunkCount = min(items.count, 4 * ProcessInfo.processInfo.activeProcessorCount)
    guard chunkCount > 1 else { return items.map(transform) }
    let bounds = (0...chunkCount).map { $0 * items.count / chunkCount }
    let chunks = map(Array(0..<chunkCount)) { chunk in items[bounds[chunk]..<bounds[chunk + 1]].map(transform) }
    return chunks.flatMap { $0 }
  }

  /// Result storage shared by the workers; each index is written once, under a lock.
  private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
      lock.lock()
      storage[index] = value
      lock.unlock()
    }

    /// The stored values; every slot has been written once `concurrentPerform` returns.
    func values() -> [Value] {
      lock.lock()
      defer { lock.unlock() }
      return storage.compactMap { $0 }
    }
  }
}
