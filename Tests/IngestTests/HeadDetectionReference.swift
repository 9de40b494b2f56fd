@testable import Ingest

/// The format detectors as they read a file's head before they read it in place as bytes, kept
/// as the reference the byte paths must answer exactly like (HeadDetectionParityTests).
enum HeadDetectionReference {
  /// MemoTrace's flavour test walking its whole sample.
  static func memoTraceFlavour(_ source: SourceText) -> MemoTraceFlavour? {
    let lines = source.lines.map { Array($0.utf8) }
    var before = 0
    var firstHeader: Int?
    for (position, line) in lines.enumerated() {
      if source.lines[position].isBlank { continue }
      if line.withUnsafeBufferPointer({ MemoTraceHeader.parse($0) }) != nil {
        firstHeader = before
        break
      }
      before += 1
      if before > MemoTraceFlavour.preambleLines { break }
    }
    guard let firstHeader else { return nil }
    let v1Markers = MemoTraceFlavour.v1Markers.map { Array($0.utf8) }
    let v2Markers = MemoTraceFlavour.v2Markers.map { Array($0.utf8) }
    var headers = 0
    var v1Score = 0
    var v2Score = 0
    for line in lines.prefix(MemoTraceFlavour.sampleLines) {
      if let header = line.withUnsafeBufferPointer({ MemoTraceHeader.parse($0) }) {
        headers += 1
        if !header.hasRest { v2Score += 1 }
        continue
      }
      let trimmed = line.drop { $0 == 0x20 }
      if v1Markers.contains(where: { trimmed.starts(with: $0) }) { v1Score += 1 }
      if v2Markers.contains(where: { trimmed.starts(with: $0) }) { v2Score += 1 }
    }
    guard firstHeader == 0 || headers >= 2 else { return nil }
    return v2Score > v1Score ? .v2 : .v1
  }

  /// wechat-dump's detector on `Substring`s.
  static func wechatDump(_ source: SourceText) -> Bool {
    let sample = source.lines.prefix(200).filter { !$0.isBlank }
    guard let first = sample.first, WechatDumpTXTParser.header(first) != nil else { return false }
    return sample.filter { WechatDumpTXTParser.header($0) != nil }.count * 2 >= min(sample.count, 4)
  }

  /// The e-mail detector on `Substring`s.
  static func eml(_ source: SourceText) -> Bool {
    var names: Set<String> = []
    for line in source.lines.prefix(200) {
      if line.isEmpty { break }
      if line.first == " " || line.first == "\t" { continue }
      guard let colon = line.firstIndex(of: ":"), !line[..<colon].contains(" ") else { return false }
      names.insert(line[..<colon].lowercased())
    }
    return names.contains("from") && names.intersection(EMLParser.mailHeaders).count >= 3
  }

  /// The CSV header row split from the first non-empty line taken as a `Substring`.
  static func headerRow(_ source: SourceText) -> [String]? {
    guard let first = source.lines.first(where: { !$0.isEmpty }), first.utf8.count <= CSVRecords.headerRowLimit else {
      return nil
    }
    return first.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingQuotes }
  }

  /// MemoTrace's CSV detector of `generation` on `headerRow`.
  static func memoTraceCSV(_ source: SourceText, generation: MemoTraceCSVParser.Generation) -> Bool {
    headerRow(source) == (generation == .v1 ? MemoTraceCSVParser.v1Header : MemoTraceCSVParser.v2Header)
  }

  /// The chat-table CSV detector on `headerRow`.
  static func chatTableCSV(_ source: SourceText) -> Bool {
    guard let header = headerRow(source), header.count >= 3 else { return false }
    return ChatTableColumns(header: Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.offset, $0.element) })) != nil
  }

  /// PyWxDump's `data.js` detector on `Substring`s.
  static func pyWxDumpDataJS(_ source: SourceText) -> Bool {
    var assignments = Set<String>()
    for line in source.lines.prefix(PyWxDumpJSONParser.headLines) {
      let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
      guard trimmed.utf8.first == 0x63,
        let marker = PyWxDumpJSONParser.detectionMarkers.first(where: { trimmed.hasPrefix($0) })
      else { continue }
      if marker == PyWxDumpJSONParser.messagesMarker { return true }
      assignments.insert(marker)
      if assignments.count == 2 { return true }
    }
    return false
  }

  /// QQ's MHT detector on `Substring`s.
  static func qqMHT(_ source: SourceText) -> Bool {
    source.lines.prefix(20).contains { $0.utf8Contains("Save by Tencent MsgMgr") || $0.utf8Contains("Tencent IM Message") }
  }

  /// The first significant character found character by character.
  static func firstSignificantCharacter(_ source: SourceText) -> Character? {
    for line in source.lines {
      if let character = line.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) { return character }
    }
    return nil
  }
}
