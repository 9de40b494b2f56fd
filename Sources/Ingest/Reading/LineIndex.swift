/// Maps byte offsets of a UTF-8 text whose lines are separated by `\n` to 1-based line numbers.
struct LineIndex: Sendable {
  private let starts: [Int]
  private let firstLine: Int

  /// Indexes `bytes`; the first byte is on line `firstLine`.
  init(_ bytes: some Sequence<UInt8>, firstLine: Int = 1) {
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
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
