/// QQ's "export all" repeats recent conversations in a `最近联系人` block: a message of that block
/// that repeats a message of another block (same conversation, time, sender and text) is dropped
/// and cited where it first appears.
///
/// Only the conversations of the `最近联系人` block are compared, and a message's text is kept only
/// as a hash until two keys meet, when the texts themselves are compared.
enum RecentContactDuplicates {
  /// What identifies a message across blocks; `textHash` stands for its text.
  private struct Key: Hashable {
    let conversation: String
    let time: Int64?
    let sender: String?
    let textHash: Int
  }

  /// The indices of the records kept and of those dropped as repeats, each in file order.
  static func split(
    _ records: [HeaderRecords<QQHeader.Stamp>.Record], blocks: [QQBlocks.Block], source: SourceText
  ) -> (kept: [Int], repeated: [Int]) {
    let recentBlocks = Set(blocks.indices.filter { blocks[$0].group == QQBlocks.recentContactsGroup })
    guard records.contains(where: { recentBlocks.contains($0.context) }) else { return (Array(records.indices), []) }
    let conversation = { (block: Int) in blocks[block].object ?? source.fileStem }
    let recentConversations = Set(recentBlocks.map(conversation))
    func text(_ record: HeaderRecords<QQHeader.Stamp>.Record) -> String {
      record.body.map { source.text(from: $0.lowerBound, through: $0.upperBound) } ?? ""
    }
    func key(_ record: HeaderRecords<QQHeader.Stamp>.Record) -> Key {
      let header = QQHeader(line: source.line(record.headerLine), stamp: record.header)
      let isSystem = header.nickname == "系统消息"
      return Key(
        conversation: conversation(record.context),
        time: header.time.chatTime(options: source.options, raw: header.rawTime)?.epochSeconds,
        sender: isSystem ? nil : header.accountID ?? header.nickname, textHash: text(record).hashValue)
    }
    let isElsewhere = { (record: HeaderRecords<QQHeader.Stamp>.Record) in
      !recentBlocks.contains(record.context) && recentConversations.contains(conversation(record.context))
    }
    // The first record of each key; another with the same key repeats its text unless the hashes
    // of two texts collide, when every record of the key is compared.
    var elsewhere: [Key: Int] = [:]
    for (index, record) in records.enumerated() where isElsewhere(record) {
      let recordKey = key(record)
      if elsewhere[recordKey] == nil { elsewhere[recordKey] = index }
    }
    var kept: [Int] = []
    var repeated: [Int] = []
    kept.reserveCapacity(records.count)
    for (index, record) in records.enumerated() {
      if recentBlocks.contains(record.context) {
        let recordKey = key(record)
        if let first = elsewhere[recordKey] {
          let own = text(record)
          if text(records[first]) == own
            || records.contains(where: { isElsewhere($0) && key($0) == recordKey && text($0) == own })
          {
            repeated.append(index)
            continue
          }
        }
      }
      kept.append(index)
    }
    return (kept, repeated)
  }
}
