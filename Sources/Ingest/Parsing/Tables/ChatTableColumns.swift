/// Which columns of a table (CSV or spreadsheet) hold a chat's content, sender, time and
/// conversation, found from header names used by exporters and forensic tools
/// (export-formats.md §1.4, §1.5, §6).
struct ChatTableColumns: Sendable, Equatable {
  /// Header names for each role, in order of preference (exact, case-sensitive).
  static let contentNames = ["内容", "消息内容", "Content", "Body", "Message", "msg"]
  static let senderNames = ["备注", "昵称", "发送人", "发送者", "发送方", "SenderName", "Sender", "From", "talker"]
  static let timeNames = ["时间", "发送时间", "消息时间", "Time", "Timestamp", "Date", "StrTime", "CreateTime"]
  static let conversationNames = ["会话", "聊天对象", "群名称", "Conversation", "TalkerName", "room_name"]
  /// PyWxDump's message type and media path columns (export-formats.md §1.4).
  static let pyWxDumpTypeName = "type_name"
  static let pyWxDumpSource = "src"

  let content: Int
  /// Sender columns in order of preference: the first non-empty one names the speaker.
  let senders: [Int]
  let time: Int?
  let conversation: Int?
  /// PyWxDump's `type_name` column, which tells transfers, system notices and media apart.
  let pyWxDumpType: Int?
  /// PyWxDump's `src` column (the media file).
  let pyWxDumpSource: Int?

  /// The columns of a header row, or nil when it names no content or no sender column.
  init?(header: [Int: String]) {
    let names = header.mapValues { $0.trimmingSpaces }
    func columns(_ candidates: [String]) -> [Int] {
      candidates.compactMap { candidate in names.filter { $0.value == candidate }.keys.min() }
    }
    guard let content = columns(Self.contentNames).first else { return nil }
    let senders = columns(Self.senderNames)
    guard !senders.isEmpty else { return nil }
    self.content = content
    self.senders = senders
    time = columns(Self.timeNames).first
    conversation = columns(Self.conversationNames).first
    pyWxDumpType = columns([Self.pyWxDumpTypeName]).first
    pyWxDumpSource = columns([Self.pyWxDumpSource]).first
  }

  /// The speaker of a row: the first non-empty sender column.
  func speaker(_ cells: [Int: String]) -> String? {
    senders.lazy.compactMap { cells[$0] }.first { !$0.isEmpty }
  }

  /// A time cell: `YYYY-MM-DD HH:MM:SS`, ISO 8601 with `T` and an optional offset or `Z`, epoch
  /// seconds, or an Excel serial day number.
  static func time(_ raw: String, options: IngestOptions) -> ChatTime? {
    let text = raw.trimmingSpaces
    var cursor = TextCursor(Substring(text.replacingFirstT))
    if let local = LocalDateTime.readISOLike(&cursor) {
      if cursor.take("Z") {
        return local.chatTime(options: IngestOptions(utcOffsetSeconds: 0), raw: raw).map {
          ChatTime(epochSeconds: $0.epochSeconds, utcOffsetSeconds: options.utcOffsetSeconds, raw: raw)
        }
      }
      guard let sign = cursor.take(oneOf: ["+", "-"]), let hours = cursor.number(digits: 2...2) else {
        return local.chatTime(options: options, raw: raw)
      }
      _ = cursor.take(":")
      let minutes = cursor.number(digits: 2...2) ?? 0
      let offset = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
      guard let written = local.chatTime(options: IngestOptions(utcOffsetSeconds: offset), raw: raw) else { return nil }
      return ChatTime(epochSeconds: written.epochSeconds, utcOffsetSeconds: options.utcOffsetSeconds, raw: raw)
    }
    if text.count == 10, let epoch = Int64(text) {
      return ChatTime(epochSeconds: epoch, utcOffsetSeconds: options.utcOffsetSeconds, raw: raw)
    }
    guard let serial = Double(text), serial > 25_569, serial < 2_958_466 else { return nil }
    let seconds = Int64(((serial - 25_569) * 86_400).rounded())
    return ChatTime(epochSeconds: seconds - Int64(options.utcOffsetSeconds), utcOffsetSeconds: options.utcOffsetSeconds, raw: raw)
  }
}

extension String {
  /// `2025-01-01T12:00:00` with the date/time `T` turned into a space.
  var replacingFirstT: String {
    guard count > 10, let index = self.index(startIndex, offsetBy: 10, limitedBy: endIndex), self[index] == "T" else {
      return self
    }
    var copy = self
    copy.replaceSubrange(index...index, with: " ")
    return copy
  }
}
