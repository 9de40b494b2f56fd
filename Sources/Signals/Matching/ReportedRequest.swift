/// A request or proposal someone else made, as the speaker reports it (`客户说要用U付款`,
/// `老板让我加控制输赢`, `对方要走USDT`, `有人找我做菠菜平台`): what it asks for is the other
/// person's words, and the speaker's answer in a later clause decides whether the speaker took it
/// up (`RequestAnswer`).
///
/// In the normalised text a request is either someone else's reported words (`ReportedSpeech`:
/// `客户说要用U付款`) or the words from a request verb (要求, 要, 想, 让, 叫, 请, 问, 找, 希望 …;
/// not inside a word such as 要是, 问题, 想法) whose subject, read as `ReportedSpeech` reads a
/// reporting verb's, is someone other than the speaker, to the end of the verb's clause. `我要用U付款`
/// and a request with its subject unsaid (`要用U付款`) are the speaker's own, no one else's request.
///
/// Every check reads a bounded stretch of scalars before the position asked about.
struct ReportedRequest {
  let scalars: [Unicode.Scalar]

  /// The request that `start..<end` lies in, or nil when it lies in none: someone else's
  /// reported words, or a request verb at most `ReportedSpeech.contentReach` scalars before it in
  /// its clause, with someone else as its subject.
  func span(enclosing start: Int, _ end: Int) -> Range<Int>? {
    guard start >= 0, start < end, end <= scalars.count else { return nil }
    let speech = ReportedSpeech(scalars: scalars)
    if let words = speech.span(enclosing: start, end) { return words }
    var index = start
    while index >= 0, start - index <= ReportedSpeech.contentReach {
      let scalar = scalars[index]
      if index < start, RefusalClause.isClauseMark(scalar) || RefusalClause.sentenceEnds.contains(scalar) { break }
      if Self.telltales.contains(scalar), Self.verbs.contains(where: { scalars[index...].starts(with: $0) }),
        !insideOtherWord(index), speech.isReported(subjectBefore: index)
      {
        return index..<clauseEnd(from: end)
      }
      index -= 1
    }
    return nil
  }

  /// Where the clause holding `position` ends: at its clause mark, sentence end or the end of
  /// the unit, at most `ReportedSpeech.contentReach` scalars on.
  private func clauseEnd(from position: Int) -> Int {
    var end = position
    while end < scalars.count, end - position < ReportedSpeech.contentReach, !RefusalClause.isClauseMark(scalars[end]),
      !RefusalClause.sentenceEnds.contains(scalars[end])
    {
      end += 1
    }
    return end
  }

  /// Whether the verb at `index` starts a word that requests nothing (要是, 问题, 想法).
  private func insideOtherWord(_ index: Int) -> Bool {
    Self.otherWords.contains { scalars[index...].starts(with: $0) }
  }

  private static func words(_ list: [String]) -> [[Unicode.Scalar]] {
    list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
  }

  /// The request verbs, longest first.
  static let verbs = words([
    "要求", "需要", "想要", "想让", "希望", "打算", "非要", "坚持要", "提出", "要", "想", "让", "叫", "请", "问", "找",
  ])
  /// The first scalars of the verbs.
  static let telltales = Set(verbs.compactMap(\.first))
  /// Words starting with a request verb that request nothing.
  static let otherWords = words([
    "要是", "要么", "要不", "想法", "想到", "想起", "想想", "想不到", "问题", "问好", "叫做", "找到", "找不到", "请假", "让步",
  ])
}
