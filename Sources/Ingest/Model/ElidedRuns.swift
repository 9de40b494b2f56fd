extension Array where Element == TextUnit {
  /// Appends a message a `UnitSieve` let pass unread, on lines `line...endLine`: it lengthens
  /// the run the last unit stands for when that is an `elided` run of the same conversation, and
  /// starts a run otherwise. A run of unread messages thus costs one unit, not one per message.
  mutating func appendElided(line: Int, endLine: Int, conversation: String?) {
    if let last = indices.last, self[last].kind == .elided, self[last].conversation == conversation {
      self[last].endLine = endLine
      self[last].span += 1
    } else {
      append(.elided(line: line, endLine: endLine, conversation: conversation))
    }
  }

  /// `appendElided` for a parser all of whose units are of one conversation and that knows
  /// whether the last unit is an elided run it appended (`lastIsElided`): no conversation is
  /// compared, which the sieve's every unread message would otherwise pay for.
  mutating func appendElided(line: Int, endLine: Int, conversation: String?, lastIsElided: Bool) {
    guard lastIsElided, let last = indices.last else {
      append(.elided(line: line, endLine: endLine, conversation: conversation))
      return
    }
    self[last].endLine = endLine
    self[last].span += 1
  }
}
