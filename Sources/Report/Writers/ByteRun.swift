/// The growing run of bytes `PrettyJSONBuffer` writes, appended through a pointer. An array of
/// bytes checked its uniqueness and its room in calls of their own for every byte appended,
/// which cost the JSON writer more than the bytes; here one inlined check covers each append.
///
/// It has value semantics: a copy shares the memory until either is appended to.
struct ByteRun {
  private var storage: ByteStorage
  /// The number of bytes in the run.
  private(set) var count = 0

  /// An empty run with room for `capacity` bytes.
  init(capacity: Int) {
    storage = ByteStorage(capacity: max(capacity, 64))
  }

  /// Whether the run holds no bytes.
  var isEmpty: Bool { count == 0 }

  /// Appends `byte`.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    room(for: 1).pointee = byte
    count += 1
  }

  /// Appends the bytes of `source`.
  @inline(__always)
  mutating func append(contentsOf source: UnsafeBufferPointer<UInt8>) {
    guard let base = source.baseAddress, !source.isEmpty else { return }
    room(for: source.count).update(from: base, count: source.count)
    count += source.count
  }

  /// Appends the bytes of `source`, straight from its memory where it has them together.
  mutating func append(contentsOf source: some Collection<UInt8>) {
    let copied: Void? = source.withContiguousStorageIfAvailable { append(contentsOf: $0) }
    guard copied == nil else { return }
    let start = room(for: source.count)
    for (offset, byte) in source.enumerated() { start[offset] = byte }
    count += source.count
  }

  /// Appends `length` bytes that `fill` writes from the pointer it is given.
  @inline(__always)
  mutating func append(length: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) {
    fill(room(for: length))
    count += length
  }

  /// Removes every byte, keeping the room.
  mutating func removeAll() {
    count = 0
  }

  /// Runs `body` on the bytes of the run.
  func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    withExtendedLifetime(storage) { body(UnsafeBufferPointer(start: storage.start, count: count)) }
  }

  /// Where `extra` more bytes go, in memory of this run's own with room for them.
  @inline(__always)
  private mutating func room(for extra: Int) -> UnsafeMutablePointer<UInt8> {
    if count + extra > storage.capacity || !isKnownUniquelyReferenced(&storage) { grow(toHold: count + extra) }
    return storage.start + count
  }

  /// Moves the bytes to memory of this run's own with room for `needed` bytes, twice the room
  /// before at least.
  private mutating func grow(toHold needed: Int) {
    let larger = ByteStorage(capacity: max(needed, 2 * storage.capacity))
    larger.start.update(from: storage.start, count: count)
    storage = larger
  }
}

/// Memory for the bytes of a `ByteRun`, freed with it.
private final class ByteStorage {
  /// The first byte.
  let start: UnsafeMutablePointer<UInt8>
  /// The number of bytes there is room for.
  let capacity: Int

  init(capacity: Int) {
    start = .allocate(capacity: capacity)
    self.capacity = capacity
  }

  deinit { start.deallocate() }
}
