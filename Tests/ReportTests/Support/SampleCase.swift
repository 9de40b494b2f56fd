import Foundation
import Ingest
import Signals

@testable import Report

/// A small hand-built case: two chat participants, a note, an image and a broken file.
///
/// All names and numbers are synthetic. Offsets in the signals are Unicode-scalar offsets into the
/// unit texts below, counted by hand and checked by `SampleCaseTests`.
enum SampleCase {
  /// The verbatim V1 text of 法释〔2019〕15号 第十一条 item (四), as `lexicons/clauses.yml` holds it.
  static let art11Item4Text =
    "第十一条 为他人实施犯罪提供技术支持或者帮助，具有下列情形之一的，可以认定行为人明知他人利用信息网络实施犯罪，"
    + "但是有相反证据的除外：\n（四）提供专门用于违法犯罪的程序、工具或者其他技术支持、帮助的；\n"

  /// A catalogue with one quoted statute, one cited without text, and one analyst factor.
  static let catalogue = ClauseCatalogue(entries: [
    Clause(
      id: "interp2019.art11.3", title: "交易价格或者方式明显异常的", instrument: "法释〔2019〕15号",
      documentNumber: "法释〔2019〕15号", point: "第十一条第（三）项", verification: "P", text: nil,
      source: "test", kind: "statute"),
    Clause(
      id: "interp2019.art11.4", title: "提供专门用于违法犯罪的程序、工具或者其他技术支持、帮助的",
      instrument: "法释〔2019〕15号", documentNumber: "法释〔2019〕15号", point: "第十一条第（四）项",
      verification: "V1", text: art11Item4Text, source: "test", kind: "statute"),
    Clause(
      id: "gambling2010.s2", title: "为赌博网站提供技术支持，以开设赌场罪的共犯论处",
      instrument: "关于办理网络赌博犯罪案件适用法律若干问题的意见", documentNumber: "公通字〔2010〕40号",
      point: "二", verification: "V3", text: nil, source: "test", kind: "statute"),
    Clause(
      id: "neutral.standard-feature", title: "所提供的是通用、标准功能，并非专门用于违法犯罪",
      instrument: "中立帮助分析因素（非法律条文）", documentNumber: "", point: "第二项考量",
      verification: "analyst", text: nil, source: "test", kind: "analyst"),
  ])

  /// Three rules: two inculpatory, one exculpatory.
  static let rules = [
    LexiconRule(
      id: "gambling.win-control", packID: "gambling", title: "要求后台控制输赢", level: .high,
      weight: 0.9, clauses: ["interp2019.art11.4", "gambling2010.s2"], match: .term("控制输赢")),
    LexiconRule(
      id: "neutral.standard-product", packID: "neutral-help", title: "标准化产品", level: .info,
      weight: 0.5, polarity: .exculpatory, clauses: ["neutral.standard-feature"],
      match: .term("标准版")),
    LexiconRule(
      id: "payment.usdt", packID: "payment", title: "要求以USDT结算", level: .medium, weight: 0.6,
      clauses: ["interp2019.art11.3"], match: .term("u")),
  ]

  /// The lexicon set of the case.
  static let lexicon = LexiconSet(
    packs: [
      LexiconPack(
        id: "payment", version: "1", sha256: String(repeating: "b", count: 64), title: "支付",
        file: "lexicons/payment.yml"),
      LexiconPack(
        id: "gambling", version: "2", sha256: String(repeating: "a", count: 64), title: "赌博",
        file: "lexicons/gambling.yml"),
    ],
    rules: rules, clauses: catalogue)

  /// 2023-03-02 at the given time, Asia/Shanghai.
  static func time(_ hour: Int, _ minute: Int, _ second: Int) -> ChatTime? {
    ChatTime(
      year: 2023, month: 3, day: 2, hour: hour, minute: minute, second: second,
      raw: String(format: "2023-03-02 %02d:%02d:%02d", hour, minute, second))
  }

  /// A WeChat chat: each message a header line and body lines, a blank line between messages.
  static let chat = EvidenceDocument(
    path: "case-a/老周.txt", sha256: "3f9c" + String(repeating: "0", count: 60), bytes: 512,
    format: .wechatMemoTraceTXT, encoding: "utf-8", status: .parsed,
    units: [
      TextUnit(
        kind: .message, line: 1, endLine: 2, text: "在吗，有个活", firstBodyLine: 2, speaker: "老周",
        time: time(20, 15, 10)),
      TextUnit(
        kind: .message, line: 4, endLine: 5, text: "在的，什么活", firstBodyLine: 5, speaker: "小李",
        time: time(20, 15, 40)),
      TextUnit(
        kind: .message, line: 7, endLine: 9, text: "做个菠菜平台\n后台要能控制输赢，想让哪个号赢就让哪个号赢",
        firstBodyLine: 8, speaker: "老周", time: time(20, 16, 30)),
      TextUnit(
        kind: .message, line: 11, endLine: 12, text: "可以，价格5万，走U", firstBodyLine: 12,
        speaker: "小李", time: time(20, 17, 5)),
      TextUnit(
        kind: .message, line: 14, endLine: 15, text: "不做控制输赢的", firstBodyLine: 15,
        speaker: "小李", time: time(20, 18, 0)),
      TextUnit(
        kind: .message, line: 17, endLine: 18, text: "我们只提供标准版商城系统", firstBodyLine: 18,
        speaker: "小李", time: time(20, 19, 0)),
    ])

  /// A plain-text note without speakers or times.
  static let note = EvidenceDocument(
    path: "notes/备忘.txt", sha256: "7d21" + String(repeating: "1", count: 60), bytes: 64,
    format: .plainText, encoding: "gb18030", status: .partial,
    units: [TextUnit(kind: .line, line: 1, text: "后台控制输赢的事再说")],
    diagnostics: [
      Diagnostic(
        .warning, code: "ingest.unparsed-line", file: "notes/备忘.txt", line: 2,
        message: "line 2 could not be decoded and was skipped")
    ])

  /// An image: listed, not read.
  static let image = EvidenceDocument(
    path: "img/截图.png", sha256: "aa00" + String(repeating: "2", count: 60), bytes: 2048,
    format: .binary, status: .unsupported, reason: "PNG image: not text evidence")

  /// A file that could not be read.
  static let broken = EvidenceDocument(
    path: "broken.json", sha256: "bb00" + String(repeating: "3", count: 60), bytes: 10,
    format: .unknown, status: .error, reason: "broken.json: JSON ends in the middle of a string")

  /// All documents, deliberately out of path order.
  static let documents = [note, chat, image, broken]

  /// The scanner's output for the case, deliberately out of report order.
  static let signals = [
    Signal(
      ruleID: "neutral.standard-product", path: chat.path, unitIndex: 5, line: 17, endLine: 18,
      matched: [MatchedPart(term: "标准版", text: "标准版", start: 5, end: 8)],
      speakerRole: .subject, why: "标准版; no negation cue"),
    Signal(
      ruleID: "gambling.win-control", path: note.path, unitIndex: 0, line: 1, endLine: 1,
      matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 2, end: 6)],
      why: "控制输赢; no negation cue"),
    Signal(
      ruleID: "gambling.win-control", path: chat.path, unitIndex: 2, line: 7, endLine: 9,
      matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 11, end: 15)],
      speakerRole: .counterpart, why: "控制输赢; no negation cue"),
    Signal(
      ruleID: "payment.usdt", path: chat.path, unitIndex: 3, line: 11, endLine: 12,
      matched: [MatchedPart(term: "u", text: "U", start: 9, end: 10)], speakerRole: .subject,
      values: ["amountFen": "5000000"],
      related: [RelatedUnit(path: chat.path, line: 7, endLine: 9, role: "service")],
      why: "U near 5万; no negation cue"),
    Signal(
      ruleID: "gambling.win-control", path: chat.path, unitIndex: 4, line: 14, endLine: 15,
      matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 2, end: 6)],
      negation: .negated(cue: "不"), speakerRole: .subject, why: "控制输赢; negated by 不",
      suppressedReason: "negated by 不"),
  ]

  /// The built report.
  static func report() -> CaseReport {
    CaseReport(documents: documents, signals: signals, lexicon: lexicon, subjects: ["小李"])
  }
}
