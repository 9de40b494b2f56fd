/// What a PyWxDump row is, from its `type_name` and `msg` (export-formats.md §1.4): a system
/// notice, a transfer with its state, amount and memo, a media placeholder, or a message. Shared
/// by the `…json` / `data.js` reader and the CSV export read as a chat table.
struct PyWxDumpRowKind {
  /// `type_name` values of system notices; recalls are `消息撤回1`, `消息撤回5`, ….
  static let systemTypeNames: Set<String> = ["系统通知", "拍一拍", "邀请加群"]
  /// `type_name` values of media rows, with the `media` attribute they get.
  static let mediaTypeNames: [String: String] = [
    "图片": "image", "语音": "voice", "视频": "video", "动画表情": "sticker", "文件": "file",
  ]

  /// The unit kind.
  let kind: UnitKind
  /// `typeName`, and for transfers `transferState`, `amountFen`, `memo`; for media `media` and
  /// `file` (the row's `src`, when given).
  let attributes: [String: String]

  /// Classifies a row; `source` is its `src` cell.
  init(typeName: String, text: String, source: String?) {
    var attributes: [String: String] = [:]
    if !typeName.isEmpty { attributes["typeName"] = typeName }
    var kind = UnitKind.message
    if typeName.hasPrefix("消息撤回") || Self.systemTypeNames.contains(typeName) {
      kind = .system
    } else if let transfer = PyWxDumpTransfer(text) {
      kind = .transfer
      attributes["transferState"] = transfer.state
      if let fen = transfer.amountFen { attributes["amountFen"] = String(fen) }
      if let memo = transfer.memo { attributes["memo"] = memo }
    } else if let media = Self.mediaTypeNames[typeName] {
      attributes["media"] = media
      if let source, !source.isEmpty { attributes["file"] = source }
    }
    self.kind = kind
    self.attributes = attributes
  }
}
