import Foundation

/// Appends pretty-printed JSON to a byte buffer, byte for byte as `JSONEncoder` writes it with
/// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`: two-space indent, `"key" : value`,
/// `,` + newline between members, an empty container as its brackets around an empty line,
/// doubles as their shortest description without a trailing `.0`, strings escaped the same way.
///
/// Callers write an object's members in key order themselves (UTF-8 order, as the encoder sorts);
/// the `[String: String]` member sorts its keys. Nothing is built but the output bytes, so memory
/// stays at the size of the file rather than of an encoded value tree; with a file as its sink,
/// the bytes go to the file block by block and memory stays at one block.
struct PrettyJSONBuffer {
  /// Bytes are gathered here and moved to `output` (or written to `sink`) in blocks.
  private var bytes = ByteRun(capacity: PrettyJSONBuffer.blockSize + 4_096)
  private var output = Data()
  /// The file the bytes go to instead of `output`, when writing straight to a file.
  private let sink: FileHandle?
  /// The first error writing to `sink`; nothing more is written after it.
  private(set) var sinkError: (any Error)?
  private var depth = 0
  private var firstInContainer = true
  /// Whether full blocks of bytes are moved to `output` as they are written; a fragment keeps
  /// its bytes together until it is handed over.
  private var movesFullBlocks = true
  private static let blockSize = 1 << 16

  /// Creates an empty buffer with room for about `capacity` bytes.
  init(capacity: Int) {
    sink = nil
    output.reserveCapacity(capacity)
  }

  /// Creates a buffer that writes to `file` in blocks of about 64 KiB instead of keeping the
  /// bytes; call `finish(appending:)` at the end and check `sinkError`.
  init(writingTo file: FileHandle) {
    sink = file
  }

  /// Everything written, followed by `trailer` when given.
  consuming func data(appending trailer: UInt8? = nil) -> Data {
    if let trailer { bytes.append(trailer) }
    bytes.withUnsafeBufferPointer { output.append($0) }
    return output
  }

  /// Writes what is left, followed by `trailer` when given, to the sink.
  mutating func finish(appending trailer: UInt8? = nil) {
    if let trailer { bytes.append(trailer) }
    moveBytes()
  }

  /// Moves the gathered bytes to the output or the sink.
  private mutating func moveBytes() {
    if sink == nil {
      bytes.withUnsafeBufferPointer { output.append($0) }
    } else {
      emit(bytes.withUnsafeBufferPointer { Data(buffer: $0) })
    }
    bytes.removeAll()
  }

  /// Appends finished bytes to the output, or writes them to the sink.
  private mutating func emit(_ data: Data) {
    guard let sink else {
      output.append(data)
      return
    }
    guard sinkError == nil, !data.isEmpty else { return }
    do {
      try sink.write(contentsOf: data)
    } catch {
      sinkError = error
    }
  }

  /// The elements of an array at nesting `depth` (the array's own depth plus one), rendered
  /// apart so that parts of one array can be rendered concurrently; see `array(fragments:)`.
  static func fragment<Item>(
    depth: Int, _ items: some Sequence<Item>, _ element: (inout PrettyJSONBuffer, Item) -> Void
  ) -> Data {
    var buffer = PrettyJSONBuffer(fragmentDepth: depth)
    for item in items { buffer.element { element(&$0, item) } }
    return buffer.data()
  }

  /// An empty fragment at nesting `depth`, to be given its elements one at a time with
  /// `element(_:)`; its `data()` are the bytes `fragment(depth:_:_:)` gives for those elements,
  /// and `passFragment(_:)` hands them over in parts, each a fragment of its own.
  init(fragmentDepth depth: Int) {
    self.init(capacity: 0)
    self.depth = depth
    movesFullBlocks = false
  }

  /// Writes the next element of a fragment (see `init(fragmentDepth:)`) with `body`.
  mutating func element(_ body: (inout PrettyJSONBuffer) -> Void) {
    separate()
    body(&self)
  }

  /// The number of bytes of a fragment's elements written and not yet handed over.
  var fragmentByteCount: Int { bytes.count }

  /// Hands the elements of a fragment written so far to `body`, as the bytes of a fragment of
  /// their own, and goes on with an empty fragment at the same depth (keeping the room).
  mutating func passFragment<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    let result = bytes.withUnsafeBufferPointer { body(UnsafeRawBufferPointer($0)) }
    bytes.removeAll()
    firstInContainer = true
    return result
  }

  /// Writes an array whose elements were rendered by `fragment` at this buffer's depth plus one,
  /// in order; `nextBatch` gives the fragments a few at a time and nil at the end, so that only
  /// one batch is held at once. Empty fragments add nothing.
  mutating func array(fragmentBatches nextBatch: () -> [Data]?) {
    open(0x5B)
    while let batch = nextBatch() {
      for fragment in batch where !fragment.isEmpty {
        if !firstInContainer { appendComma() }
        firstInContainer = false
        moveBytes()
        emit(fragment)
      }
    }
    close(0x5D)
  }

  /// The nesting depth new members and elements are written at.
  var currentDepth: Int { depth }

  /// Moves the gathered bytes to the output once a block is full; called between values.
  private mutating func flushIfFull() {
    guard movesFullBlocks, bytes.count >= Self.blockSize else { return }
    moveBytes()
  }

  /// Writes an object; `body` writes its members in key order.
  mutating func object(_ body: (inout PrettyJSONBuffer) -> Void) {
    open(0x7B)
    body(&self)
    close(0x7D)
  }

  /// Writes an array of `items`, each with `element`.
  mutating func array<Item>(_ items: some Sequence<Item>, _ element: (inout PrettyJSONBuffer, Item) -> Void) {
    open(0x5B)
    for item in items {
      separate()
      element(&self, item)
    }
    close(0x5D)
  }

  /// Writes `"key" : ` as the next member of the current object, after the separator and the
  /// indent (`separate()`), all put together first and appended at once: a member's start,
  /// appended a byte or two at a time, cost as much as its value.
  mutating func key(_ key: StaticString) {
    flushIfFull()
    let comma = firstInContainer ? 0 : 2
    firstInContainer = false
    let indent = 2 * depth
    let keyCount = key.utf8CodeUnitCount
    bytes.append(length: comma + indent + keyCount + 5) { start in
      if comma > 0 {
        start[0] = 0x2C
        start[1] = 0x0A
      }
      (start + comma).update(repeating: 0x20, count: indent)
      var next = comma + indent
      start[next] = 0x22
      next += 1
      (start + next).update(from: key.utf8Start, count: keyCount)
      next += keyCount
      start[next] = 0x22
      start[next + 1] = 0x20
      start[next + 2] = 0x3A
      start[next + 3] = 0x20
    }
  }

  /// A string member.
  mutating func member(_ key: StaticString, _ value: String) {
    self.key(key)
    string(value)
  }

  /// A string member, left out when nil (as `encodeIfPresent` does).
  mutating func member(_ key: StaticString, _ value: String?) {
    guard let value else { return }
    member(key, value)
  }

  /// An integer member.
  mutating func member(_ key: StaticString, _ value: Int) {
    self.key(key)
    integer(value)
  }

  /// An integer member, left out when nil.
  mutating func member(_ key: StaticString, _ value: Int?) {
    guard let value else { return }
    member(key, value)
  }

  /// A number member.
  mutating func member(_ key: StaticString, _ value: Double) {
    self.key(key)
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  /// An array-of-strings member.
  mutating func member(_ key: StaticString, _ values: [String]) {
    self.key(key)
    array(values) { $0.string($1) }
  }

  /// A `[String: String]` member, keys in UTF-8 order.
  mutating func member(_ key: StaticString, _ values: [String: String]) {
    self.key(key)
    open(0x7B)
    if values.count == 1, let only = values.first {
      separate()
      string(only.key)
      appendColon()
      string(only.value)
    } else if !values.isEmpty {
      for (name, value) in values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
        separate()
        string(name)
        appendColon()
        string(value)
      }
    }
    close(0x7D)
  }

  /// A string value, quoted and escaped like `JSONEncoder` (slashes not escaped).
  mutating func string(_ value: String) {
    var text = value
    let plain = text.withUTF8 { utf8 -> Bool in
      guard !ByteScan.needsJSONEscape(utf8) else { return false }
      bytes.append(0x22)
      bytes.append(contentsOf: utf8)
      bytes.append(0x22)
      return true
    }
    if !plain { escapedString(value) }
  }

  /// A string value with characters to escape, a byte at a time.
  private mutating func escapedString(_ value: String) {
    bytes.append(0x22)
    for byte in value.utf8 {
      switch byte {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
      case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
      case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
      case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
      case 0x00...0x1F:
        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
        bytes.append(Self.hexDigit(byte >> 4))
        bytes.append(Self.hexDigit(byte & 0x0F))
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
  }

  /// An integer value.
  mutating func integer(_ value: Int) {
    bytes.append(contentsOf: String(value).utf8)
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    bytes.append(0x0A)
    depth += 1
    firstInContainer = true
  }

  private mutating func close(_ bracket: UInt8) {
    bytes.append(0x0A)
    depth -= 1
    indent()
    bytes.append(bracket)
    firstInContainer = false
  }

  /// Before a member or element: `,` + newline unless it is the first, then the indent.
  private mutating func separate() {
    flushIfFull()
    if !firstInContainer { appendComma() }
    firstInContainer = false
    indent()
  }

  /// Two spaces per level, copied from `spaces` (appending a `repeatElement` goes through the
  /// generic, element-by-element path).
  private mutating func indent() {
    let count = 2 * depth
    guard count <= Self.spaces.count else {
      bytes.append(contentsOf: repeatElement(0x20, count: count))
      return
    }
    Self.spaces.withUnsafeBufferPointer { spaces in
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[..<count]))
    }
  }

  /// The indent of up to 32 levels.
  private static let spaces = [UInt8](repeating: 0x20, count: 64)

  /// `,` and a newline, between the members or elements of a container.
  private mutating func appendComma() {
    bytes.append(0x2C)
    bytes.append(0x0A)
  }

  /// ` : `, between a key and its value.
  private mutating func appendColon() {
    bytes.append(0x20)
    bytes.append(0x3A)
    bytes.append(0x20)
  }
}
