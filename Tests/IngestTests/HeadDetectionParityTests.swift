import Testing

@testable import Ingest

/// The detectors that read a file's head in place as bytes answer exactly as they did on
/// `Substring`s (`HeadDetectionReference`), on heads of every format and near misses, each also
/// with a leading U+FEFF, CRLF breaks, blank lines first, decoded from GB18030, cut short and
/// empty; MemoTrace's flavour test also on seeded random chats up to past its 2,000-line sample,
/// where it now stops as soon as the rest cannot change its answer.
@Suite struct HeadDetectionParityTests {
  private static func source(_ text: String, encoding: TextEncoding = .utf8) -> SourceText {
    SourceText(text: text, path: "聊天.txt", encoding: encoding, options: IngestOptions())
  }

  /// Heads of the formats concerned and their near misses, one a string.
  static let heads: [String] = [
    "",
    "\n",
    "   \n\t\n",
    "2024-05-01 08:00:00 阿明\n好的\n\n2024-05-01 08:01:00 老K\n  [图片]\n\n",
    "2024-05-01 08:00:00 阿明\n【图片】\n\n2024-05-01 08:01:00\n你撤回了一条消息\n\n",
    "1|老周:2023-03-01 10:06:40:你好\n2|me:2023-03-01 10:06:41:在\n",
    "1|老周:2023-03-01 10:06:40:你好\n随便一行\n另一行\n还有一行\n",
    "1|老周:2023-03-01 10:06:40:你好\n随便一行\n",
    "+1|老周:2023-03-01 10:06:40.123456:你好\n-2|a:b:2023-03-01 10:06:41:x\n",
    "1|\u{301}老周:2023-03-01 10:06:40:你好\n1|老周:2023-03-01 10:06:40:好\n",
    "１|老周:2023-03-01 10:06:40:你好\n",
    "12x|老周:2023-03-01 10:06:40:你好\n",
    "|老周:2023-03-01 10:06:40:你好\n",
    "1|老周 没有时间\n1|老周:2023-03-01 10:06:40:你好\n1|老周:2023-03-01 10:06:40:你好\n",
    "99999999999999999999|老周:2023-03-01 10:06:40:你好\n",
    "From: a@example.com\nTo: b@example.com\nSubject: 报价\nDate: Mon, 1 May 2023 10:00:00 +0800\n\n正文\n",
    "FROM: a@example.com\n  folded\nX-Mailer: x\nMessage-ID: <1@x>\nMIME-Version: 1.0\n\n",
    "From: a@example.com\n \u{301}x\nTo: b\nCc: c\n\n",
    "From: a@example.com\nTo: b\nFrom : c\nSubject: x\n\n",
    "发件人: a@example.com\nFrom: a\nTo: b\nDate: c\n\n",
    "From:\u{301} a\nTo: b\nSubject: c\n\n",
    "From\u{301}: a\nTo: b\nSubject: c\n\n",
    "From: a\nTo: b\nSubject:\n",
    "From: a\nTo: b\nno colon here\nSubject: c\n",
    ":empty\nFrom: a\nTo: b\nDate: c\n\n",
    "Ｆrom: a\nTo: b\nDate: c\nFrom: d\n\n",
    "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n1,2,1,0,1,1,2,你好,2023,备注,昵称,wxid\n",
    "\"localId\",\"TalkerId\",\"Type\",\"SubType\",\"IsSender\",\"CreateTime\",\"Status\",\"StrContent\",\"StrTime\",\"Remark\",\"NickName\",\"Sender\"\n",
    "消息ID,类型,发送人,时间,内容,备注,昵称,更多信息\n1,文本,阿明,2024-05-01 08:00:00,好的,,,\n",
    "消息ID,类型,发送人,时间,内容,备注,昵称,\u{301}更多信息\n",
    "Time,SenderName,Sender,TalkerName,Talker,Content\n2024-05-01 08:00:00,阿明,wxid_a,群,room,好的\n",
    "发送人,时间,内容\n阿明,2024-05-01 08:00:00,好的\n",
    "发送人，时间，内容\n",
    "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n",
    "\"\",\",\"\n",
    ",\n",
    "a,b\n",
    String(repeating: "列,", count: 1_500) + "内容,发送人\n",
    "const local_mywxid = 'wxid_a';\nconst local_msg_count = 3;\nconst local_msg_list = [];\n",
    "  const local_mywxid = 'wxid_a';\n\tconst local_msg_count = 3;\n",
    "const local_msg_list = [{\"MsgSvrID\": 1}]\n",
    "const local_msg_list =[]\n",
    "const local_msg_list = \u{301}[]\n",
    " \u{301}const local_mywxid = 'a';\nconst local_msg_count = 1;\n",
    "constant local_msg_list = []\nconst local_mywxid = 'a';\n",
    "[\n    {\n        \"MsgSvrID\": 1,\n        \"type_name\": \"文本\",\n        \"talker\": \"wxid_a\",\n        \"room_name\": \"x\",\n        \"msg\": \"好\"\n    }\n]\n",
    "[\u{301}{\"MsgSvrID\": 1}]\n",
    "{\"about\": \"x\", \"chats\": {\"list\": []}}\n",
    "<!DOCTYPE html>\n<html><body>你好</body></html>\n",
    "\u{3000}\u{00A0}<html>\n",
    " \u{301}<html>\n",
    "\u{0B}\u{0C}{\n",
    "e\u{301}tc\n",
    "😀 早\n",
    "今天开会：下午三点\n",
    "好的，收到\n[图片]\n",
    "\u{FFFD}\u{FFFD}乱码\nFrom: a\n",
    "From: <Save by Tencent MsgMgr>\nSubject: Tencent IM Message\nMIME-Version: 1.0\n\n",
    "MIME-Version: 1.0\nSave by Tencent MsgMg\nTencent IM Messag\n",
    "Tencent IM Message",
    "Save by Tencent MsgMgr",
  ]

  /// `text` and its variants: a leading U+FEFF, CRLF breaks, blank lines first, and cut short at
  /// a few places (truncated files, the last line without its break).
  static func variants(_ text: String) -> [String] {
    var all = [text, "\u{FEFF}" + text, text.replacingLineFeeds(with: "\r\n"), "\n\n \t\n" + text, "\r\n" + text]
    let scalars = Array(text.unicodeScalars)
    for cut in Set([scalars.count / 3, scalars.count / 2, max(scalars.count - 1, 0)]) {
      var truncated = String.UnicodeScalarView()
      truncated.append(contentsOf: scalars.prefix(cut))
      all.append(String(truncated))
    }
    return all
  }

  /// Every detector's byte path and its reference give the same answer for `source`.
  private static func expectParity(_ source: SourceText, _ comment: Comment) {
    #expect(MemoTraceFlavour.classify(source) == HeadDetectionReference.memoTraceFlavour(source), comment)
    #expect(WechatDumpTXTParser().detect(source) == HeadDetectionReference.wechatDump(source), comment)
    #expect(EMLParser().detect(source) == HeadDetectionReference.eml(source), comment)
    #expect(MemoTraceCSVParser(generation: .v1).detect(source) == HeadDetectionReference.memoTraceCSV(source, generation: .v1), comment)
    #expect(MemoTraceCSVParser(generation: .v2).detect(source) == HeadDetectionReference.memoTraceCSV(source, generation: .v2), comment)
    #expect(ChatTableCSVParser().detect(source) == HeadDetectionReference.chatTableCSV(source), comment)
    #expect(PyWxDumpJSONParser(shape: .dataJS).detect(source) == HeadDetectionReference.pyWxDumpDataJS(source), comment)
    #expect(source.firstSignificantCharacter == HeadDetectionReference.firstSignificantCharacter(source), comment)
    #expect(QQMHTParser().detect(source) == HeadDetectionReference.qqMHT(source), comment)
    let reference = HeadDetectionReference.headerRow(source)
    #expect(CSVRecords.headerRow(source) == (reference.map { $0.count > 1 } == true ? reference : nil), comment)
  }

  @Test(arguments: heads)
  func everyDetectorAnswersAsOnSubstrings(_ head: String) {
    for text in Self.variants(head) {
      Self.expectParity(Self.source(text), "\(text.debugDescription)")
    }
  }

  @Test(arguments: heads)
  func aHeadDecodedFromGB18030AnswersAsOnSubstrings(_ head: String) {
    guard let bytes = DecodingInPlaceTests.gb18030(head), !bytes.allSatisfy({ $0 < 0x80 }) else { return }
    // A few stray bytes after the head: decoded as damaged GB18030, each becomes U+FFFD.
    for candidate in [bytes, bytes + [0x81, 0x0A] + bytes] {
      switch TextDecoding.decode(candidate) {
      case .text(let text, let encoding), .damaged(let text, let encoding, _):
        Self.expectParity(Self.source(text, encoding: encoding), "GB18030 \(head.debugDescription)")
      case .binary, .undecodable:
        continue
      }
    }
  }

  /// The flavour of a MemoTrace chat whose first header is on line `headerLine` (1-based) after
  /// blank lines, or after lines of text, whose markers lie on both sides of the sample's end.
  @Test(arguments: [1_998, 1_999, 2_000, 2_001, 2_002])
  func aHeaderNearTheSampleEndIsReadAsOnSubstrings(_ headerLine: Int) {
    let records = "2024-05-01 08:00:00 阿明\n[图片]\n\n2024-05-01 08:01:00\n【图片】\n\n2024-05-01 08:02:00 老K\n【语音】\n"
    let blanks = String(repeating: "\n", count: headerLine - 1)
    let preamble = (1..<headerLine).map { "说明\($0)" }.joined(separator: "\n") + "\n"
    let v1Tail = String(repeating: "[语音]\n", count: 3)
    for text in [blanks + records, preamble + records, blanks + records + v1Tail, preamble + records + records] {
      Self.expectParity(Self.source(text), "header on line \(headerLine)")
    }
  }

  @Test(arguments: 0..<24)
  func memoTraceFlavourOfRandomChatsIsAsOnAWholeWalk(_ seed: Int) {
    var random = SeededRandom(seed: UInt64(seed) &+ 0x5EED)
    for _ in 0..<12 {
      let text = MemoTraceChatGenerator.chat(&random)
      let source = Self.source(text)
      #expect(MemoTraceFlavour.classify(source) == HeadDetectionReference.memoTraceFlavour(source), "seed \(seed)")
    }
  }

  @Test(arguments: 0..<8)
  func wechatDumpAndMailHeadsOfRandomLinesAreAsOnSubstrings(_ seed: Int) {
    var random = SeededRandom(seed: UInt64(seed) &+ 0xD0C)
    let pool = MemoTraceChatGenerator.headLines
    for _ in 0..<300 {
      let count = random.next(below: 9)
      let text = (0..<count).map { _ in pool[random.next(below: pool.count)] }.joined(separator: "\n")
      Self.expectParity(Self.source(text), "\(text.debugDescription)")
    }
  }

  /// A lead of one generation as large as the lines left (of the 2,000 read, or of a shorter
  /// file) does not settle the flavour: the rest may still tie the scores, and a tie is v1.
  @Test(arguments: [1, 2, 5, 999])
  func aLeadSettlesTheFlavourOnlyWhenTheRestCannotUndoIt(_ lead: Int) {
    let header = "2024-05-01 08:00:00 阿明\n"
    let v1 = "[图片]\n"
    let v2 = "【图片】\n"
    let cases: [(String, MemoTraceFlavour)] = [
      (header + String(repeating: v2, count: lead) + String(repeating: v1, count: lead), .v1),
      (header + String(repeating: v2, count: lead) + String(repeating: v1, count: lead - 1), .v2),
      (header + String(repeating: v1, count: lead) + String(repeating: v2, count: lead + 1), .v2),
      (header + String(repeating: v1, count: lead) + String(repeating: v2, count: lead), .v1),
      (header + String(repeating: "\n", count: 1_998 - 2 * lead) + String(repeating: v1, count: lead)
        + String(repeating: v2, count: lead + 1) + String(repeating: v1, count: 10), .v2),
      (header + String(repeating: "\n", count: 1_999 - 2 * lead) + String(repeating: v2, count: lead)
        + String(repeating: v1, count: lead) + String(repeating: v2, count: 10), .v1),
    ]
    for (text, flavour) in cases {
      let source = Self.source(text)
      #expect(HeadDetectionReference.memoTraceFlavour(source) == flavour, "lead \(lead)")
      #expect(MemoTraceFlavour.classify(source) == flavour, "lead \(lead)")
    }
  }

  @Test func theRandomChatsHoldEveryAnswer() {
    var answers: Set<MemoTraceFlavour?> = []
    for seed in 0..<24 {
      var random = SeededRandom(seed: UInt64(seed) &+ 0x5EED)
      for _ in 0..<12 { answers.insert(MemoTraceFlavour.classify(Self.source(MemoTraceChatGenerator.chat(&random)))) }
    }
    #expect(answers == [.v1, .v2, nil])
  }

  @Test(arguments: [18, 19, 20, 21])
  func qqMHTReadsTwentyLinesOnly(_ before: Int) {
    for signature in QQMHTParser.signatures {
      let text = String(repeating: "MIME-Version: 1.0\n", count: before) + "x" + signature + "y\n"
      let source = Self.source(text)
      #expect(QQMHTParser().detect(source) == (before < 20))
      #expect(HeadDetectionReference.qqMHT(source) == (before < 20))
    }
  }

  @Test func wechatDumpReadsTwoHundredLinesOnly() {
    let header = "1|老周:2023-03-01 10:06:40:你好\n"
    for blanks in [198, 199, 200, 201] {
      let text = String(repeating: " \n", count: blanks) + header + header
      Self.expectParity(Self.source(text), "\(blanks) blank lines first")
    }
    let late = header + String(repeating: "正文\n", count: 198) + header + header
    #expect(WechatDumpTXTParser().detect(Self.source(late)) == HeadDetectionReference.wechatDump(Self.source(late)))
  }

  @Test func mailLinesAreReadAsCharacters() {
    for line in MemoTraceChatGenerator.headLines {
      let substring = Substring(line)
      let fromBytes = Array(line.utf8).withUnsafeBufferPointer { MailHeadLine($0, line: substring) }
      #expect(fromBytes == MailHeadLine(substring), "\(line.debugDescription)")
    }
  }
}

extension String {
  /// The text with every line feed replaced by `newBreak`.
  fileprivate func replacingLineFeeds(with newBreak: String) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: newBreak)
  }
}

/// A small deterministic generator (SplitMix64) for the random heads.
struct SeededRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// The next value in 0..<bound.
  mutating func next(below bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    mixed ^= mixed >> 31
    return Int(mixed % UInt64(bound))
  }
}

/// Random MemoTrace-like chats and head lines for the parity tests: headers with and without a
/// name, near misses of 19 bytes, markers of both generations after spaces or not, CJK text that
/// shares a marker's lead byte, digit-led bodies, blanks and preambles.
enum MemoTraceChatGenerator {
  static let chatLines = [
    "2024-05-01 08:00:00 阿明", "2024-05-01 08:00:01 老K", "2024-05-01 08:00:02", "2024-05-01 08:00:0x",
    "2024-05-01 08:00:00  阿明", "2024-05-01 08:00:00 \u{3000}阿明", "2024-05-01T08:00:00 阿明", "[图片]", "  [语音]",
    "[表情包]", "引用:阿明", "[链接]:title:x", "【图片】", " 【红包】", "引用：阿明", "【合并转发的聊天记录】", "好的，收到", "引人注目",
    "[普通]", "【注意】", "2笔到账", "20240501", "", "", "", "   ", "\u{3000}", "导出说明",
  ]

  static let headLines = chatLines + HeadDetectionParityTests.heads.flatMap { $0.split(separator: "\n").map(String.init) }

  /// A chat of up to about 2,100 lines, its markers drawn with a random lean to one generation
  /// so that some chats settle early and some only at the sample's end, or never.
  static func chat(_ random: inout SeededRandom) -> String {
    let lines = random.next(below: 2_100)
    let preamble = random.next(below: 4) == 0 ? random.next(below: 24) : 0
    let lean = random.next(below: 5)
    var text = (0..<preamble).map { "说明\($0)\n" }.joined()
    for _ in 0..<lines {
      var line = chatLines[random.next(below: chatLines.count)]
      if random.next(below: 5) < lean { line = random.next(below: 2) == 0 ? "[图片]" : "2024-05-01 08:00:00 阿明" }
      text += line + "\n"
    }
    return text
  }
}
