/// The evidence format a file was detected as, by content.
///
/// Raw values are the stable ids written in `findings.json` and listed by `mingjian formats`.
public enum DocumentFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// WeChat export by MemoTrace/留痕 v1 TXT (`YYYY-MM-DD HH:MM:SS name` headers).
  case wechatMemoTraceTXT = "wechat-memotrace-txt"
  /// WeChat export by MemoTrace 2.x TXT.
  case wechatMemoTraceV2TXT = "wechat-memotrace2-txt"
  /// QQ message-manager TXT export (64 `=` separators, `昵称(QQ号)` senders).
  case qqMessageManagerTXT = "qq-txt"
  /// Plain text: one unit per line.
  case plainText = "plain-text"
  /// Not a text format the tool reads (image, audio, unknown binary).
  case binary = "binary"
  /// Could not be determined (the file could not be read).
  case unknown = "unknown"
}
