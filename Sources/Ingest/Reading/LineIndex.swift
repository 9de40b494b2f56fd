/// Maps byte offsets of a UTF-8 text to 1-based line numbers, counting LF, CRLF and a lone CR
/// each as one break, as `SourceLines` does.
struct LineIndex: Sendable {
  private let starts: [Int]
  private let firstLine: Int

  /// Indexes `bytes`; the first byte is on line `firstLine`.
  init(_ bytes: some Sequence<UInt8>, firstLine: Int = 1) {
    var starts = [0]
    var previous: UInt8 = 0
    for (offset, byte) in bytes.enumerated() {
      if byte == 0x0A {
        starts.append(offset + 1)
      } else if previous == 0x0D {
        starts.append(offset)
      }
      previous = byte
    }
    self.starts = starts
    self.firstLine = firstLine
  }

  /// The line of the byte at `offset`.
  func line(at offset: Int) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return firstLine + low
  }
}
