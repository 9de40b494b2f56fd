/// The evidence format a file was detected as, by content.
///
/// Raw values are the stable ids written in `findings.json` and listed by `mingjian formats`.
public enum DocumentFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// WeChat export by MemoTrace/留痕 v1 TXT (`YYYY-MM-DD HH:MM:SS name` headers).
  case wechatMemoTraceTXT = "wechat-memotrace-txt"
  /// WeChat export by MemoTrace 2.x TXT.
  case wechatMemoTraceV2TXT = "wechat-memotrace2-txt"
  /// WeChat export by MemoTrace v1 "AI" TXT (`_chat.txt`): a redacted, time-less digest.
  case wechatMemoTraceAITXT = "wechat-memotrace-ai-txt"
  /// WeChat export by MemoTrace/留痕 v1 CSV (`localId,TalkerId,Type,…` header).
  case wechatMemoTraceCSV = "wechat-memotrace-csv"
  /// WeChat export by MemoTrace 2.x CSV (`消息ID,类型,发送人,…` header).
  case wechatMemoTraceV2CSV = "wechat-memotrace2-csv"
  /// WeChat export by MemoTrace, HTML page with a `const chatMessages = [` array.
  case wechatMemoTraceHTML = "wechat-memotrace-html"
  /// WeChat 4.x export by WeFlow, TXT (`YYYY-MM-DD HH:MM:SS 'sender'` headers).
  case wechatWeFlowTXT = "wechat-weflow-txt"
  /// WeChat iOS-backup export by WechatExporter, TXT (`name (time):body` lines).
  case wechatExporterTXT = "wechatexporter-txt"
  /// WeChat iOS-backup export by WechatExporter, HTML (`<div class="msg chat …" msgid=…>` blocks).
  case wechatExporterHTML = "wechatexporter-html"
  /// WeChat Android export by wechat-dump, TXT (`type|name:time:body` lines).
  case wechatDumpTXT = "wechat-dump-txt"
  /// WeChat export by PyWxDump, JSON (a list of `MsgSvrID,type_name,talker,msg,CreateTime,…` rows).
  case wechatPyWxDumpJSON = "wechat-pywxdump-json"
  /// WeChat export by PyWxDump, the HTML export's `data.js` (`const local_msg_list = [ … ]`).
  case wechatPyWxDumpDataJS = "wechat-pywxdump-datajs"
  /// QQ message-manager TXT export (64 `=` separators, `昵称(QQ号)` senders).
  case qqMessageManagerTXT = "qq-txt"
  /// QQ message-manager MHT export (MIME page with a table of messages).
  case qqMHT = "qq-mht"
  /// Telegram Desktop export `result.json` (single chat or full account).
  case telegramJSON = "telegram-json"
  /// Telegram Desktop HTML export (`messages.html`).
  case telegramHTML = "telegram-html"
  /// WhatsApp "Export chat" TXT (Android or iOS, any date locale).
  case whatsAppTXT = "whatsapp-txt"
  /// An e-mail message (.eml).
  case eml = "eml"
  /// A web page or other HTML document (visible text by block).
  case html = "html"
  /// A Word document (.docx): one unit per paragraph, `line` = paragraph number (the body first,
  /// then notes, comments, headers and footers numbered on after it).
  case docx = "docx"
  /// An Excel workbook (.xlsx): one unit per row (`line` = row number, `page` = sheet), chat
  /// units when the header row names sender and content columns.
  case xlsx = "xlsx"
  /// A PDF's text layer (via `pdftotext -layout`): one unit per line, with `page`.
  case pdf = "pdf"
  /// A chat table in CSV from other tools (PyWxDump, chatlog, forensic reports).
  case chatTableCSV = "csv-chat"
  /// Plain text: one unit per line.
  case plainText = "plain-text"
  /// Not a text format the tool reads (image, audio, unknown binary).
  case binary = "binary"
  /// Could not be determined (the file could not be read).
  case unknown = "unknown"
}

extension DocumentFormat {
  /// A short name for people, shown by `mingjian formats`.
  public var title: String {
    switch self {
    case .wechatMemoTraceTXT: "WeChat, MemoTrace/留痕 v1 TXT"
    case .wechatMemoTraceV2TXT: "WeChat, MemoTrace 2.x TXT"
    case .wechatMemoTraceAITXT: "WeChat, MemoTrace v1 AI-TXT digest (redacted, no times)"
    case .wechatMemoTraceCSV: "WeChat, MemoTrace/留痕 v1 CSV"
    case .wechatMemoTraceV2CSV: "WeChat, MemoTrace 2.x CSV"
    case .wechatWeFlowTXT: "WeChat, WeFlow TXT"
    case .wechatExporterTXT: "WeChat, WechatExporter (iOS backup) TXT"
    case .wechatExporterHTML: "WeChat, WechatExporter (iOS backup) HTML"
    case .wechatDumpTXT: "WeChat, wechat-dump (Android) TXT"
    case .wechatPyWxDumpJSON: "WeChat, PyWxDump JSON"
    case .wechatPyWxDumpDataJS: "WeChat, PyWxDump HTML export data.js"
    case .qqMessageManagerTXT: "QQ message manager TXT (消息管理器导出)"
    case .wechatMemoTraceHTML: "WeChat, MemoTrace HTML"
    case .telegramJSON: "Telegram Desktop result.json"
    case .telegramHTML: "Telegram Desktop messages.html"
    case .whatsAppTXT: "WhatsApp exported chat TXT"
    case .html: "HTML page (saved web page, generic HTML)"
    case .docx: "Word document (DOCX)"
    case .pdf: "PDF text layer (pdftotext)"
    case .qqMHT: "QQ message manager MHT (消息管理器导出为 .mht)"
    case .eml: "E-mail message (EML)"
    case .xlsx: "Excel workbook (XLSX)"
    case .chatTableCSV: "Chat table CSV (PyWxDump, chatlog, forensic reports)"
    case .plainText: "Plain text"
    case .binary: "Binary (image, audio, video, archive, database)"
    case .unknown: "Unknown (file could not be read)"
    }
  }

  /// How the format is recognised from content (never from the file extension alone).
  public var detection: String {
    switch self {
    case .wechatMemoTraceTXT:
      "records `YYYY-MM-DD HH:MM:SS name` + body + blank line (first non-blank line, or after a short preamble); ASCII placeholders such as [图片], `引用:` quotes, 12-space link-card lines"
    case .wechatMemoTraceV2TXT:
      "MemoTrace headers plus 2.x markers outweighing v1 ones: time-only system headers, full-width 【图片】/【发起转账】/【红包】 placeholders, `引用：` quotes"
    case .wechatMemoTraceAITXT: "a `********************YYYY-MM-DD********************` day line in the first five lines"
    case .wechatMemoTraceCSV:
      "CSV whose header row is exactly `localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender`"
    case .wechatMemoTraceV2CSV: "CSV whose header row is exactly `消息ID,类型,发送人,时间,内容,备注,昵称,更多信息`"
    case .wechatWeFlowTXT: "MemoTrace-shaped headers whose sender is in single quotes (`2025-01-01 12:00:00 '张三'`), in at least 80% of headers"
    case .wechatExporterTXT: "first line `<会话名> - 微信聊天记录` and `name (YYYY-MM-DD HH:MM:SS):body` message lines"
    case .wechatExporterHTML:
      "HTML with `<div class=\"msg chat …\" msgid=…>` message blocks followed by a `<span class=\"dspname …\" wxId=…>` speaker (older templates: `name-left`/`name-right`)"
    case .wechatDumpTXT: "first non-blank line and most others start `<type code>|name:YYYY-MM-DD HH:MM:SS:`"
    case .wechatPyWxDumpJSON:
      "JSON array of objects whose head has the PyWxDump row keys `\"MsgSvrID\":`, `\"type_name\":`, `\"talker\":` and `\"room_name\":`"
    case .wechatPyWxDumpDataJS:
      "a line starting `const local_msg_list = `, or lines starting `const local_mywxid = ` and `const local_msg_count = ` (names from `const local_user_list = {…}`)"
    case .qqMessageManagerTXT:
      "a 64-`=` separator, the `消息记录（此消息记录为文本格式，不支持重新导入）` title or `消息分组:`/`消息对象:` lines; or `date time sender` headers whose senders mostly end in `(QQ number)`/`<e-mail>` or use 12-hour/un-padded clocks"
    case .wechatMemoTraceHTML:
      "HTML containing `const chatMessages = ` followed by an array of message objects (v1 JavaScript literals, v2 JSON)"
    case .telegramJSON:
      "JSON object whose head has `\"messages\": [` and a tdesktop chat `type` (personal_chat, private_group, …), or a full export's `\"chats\": {` with `\"about\":`"
    case .telegramHTML: "HTML with a `class=\"page_header\"` block followed by `message default clearfix` / `message service` blocks"
    case .whatsAppTXT:
      "first non-blank line and others start `[date, time] ` (iOS) or `date, time - ` (Android), with -/./ dates, 12- or 24-hour clocks, AM/PM, a.m./p.m. or 上午/下午"
    case .html: "text starting with `<!DOCTYPE html`, `<html`, `<head` or `<body` (after an optional XML declaration or comment)"
    case .docx: "ZIP archive (`PK\\x03\\x04`) containing `word/document.xml` (comments, notes, headers and footers read after the body)"
    case .pdf: "`%PDF-` magic; text extracted with poppler's `pdftotext -layout` when installed"
    case .qqMHT: "MIME header `From: <Save by Tencent MsgMgr>` or `Subject: Tencent IM Message` in the first 20 lines"
    case .eml: "a header block opening the file with `From:` and at least three of To/Subject/Date/Received/Message-ID/MIME-Version/Return-Path/Cc"
    case .xlsx: "ZIP archive containing `xl/workbook.xml`"
    case .chatTableCSV:
      "CSV whose header row names a content column (内容/消息内容/Content/msg/…) and a sender column (发送人/昵称/SenderName/talker/…)"
    case .plainText: "any decodable text in no other format (fallback)"
    case .binary: "magic numbers (PNG, JPEG, GIF, MP3, AMR, SILK, MP4, SQLite, …) or NUL bytes in a non-UTF-16 file"
    case .unknown: "not detected: the file was empty, unreadable or undecodable"
    }
  }
}
