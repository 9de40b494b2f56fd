/// Someone else's words reported by the speaker (`他说这种盘坚决不碰`, `老板说过他们不接博彩的`,
/// `听客户讲别家都不做这个`): a refusal or a no said there is the other person's, not the speaker's.
///
/// In the normalised text, a reporting verb (说, 讲, 表示, 称, 告诉 — not inside a word such as
/// 说明, 说实话, 讲价, 名称) whose subject is someone other than the speaker reports the words
/// after it. The subject is read from the verb's clause, right before the verb, past an addressee
/// (`跟我`, `跟你`, `对他`) and adverbs (也, 已经, 昨天 …): a third-person pronoun (他, 他们,
/// 对方, 别人 …; not 你: `你跟他说这种不做` passes on the speaker's own no), a person (老板,
/// 客户, 同事, 小王, 张总 …) or a hearsay word (听, 据: `听说`, `据他说`, `听客户讲`). The speaker's own saying (`我说了不做`, `我跟你说，这种不做`,
/// `跟他说了不接`, a subject left unsaid) reports nothing.
///
/// The reported words run from the verb (past 过, 了, 是 …) to the end of its clause; when the
/// verb ends its clause (`老板说过：…`, `听客户讲，…`) they are the next clause. They never
/// run past a sentence end or `contentReach` scalars. A verb followed by 的 reports nothing: it
/// names a thing (`他说的那种盘我们不碰`).
///
/// Every check reads a bounded stretch of scalars around the position asked about.
struct ReportedSpeech {
  let scalars: [Unicode.Scalar]

  /// Every stretch of reported words, sorted by start.
  func spans() -> [Range<Int>] {
    guard scalars.contains(where: Self.telltales.contains) else { return [] }
    var spans: [Range<Int>] = []
    for index in scalars.indices where Self.telltales.contains(scalars[index]) {
      guard let span = words(reportedAt: index) else { continue }
      if let last = spans.last, last.upperBound >= span.lowerBound {
        spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
      } else {
        spans.append(span)
      }
    }
    return spans
  }

  /// The reported words that `start..<end` lies in, or nil when it lies in none: a reporting
  /// verb at most `contentReach` scalars before it, in its sentence, reports it.
  func span(enclosing start: Int, _ end: Int) -> Range<Int>? {
    var index = start - 1
    while index >= 0, start - index <= Self.contentReach, !Self.sentenceEnds.contains(scalars[index]) {
      if Self.telltales.contains(scalars[index]), let span = words(reportedAt: index),
        span.lowerBound <= start, end <= span.upperBound
      {
        return span
      }
      index -= 1
    }
    return nil
  }

  /// The words reported by the verb starting at `index`, or nil when no reporting verb with a
  /// subject other than the speaker starts there.
  private func words(reportedAt index: Int) -> Range<Int>? {
    guard let verb = Self.verbs.first(where: { scalars[index...].starts(with: $0) }),
      !insideOtherWord(index), isReported(subjectBefore: index)
    else { return nil }
    var start = index + verb.count
    while start < scalars.count, let particle = Self.verbParticles.first(where: { scalars[start...].starts(with: $0) }) {
      start += particle.count
    }
    // `他说的那种盘我们不碰`: what he said names a thing; the words after it are the speaker's.
    guard start == scalars.count || scalars[start] != "的" else { return nil }
    if start < scalars.count, Self.isClauseMark(scalars[start]) { start += 1 }
    var end = start
    while end < scalars.count, end - start < Self.contentReach, !Self.isClauseMark(scalars[end]),
      !Self.sentenceEnds.contains(scalars[end])
    {
      end += 1
    }
    return end > start ? start..<end : nil
  }

  /// Whether the verb at `index` is part of a word that reports nothing (说明, 老实说, 名称).
  private func insideOtherWord(_ index: Int) -> Bool {
    Self.otherWords.contains { word, offsets in
      offsets.contains { offset in
        let start = index - offset
        return start >= 0 && start + word.count <= scalars.count && scalars[start...].starts(with: word)
      }
    }
  }

  /// Whether the words right before the verb at `index`, in its clause, name a subject other than
  /// the speaker (also read for a request verb's subject, `ReportedRequest`).
  func isReported(subjectBefore index: Int) -> Bool {
    var lower = index
    while lower > 0, index - lower < Self.subjectReach, !Self.isClauseMark(scalars[lower - 1]),
      !Self.sentenceEnds.contains(scalars[lower - 1])
    {
      lower -= 1
    }
    var words = ArraySlice(scalars[lower..<index].filter { !$0.isWhitespaceScalar })
    words = Self.droppingAddressee(words)
    while let adverb = Self.subjectAdverbs.first(where: { words.reversed().starts(with: $0.reversed()) }) {
      words = words.dropLast(adverb.count)
    }
    // A plural (他们, 客户们) names the same kind of subject; 我们 and 咱们 stay the speaker.
    if words.count > 1, words.last == "们", !Self.firstPerson.contains(words[words.endIndex - 2]) {
      words = words.dropLast()
    }
    return Self.others.contains { words.reversed().starts(with: $0.reversed()) }
      || Self.isPersonByTitle(words)
  }

  /// `words` without an addressee at their end (`我跟你`, `他对我`, `你给他们`): a marker (跟,
  /// 和, 对, 给, 向) followed by at most four scalars, not itself the start of a pronoun (对方).
  private static func droppingAddressee(_ words: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    guard let marker = words.lastIndex(where: addresseeMarkers.contains), words.endIndex - marker - 1 <= 4,
      marker + 1 < words.endIndex, !(words[marker] == "对" && words[marker + 1] == "方")
    else { return words }
    return words[..<marker]
  }

  /// Whether `words` end with a person named with a title (`张总`, `王哥`, `李经理`; not after 我
  /// or 们: `我总说` says "I always say") or a nickname (`小王`, `老张`, `阿强`).
  private static func isPersonByTitle(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
    let titled = titles.contains { title in
      words.count > title.count && words.reversed().starts(with: title.reversed())
        && !firstPerson.union(["们"]).contains(words[words.endIndex - title.count - 1])
    }
    if titled { return true }
    guard words.count >= 2 else { return false }
    return nicknamePrefixes.contains(words[words.endIndex - 2]) && !firstPerson.contains(words[words.endIndex - 1])
  }

  private static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
    RefusalClause.clauseMarks.contains(scalar) || scalar.isWhitespaceScalar && scalar != "\n" && scalar != "\r"
  }

  private static func words(_ list: [String]) -> [[Unicode.Scalar]] {
    list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
  }

  /// How far before a verb its subject is read, in scalars.
  static let subjectReach = 12
  /// The longest stretch of reported words, in scalars.
  static let contentReach = 30

  static let sentenceEnds = RefusalClause.sentenceEnds
  /// The reporting verbs, longest first.
  static let verbs = words(["表示", "告诉", "说", "讲", "称"])
  /// The first scalars of the verbs.
  static let telltales: Set<Unicode.Scalar> = ["表", "告", "说", "讲", "称"]
  /// What may follow a verb before the reported words.
  static let verbParticles = words(["过", "了", "着", "道", "是", "起"])
  /// Words holding a verb that report nothing, with the offsets of the verb within them.
  static let otherWords: [(word: [Unicode.Scalar], offsets: [Int])] = [
    "说明", "说法", "小说", "说服", "说好", "说定", "说不定", "说实话", "说实在", "说白了", "说真的", "说到底", "说起来", "说句",
    "解说", "学说", "演说", "虽说", "再说", "话说", "所以说", "就是说", "比如说", "老实说", "坦白说", "简单说", "来说", "换句话说",
    "应该说", "可以说", "怎么说", "这么说", "那么说", "不用说", "按理说", "照理说", "说一下", "说一声", "说下", "说话", "说了算",
    "好说", "难说", "不好说", "讲究", "讲课", "讲座", "讲解", "讲价", "演讲", "讲道理", "讲理", "讲信用", "讲义气", "讲好", "讲定",
    "名称", "简称", "全称", "对称", "称为", "称作", "称号", "称呼", "称重", "称职", "相称", "昵称", "俗称", "统称", "称赞", "称心",
    "职称", "堪称", "表示感谢", "表示歉意",
  ].map { text in
    let word = Array(text.unicodeScalars)
    let offsets = word.indices.filter { offset in verbs.contains { word[offset...].starts(with: $0) } }
    return (word, offsets)
  }
  static let addresseeMarkers: Set<Unicode.Scalar> = ["跟", "和", "对", "给", "向"]
  static let firstPerson: Set<Unicode.Scalar> = ["我", "咱"]
  /// Adverbs and times that may stand between a subject and its verb, longest first.
  static let subjectAdverbs = words([
    "也", "都", "就", "还", "又", "再", "早", "已经", "早就", "之前", "以前", "刚才", "刚刚", "刚", "昨天", "今天", "前天", "上次",
    "那天", "当时", "当面", "明确", "明明", "亲口", "一直", "也是", "就是", "直接", "私下", "后来", "当初", "原来", "总是",
    "老是", "是",
  ])
  /// Subjects other than the speaker, and hearsay words, longest first.
  static let others = words([
    "他", "她", "它", "对方", "人家", "别人", "别家", "大家", "有人", "同行", "对面", "那边", "上面", "听", "据", "听人",
    "老板", "老总", "客户", "领导", "经理", "主管", "老大", "上级", "同事", "朋友", "兄弟", "哥们", "甲方", "站长", "技术", "财务",
    "客服", "中介", "代理", "上家", "下家", "老婆", "老公", "家里", "师傅", "律师", "警察", "民警", "网警", "银行", "官方", "群主",
    "群里", "网上", "新闻", "业务员", "运营", "产品", "项目经理", "负责人",
  ])
  /// Titles that make a name a person (`张总`, `王哥`).
  static let titles = words(["总", "哥", "姐", "工", "老师", "经理", "主任", "董", "叔", "姨"])
  /// Nickname prefixes (`小王`, `老张`, `阿强`).
  static let nicknamePrefixes: Set<Unicode.Scalar> = ["小", "老", "阿"]
}
