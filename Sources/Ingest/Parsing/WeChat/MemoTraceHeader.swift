/// A MemoTrace TXT record header: `YYYY-MM-DD HH:MM:SS` followed by a space and a name (or, in
/// v1, a system notice), or the timestamp alone (v2 system records).
struct MemoTraceHeader: Sendable {
  /// The wall-clock fields.
  let time: LocalDateTime
  /// Whether a name or notice follows the timestamp and its space (false for a time-only header).
  let hasRest: Bool

  /// The 19-character timestamp as written, given the header's line.
  func rawTime(in line: Substring) -> String { String(decoding: line.utf8.prefix(19), as: UTF8.self) }

  /// What follows the timestamp and its space in the header's line; nil for a time-only header.
  func rest(in line: Substring) -> Substring? {
    hasRest ? Substring(line.unicodeScalars[line.utf8.index(line.startIndex, offsetBy: 20)...]) : nil
  }

  /// Parses a header line, or returns nil.
  static func parse(_ line: Substring) -> MemoTraceHeader? {
    // Most lines are bodies or blank: a header is at least 19 bytes and starts with a digit.
    guard let lead = line.utf8.first, lead >= 0x30, lead <= 0x39, line.utf8.count >= 19 else { return nil }
    if let parsed = line.utf8.withContiguousStorageIfAvailable({ parse($0) }) { return parsed }
    var cursor = TextCursor(line)
    guard let time = LocalDateTime.readISOLike(&cursor) else { return nil }
    if cursor.isAtEnd { return MemoTraceHeader(time: time, hasRest: false) }
    guard cursor.take(" "), let first = cursor.peek, !first.isWhitespaceScalar else { return nil }
    return MemoTraceHeader(time: time, hasRest: true)
  }

  /// The same grammar read straight from a line's UTF-8 bytes.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> MemoTraceHeader? {
    guard bytes.count >= 19, bytes[0] >= 0x30, bytes[0] <= 0x39, let time = LocalDateTime.readISOLike(bytes) else { return nil }
    guard bytes.count > 19 else { return MemoTraceHeader(time: time, hasRest: false) }
    guard bytes[19] == 0x20, bytes.count > 20 else { return nil }
    // Only ASCII blanks and scalars led by C2 or E1–E3 can be white space (as in `isBlank`).
    let lead = bytes[20]
    if lead < 0x80 {
      guard lead != 0x20, !(0x09...0x0D).contains(lead) else { return nil }
    } else if lead == 0xC2 || (0xE1...0xE3).contains(lead) {
      var scalars = UnsafeBufferPointer(rebasing: bytes[20...]).makeIterator()
      var decoder = UTF8()
      if case .scalarValue(let first) = decoder.decode(&scalars), first.isWhitespaceScalar { return nil }
    }
    return MemoTraceHeader(time: time, hasRest: true)
  }
}

/// Which MemoTrace TXT generation wrote a file, told apart by the placeholders and system-record
/// shape each one uses (export-formats.md §1.2, §1.3, §1.10).
enum MemoTraceFlavour: Sendable {
  case v1, v2

  /// How many lines are looked at.
  static let sampleLines = 2_000

  /// v1 placeholders (ASCII brackets) and markers.
  static let v1Markers = ["[图片]", "[语音]", "[表情包]", "[文件]", "[视频]", "[音乐分享]", "[链接]:title:", "引用:"]
  /// v2 placeholders (full-width brackets) and markers.
  static let v2Markers = [
    "【图片】", "【表情包】", "【视频】", "【语音】", "【文件】", "【发起转账】", "【已收款】", "【已退还】", "【非实时转账收款】",
    "【发起非实时转账】", "【红包】", "【音视频通话】", "【分享链接】", "【位置分享】", "【名片】", "【合并转发的聊天记录】", "引用：",
  ]

  /// The markers' UTF-8, for comparing with lines read in place.
  private static let v1MarkerBytes = v1Markers.map { Array($0.utf8) }
  private static let v2MarkerBytes = v2Markers.map { Array($0.utf8) }

  /// Every marker's UTF-8 with its first three bytes as one key (`key(_:)`) and its generation:
  /// a line that passes `markerBytes` (`[图片]`, and `[表情]` that no generation writes, open most
  /// such lines in a chat) is compared in full only with the markers that share its key.
  private static let markerKeys: [(key: UInt32, bytes: [UInt8], isV2: Bool)] =
    v1MarkerBytes.map { (key($0[...]), $0, false) } + v2MarkerBytes.map { (key($0[...]), $0, true) }

  /// The first three bytes of `bytes` (there are at least three) as one number.
  @inline(__always)
  private static func key<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
    var iterator = bytes.makeIterator()
    var key: UInt32 = 0
    for _ in 0..<markerBytesChecked { key = key << 8 | UInt32(iterator.next() ?? 0) }
    return key
  }

  /// Per byte value, whether a marker of either generation has it first, second or third (the
  /// bits `1 << 0`, `1 << 1`, `1 << 2`), so that most lines are passed over without comparing
  /// them with every marker: CJK text shares the lead byte of `引` and `【`, and lines opening
  /// with 开, 张 or 很 their second byte too, but seldom all three.
  private static let markerBytes: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for marker in v1MarkerBytes + v2MarkerBytes {
      for offset in 0..<markerBytesChecked { table[Int(marker[offset])] |= 1 << offset }
    }
    return table
  }()
  /// How many of a marker's first bytes `markerBytes` records (every marker is longer).
  private static let markerBytesChecked = 3

  /// How many non-blank lines may come before the first header (an exporter or user preamble).
  static let preambleLines = 20

  /// The flavour, or nil when the text is not a MemoTrace TXT: the first non-blank line must be a
  /// header, or a header must follow a short preamble and be followed by more headers.
  ///
  /// Asked of every text file a scan reads (both generations' parsers ask), so the lines are read
  /// in place as bytes: in a folder of small chats this decided a third of the scan's time when
  /// each line was taken as a `Substring`.
  ///
  /// The walk stops as soon as the rest of the sample cannot change the answer: each line adds at
  /// most one to either score (a header only to v2's, a marker line to the generation its marker
  /// belongs to), so once the lead of one score is larger than the lines left, and the headers
  /// needed after a preamble are seen, the flavour is known. A line led by a digit is a header
  /// or nothing (no marker opens with a digit), and only a time-only header (exactly 19 bytes)
  /// scores, so longer ones are parsed only while headers are still counted.
  static func classify(_ source: SourceText) -> MemoTraceFlavour? {
    guard let firstHeader = firstHeaderPosition(source) else { return nil }
    let headersNeeded = firstHeader == 0 ? 0 : 2
    let sampled = Swift.min(sampleLines, source.lines.count)
    var tally = Tally()
    // One loop over the lines in place, the byte table read through a pointer: every text file
    // a scan reads is classified, and a closure per line cost more than the test it made.
    markerBytes.withUnsafeBufferPointer { table in
      source.lines.withLineBytes { lines in
        for position in 0..<sampled {
          tally.add(lines.utf8(ofLines: position...position), countingHeaders: tally.headers < headersNeeded, table: table)
          let left = sampled - position - 1
          if tally.headers >= headersNeeded, tally.v2 - tally.v1 > left || tally.v1 - tally.v2 >= left { break }
        }
      }
    }
    guard tally.headers >= headersNeeded else { return nil }
    return tally.v2 > tally.v1 ? .v2 : .v1
  }

  /// What the sample lines told so far: headers counted and each generation's score.
  private struct Tally {
    var headers = 0
    var v1 = 0
    var v2 = 0

    /// Adds what one sample line tells: a header (counted only when `countingHeaders`, but a
    /// time-only one always scores for v2), or a generation's marker after leading spaces;
    /// `table` is `markerBytes`.
    @inline(__always)
    mutating func add(_ line: UnsafeBufferPointer<UInt8>, countingHeaders: Bool, table: UnsafeBufferPointer<UInt8>) {
      guard let lead = line.first else { return }
      if lead >= 0x30, lead <= 0x39 {
        guard line.count == 19 || countingHeaders, let header = MemoTraceHeader.parse(line) else { return }
        headers += 1
        if !header.hasRest { v2 += 1 }
        return
      }
      var start = 0
      while start < line.count, line[start] == 0x20 { start += 1 }
      guard start + markerBytesChecked <= line.count,
        table[Int(line[start])] & 1 != 0, table[Int(line[start + 1])] & 2 != 0, table[Int(line[start + 2])] & 4 != 0
      else { return }
      let trimmed = UnsafeBufferPointer(rebasing: line[start...])
      let lineKey = key(trimmed)
      var (isV1, isV2) = (false, false)
      for marker in markerKeys where marker.key == lineKey && trimmed.starts(with: marker.bytes) {
        if marker.isV2 { isV2 = true } else { isV1 = true }
      }
      if isV1 { v1 += 1 }
      if isV2 { v2 += 1 }
    }
  }

  /// Among the first `preambleLines + 1` non-blank lines, how many come before the first header;
  /// nil when none of them is a header.
  private static func firstHeaderPosition(_ source: SourceText) -> Int? {
    var before = 0
    var found: Int?
    source.lines.forEachUTF8(prefix: Int.max) { position, line in
      guard !SourceLines.isBlank(line, line: source.lines[position]) else { return true }
      if MemoTraceHeader.parse(line) != nil {
        found = before
        return false
      }
      before += 1
      return before <= preambleLines
    }
    return found
  }
}

/// A parser of one MemoTrace TXT generation: it detects a text exactly when
/// `MemoTraceFlavour.classify` names its flavour.
protocol MemoTraceGeneration: DocumentParser {
  /// The generation the parser reads.
  var flavour: MemoTraceFlavour { get }
}

extension MemoTraceGeneration {
  func detect(_ source: SourceText) -> Bool { MemoTraceFlavour.classify(source) == flavour }
}

/// The MemoTrace TXT exports (v1 and 2.x) and WeFlow's, which share their shape: records open
/// with a header after a blank line and the conversation is the file's, so nothing carries over from one record to the next and a large
/// file can be read in pieces cut before any header.
protocol MemoTraceTXTRecords: DocumentParser {}

extension MemoTraceTXTRecords {
  /// A record starts at a header after a blank line. A record whose header could not be read
  /// starts after a blank line too, but no piece is cut before it: it lies inside a piece that
  /// starts at a readable header, whose splitting then treats it exactly as a whole read does.
  func startsPiece(_ line: Substring, after previous: Substring) -> Bool {
    previous.isBlank && MemoTraceHeader.parse(line) != nil
  }

  var readsInPieces: Bool { true }

  /// Splits `source` into header records and makes one unit of each with `unit`, given the
  /// record, what follows the timestamp in its header (nil for a time-only header), its time (a
  /// time that does not parse becomes a diagnostic) and the conversation (the file name stem, as
  /// MemoTrace names the file after the chat). Stray text is reported as not being `expecting`.
  /// A record whose header line could not be read (`HeaderAttempt`) becomes a message of unknown
  /// speaker and time (`unreadableHeaderUnit`) with a warning, going through the sieve like any.
  func parseRecords(
    _ source: SourceText, expecting: String = "a `YYYY-MM-DD HH:MM:SS name` header",
    unit: (HeaderRecords<MemoTraceHeader>.Record, Substring?, ChatTime?, String) -> TextUnit
  ) -> ParseOutcome {
    let records = HeaderRecords<MemoTraceHeader>(source) { (_: Int, bytes: UnsafeBufferPointer<UInt8>) in
      if let header = MemoTraceHeader.parse(bytes) { return .header(header) }
      return HeaderAttempt.timestampLength(bytes) == nil ? .other : .unreadableHeader
    }
    var outcome = ParseOutcome()
    outcome.units.reserveCapacity(records.records.count)
    outcome.diagnostics = records.diagnostics(in: source, expecting: expecting)
    let conversation = source.fileStem
    // A record's text is its body, or for a notice (no body) the rest of its header line.
    let elidable = source.elidable(count: records.records.count) { index in
      let record = records.records[index]
      return record.body ?? record.headerLine...record.headerLine
    }
    var lastIsElided = false
    for (index, record) in records.records.enumerated() {
      if let elidable, elidable[index] {
        // Only checked: an elided unit keeps no time, and a time's text is made only to be kept.
        if let header = record.header, !header.time.isValid {
          outcome.diagnostics.append(
            source.badTime(line: record.headerLine, raw: header.rawTime(in: source.line(record.headerLine))))
        }
        let end = record.body?.upperBound ?? record.headerLine
        outcome.units.appendElided(
          line: record.headerLine, endLine: end, conversation: conversation, lastIsElided: lastIsElided)
        lastIsElided = true
        continue
      }
      lastIsElided = false
      guard let header = record.header else {
        outcome.units.append(record.unreadableHeaderUnit(in: source, conversation: conversation))
        continue
      }
      let line = source.line(record.headerLine)
      let rawTime = header.rawTime(in: line)
      let time = header.time.chatTime(options: source.options, raw: rawTime)
      if time == nil { outcome.diagnostics.append(source.badTime(line: record.headerLine, raw: rawTime)) }
      outcome.units.append(unit(record, header.rest(in: line), time, conversation))
    }
    return outcome
  }
}
