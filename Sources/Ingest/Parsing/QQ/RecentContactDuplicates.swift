/// QQ's "export all" repeats recent conversations in a `最近联系人` block: a message of that block
/// that repeats a message of another block (same conversation, time, sender and text: the same
/// `MessageKey`) is dropped and cited where it first appears.
///
/// Only the conversations of the `最近联系人` block are compared, each message by its key.
enum RecentContactDuplicates {
  /// The indices of the records kept and of those dropped as repeats, each in file order.
  static func split(
    _ records: [HeaderRecords<QQHeader.Stamp>.Record], blocks: [QQBlocks.Block], source: SourceText
  ) -> (kept: [Int], repeated: [Int]) {
    let recentBlocks = Set(blocks.indices.filter { blocks[$0].group == QQBlocks.recentContactsGroup })
    guard records.contains(where: { recentBlocks.contains($0.context) }) else { return (Array(records.indices), []) }
    let conversation = { (block: Int) in blocks[block].object ?? source.fileStem }
    let recentConversations = Set(recentBlocks.map(conversation))
    var elsewhere = Set<MessageKey>()
    for record in records where !recentBlocks.contains(record.context) {
      let name = conversation(record.context)
      if recentConversations.contains(name) { elsewhere.insert(MessageKey(record, conversation: name, source: source)) }
    }
    var kept: [Int] = []
    var repeated: [Int] = []
    kept.reserveCapacity(records.count)
    for (index, record) in records.enumerated() {
      if recentBlocks.contains(record.context),
        elsewhere.contains(MessageKey(record, conversation: conversation(record.context), source: source))
      {
        repeated.append(index)
      } else {
        kept.append(index)
      }
    }
    return (kept, repeated)
  }
}
