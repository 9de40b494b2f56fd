/// WeChat export by PyWxDump (export-formats.md §1.4) in its two JSON shapes: the `…json` file
/// (a JSON list of message rows, indent 4) and the HTML export's `data.js` (the same rows after
/// `const local_msg_list = `, with `const local_mywxid = '…'` and a `const local_user_list = {…}`
/// of nicknames and remarks by wxid).
///
/// One unit per message row, spanning the row object's lines; `firstBodyLine` is the line of its
/// `msg` member. The speaker is the remark or nickname from the user list where present, else the
/// `talker` wxid (`speakerID` = the wxid). Times come from the local `CreateTime` text.
/// PyWxDump writes `data.js` without indentation, so there every unit cites the one line of the
/// array; `messageID` (`MsgSvrID`) tells them apart.
struct PyWxDumpJSONParser: BatchingParser {
  /// Which of the two shapes the parser reads.
  enum Shape: Sendable {
    /// The `…json` message list.
    case json
    /// The HTML export's `data.js`.
    case dataJS
  }

  let shape: Shape

  var format: DocumentFormat { shape == .json ? .wechatPyWxDumpJSON : .wechatPyWxDumpDataJS }

  /// The assignment before the message array in `data.js`.
  static let messagesMarker = "const local_msg_list = "
  /// The assignment before the user dictionary in `data.js`.
  static let usersMarker = "const local_user_list = "
  /// The assignment before the exporting account's wxid in `data.js`.
  static let ownerMarker = "const local_mywxid = "
  /// The `data.js` lines that identify it: the message list, or (when only the head of a large
  /// file is looked at, the list being one long last line) both the owner and the count lines.
  static let detectionMarkers = [messagesMarker, ownerMarker, "const local_msg_count = "]
  /// Keys every PyWxDump row has before its `msg` (which may be long), looked for in the head of
  /// a `…json` file.
  static let rowKeys = ["\"MsgSvrID\":", "\"type_name\":", "\"talker\":", "\"room_name\":"]
  /// How many characters detection reads.
  static let headLength = 4_096
  /// How many lines of a `data.js` detection reads: PyWxDump writes the marker lines first.
  static let headLines = 64

  func detect(_ source: SourceText) -> Bool {
    switch shape {
    case .dataJS:
      var assignments = Set<String>()
      var found = false
      source.lines.forEachUTF8(prefix: Self.headLines) { position, bytes in
        guard Self.mayOpenWithMarker(bytes), let marker = Self.detectionMarker(opening: source.lines[position]) else {
          return true
        }
        assignments.insert(marker)
        found = marker == Self.messagesMarker || assignments.count == 2
        return !found
      }
      return found
    case .json:
      guard source.firstSignificantCharacter == "[" else { return false }
      var head = ""
      for line in source.lines {
        head += line.prefix(Self.headLength)
        if head.utf8.count > Self.headLength { break }
      }
      let compact = String(head.filter { !$0.isWhitespace && $0 != "\u{FEFF}" })
      return compact.hasPrefix("[{") && Self.rowKeys.allSatisfy { compact.utf8Contains($0) }
    }
  }

  /// The detection marker a `data.js` line opens with after spaces and tabs, if any.
  static func detectionMarker(opening line: Substring) -> String? {
    let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
    return detectionMarkers.first(where: { trimmed.hasPrefix($0) })
  }

  /// The markers' UTF-8, for `mayOpenWithMarker`.
  private static let detectionMarkerBytes = detectionMarkers.map { Array($0.utf8) }

  /// Whether a line's UTF-8 opens with a detection marker's bytes after ASCII spaces and tabs:
  /// true for every line `detectionMarker(opening:)` finds a marker in (the markers are ASCII, and
  /// each space or tab it drops is one byte), so only those lines are taken as a `Substring`. Every
  /// marker opens with `const `: most lines are passed over at their first byte.
  static func mayOpenWithMarker(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = 0
    while start < line.count, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
    guard start < line.count, line[start] == 0x63 else { return false }
    let trimmed = UnsafeBufferPointer(rebasing: line[start...])
    return detectionMarkerBytes.contains { trimmed.starts(with: $0) }
  }

  /// Reads the rows one at a time as the JSON reader meets them, never the whole list.
  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let text = source.newlineText
    let directory =
      shape == .dataJS
      ? PyWxDumpUserDirectory(dataJS: text, lines: source.lines, usersMarker: Self.usersMarker, ownerMarker: Self.ownerMarker)
      : PyWxDumpUserDirectory()
    let streaming = LineTrackingJSON.Streaming(paths: [[]]) { row, _ in
      guard row.isComplete, case .object = row.value else { return }
      let (unit, problem) = unit(row, directory: directory, source: source)
      batches.append(unit)
      if let problem { problems.append(problem) }
    }
    let parsed =
      switch shape {
      case .json: LineTrackingJSON.parse(text, streaming: streaming)
      case .dataJS: LineTrackingJSON.parseJavaScript(text, after: Self.messagesMarker, streaming: streaming)
      }
    guard let (_, error) = parsed, let error else { return problems }
    let stop = source.diagnostic(
      .warning, "ingest.unparsed-line", line: error.line,
      "line \(error.line): the PyWxDump message list stops being readable here (\(error.message)); messages before it are kept")
    return [stop] + problems
  }

  private func unit(_ row: JSONNode, directory: PyWxDumpUserDirectory, source: SourceText) -> (TextUnit, Diagnostic?) {
    let typeName = row["type_name"]?.string ?? ""
    let text = row["msg"]?.string ?? ""
    let isSender = row["is_sender"]?.string == "1" || row["is_sender"]?.value.isTrue == true
    let classified = PyWxDumpRowKind(typeName: typeName, text: text, source: row["src"]?.string)
    let kind = classified.kind
    var attributes = classified.attributes
    attributes["isSender"] = isSender ? "1" : "0"
    if let id = row["MsgSvrID"]?.string { attributes["messageID"] = id }
    var wxid = row["talker"]?.string ?? ""
    if isSender, wxid.isEmpty || wxid == "我", let owner = directory.owner { wxid = owner }
    let speaker: String? = kind == .system ? nil : (directory.name(of: wxid) ?? (wxid.isEmpty ? nil : wxid))
    let room = row["room_name"]?.string ?? ""
    let conversation = room.isEmpty ? source.fileStem : directory.name(of: room) ?? room
    let rawTime = row["CreateTime"]?.string ?? ""
    let time = Self.time(rawTime, source: source)
    let problem = time == nil && !rawTime.isEmpty ? source.badTime(line: row["CreateTime"]?.line ?? row.line, raw: rawTime) : nil
    var unit = TextUnit(
      kind: kind, line: row.line, endLine: row.endLine, text: text, firstBodyLine: row["msg"]?.line ?? row.line,
      speaker: speaker, speakerID: kind == .system || wxid.isEmpty || wxid == "我" ? nil : wxid, time: time,
      conversation: conversation, attributes: attributes)
    unit.textLines = TextUnit.sameLine(unit.firstBodyLine, for: text)
    return (unit, problem)
  }

  /// `CreateTime`: `YYYY-MM-DD HH:MM:SS` local time, or epoch seconds in older versions.
  static func time(_ raw: String, source: SourceText) -> ChatTime? {
    if let seconds = Int64(raw) {
      return ChatTime(epochSeconds: seconds, utcOffsetSeconds: source.options.utcOffsetSeconds, raw: raw)
    }
    var cursor = TextCursor(Substring(raw))
    guard let local = LocalDateTime.readISOLike(&cursor), cursor.isAtEnd else { return nil }
    return local.chatTime(options: source.options, raw: raw)
  }
}
