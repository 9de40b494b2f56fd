/// A QQ message-manager TXT file split into its conversation blocks and header records.
struct QQBlocks {
  /// One block: the `消息分组` that opened it and the `消息对象` named in it, where given.
  struct Block {
    var group: String?
    var object: String?
    /// The line of the `消息对象` that named `object`.
    var objectLine: Int?
  }

  /// The group QQ adds to "export all" that repeats conversations found in other groups.
  static let recentContactsGroup = "最近联系人"

  /// The blocks, in file order; block 0 holds what comes before the first `消息分组` line.
  let blocks: [Block]
  /// The records; each record's `context` is the index of its block.
  let records: HeaderRecords<QQHeader.Stamp>

  /// Splits `source`. Lines are read as bytes; only those that open like a header (an ASCII
  /// digit) or like a structure line (`=` or the lead byte of 消) are read as text. A line that
  /// opens like a header but is not one, or opens with a full-width character (a full-width digit
  /// typed for an ASCII one), is an unreadable header when it is an attempt at one
  /// (`HeaderAttempt`).
  static func split(_ source: SourceText) -> QQBlocks {
    var blocks = [Block()]
    // The first line of each block after block 0, ascending.
    var blockStarts: [Int] = []
    let records = HeaderRecords<QQHeader.Stamp>(
      source,
      byteRole: { number, bytes in
        guard let lead = bytes.first else { return .other }
        if lead >= 0x30, lead <= 0x39 {
          if let stamp = QQHeader.stamp(source.line(number)) { return .header(stamp) }
          return HeaderAttempt.timestampLength(bytes) == nil ? .other : .unreadableHeader
        }
        if lead == 0xEF { return HeaderAttempt.timestampLength(bytes) == nil ? .other : .unreadableHeader }
        guard lead == 0x3D || lead == 0xE6 else { return .other }
        let line = source.line(number)
        if let (key, value) = QQMessageManagerTXTParser.blockField(line) {
          if key == "消息分组" {
            blocks.append(Block(group: value))
            blockStarts.append(number)
          } else {
            blocks[blocks.count - 1].object = value
            blocks[blocks.count - 1].objectLine = number
          }
          return .structure
        }
        if line == QQMessageManagerTXTParser.separator || line.hasPrefix(QQMessageManagerTXTParser.fileTitle) {
          return .structure
        }
        return .other
      },
      context: { line in
        // The number of blocks opened at or before `line`.
        var low = 0
        var high = blockStarts.count
        while low < high {
          let middle = (low + high) / 2
          if blockStarts[middle] <= line { low = middle + 1 } else { high = middle }
        }
        return low
      })
    return QQBlocks(blocks: blocks, records: records)
  }
}
