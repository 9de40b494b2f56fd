#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The part of a large QQ MHT export that holds the chat: the file up to the end of its first
/// `text/html` part.
///
/// QQ's "导出为 .mht" writes the HTML part first and then every picture of the chat as a base64
/// part, so an export with a few thousand pictures runs to gigabytes while its text is a small
/// share of it. Only the head is kept and parsed, so memory follows the HTML's size and an export
/// above the parse limit is read; the rest of the file is hashed and its parts counted, never
/// parsed (pictures hold no chat text). Line numbers are those of the file: the head is its first
/// lines, and the parser finds in the head exactly the HTML part it finds in the whole file.
struct MHTTextHead {
  /// What the manifest needs of the whole file whose head is parsed.
  struct Head: Sendable {
    /// The number of bytes in the head.
    var headBytes: Int
    /// The SHA-256 (lower-case hex) of the whole file.
    var sha256: String
    /// The size of the whole file.
    var size: Int
    /// The number of lines in the head.
    var lineCount: Int
    /// The MIME parts after the HTML part (pictures), counted, not parsed.
    var skippedParts: Int

    /// The manifest's note on what was read and what was only hashed; nil when the head is
    /// the whole file.
    var note: String? {
      guard headBytes < size else { return nil }
      let parts = skippedParts == 1 ? "the MIME part" : "the \(skippedParts) MIME parts"
      return "read through line \(lineCount), where its HTML part ends; \(parts) after it "
        + "(\(size - headBytes) bytes; QQ stores the chat's pictures there) hashed but not parsed"
    }
  }

  /// What reading a large file as a QQ MHT export gave.
  enum Outcome {
    /// The head to parse, decoded where it was read: the file's first lines, through the line
    /// before the boundary that ends the HTML part, without a byte-order mark.
    case head(String, TextEncoding, Head)
    /// The manifest entry of a file that could not be read this way (it failed, changed while
    /// read, or its HTML part runs past the parse limit).
    case failed(EvidenceDocument)
  }

  /// Reads the regular file at `path` when it is a UTF-8 QQ MHT export whose top level is a
  /// multipart with a boundary and no nested multipart before its HTML part ends; nil otherwise
  /// (the file is then read whole, as any other: also when the head holds a NUL byte or is not
  /// valid UTF-8, which the ordinary decoding judges). `limit` bounds the head (`maxParseBytes`).
  ///
  /// The head is read straight into the storage of the text returned, which the standard
  /// library adopts when it is valid UTF-8, so it is held once; the bytes read past the cut are
  /// only scanned for the parts they start.
  static func read(_ path: [UInt8], display: String, limit: Int, io: FileIO) -> Outcome? {
    guard let file = SequentialFile(path: path, io: io) else { return nil }
    let sniffed = file.read(upTo: TextDecoding.sniffLength)
    guard let sniffedText = SourceText(utf8Head: sniffed, path: display, options: IngestOptions()),
      QQMHTParser().detect(sniffedText)
    else { return nil }
    let encoding = sniffedText.encoding
    var scanner = HeadScanner()
    var counter: PartCounter?
    var cut: Int?
    var pastLimit = false
    var hasNUL = false
    var kept = 0
    // Pages never written cost nothing: room for the largest head is reserved, not touched.
    let text = String(unsafeUninitializedCapacity: min(file.size, limit) + (1 << 20)) { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      var filled = 0
      func append(_ bytes: [UInt8]) -> Bool {
        let count = min(bytes.count, buffer.count - filled)
        bytes.withUnsafeBufferPointer { source in
          if let from = source.baseAddress { (base + filled).update(from: from, count: count) }
        }
        filled += count
        return count > 0
      }
      var scanned = 0
      var more = append(sniffed)
      while cut == nil {
        switch scanner.scan(UnsafeBufferPointer(rebasing: buffer[..<filled]), from: &scanned) {
        case .notThisShape: return 0
        case .cut(let offset): cut = offset
        case .needMore: break
        }
        guard cut == nil, more, !file.isAtEnd, file.failure == nil else { break }
        if filled > limit {
          pastLimit = true
          return 0
        }
        more = append(file.read(upTo: min(1 << 20, buffer.count - filled)))
      }
      let headCount = cut ?? filled
      var parts = PartCounter(delimiter: scanner.delimiter)
      if cut != nil { parts.feed(UnsafeBufferPointer(rebasing: buffer[headCount..<filled])) }
      counter = parts
      hasNUL = memchr(base, 0, headCount) != nil
      let mark = encoding == .utf8BOM ? 3 : 0
      if mark > 0 { memmove(base, base + mark, headCount - mark) }
      kept = headCount - mark
      return kept
    }
    guard var counter else { return pastLimit ? .failed(tooLarge(file, display: display, limit: limit, htmlLine: scanner.htmlLine)) : nil }
    let headBytes = kept + (encoding == .utf8BOM ? 3 : 0)
    guard headBytes <= limit else { return .failed(tooLarge(file, display: display, limit: limit, htmlLine: scanner.htmlLine)) }
    while !file.isAtEnd, file.failure == nil { counter.feed(file.read(upTo: 1 << 20)[...]) }
    counter.finish()
    let (sha256, failure) = settle(file, display: display)
    if let failure { return .failed(failure) }
    // Not UTF-8 after all, or NUL bytes, which the ordinary decoding turns away: read whole.
    guard !hasNUL, text.utf8.count == kept, !text.utf8Contains("\u{FFFD}") else { return nil }
    // The boundary line that ends the head is counted by the scanner; a last line without a
    // break is not.
    let lineCount = cut == nil ? scanner.lineCount + (text.utf8.last == 0x0A || text.isEmpty ? 0 : 1) : scanner.lineCount - 1
    let head = Head(
      headBytes: headBytes, sha256: sha256, size: file.consumed, lineCount: lineCount, skippedParts: counter.parts)
    return .head(text, encoding, head)
  }

  /// The manifest entry of an export whose head runs past `limit` bytes (from `htmlLine`, where
  /// its HTML part starts, when known): the rest of `file` is hashed, nothing is parsed.
  private static func tooLarge(_ file: SequentialFile, display: String, limit: Int, htmlLine: Int?) -> EvidenceDocument {
    let (sha256, failure) = settle(file, display: display)
    if let failure { return failure }
    let part = htmlLine.map { "its HTML part (from line \($0))" } ?? "the parts before its HTML part"
    return EvidenceDocument(
      path: display, sha256: sha256, bytes: file.consumed, format: .qqMHT, status: .unsupported,
      reason: "QQ MHT export: \(part) runs past \(limit) bytes, the limit for parsing; hashed but not read")
  }

  /// Reads and hashes the rest of `file`: the whole file's SHA-256 and, for a file that could not
  /// be read or changed while it was read, its manifest entry instead (like a whole read's,
  /// without a hash, so that none from a half-written file reaches the report).
  private static func settle(_ file: SequentialFile, display: String) -> (sha256: String, failure: EvidenceDocument?) {
    let (sha256, change) = file.finish()
    let reason =
      if let failure = file.failure {
        IngestError.unreadable(path: display, reason: failure).description
      } else if let change {
        "\(IngestError.changedWhileReading(path: display)) (\(change))"
      } else {
        String?.none
      }
    guard let reason else { return (sha256, nil) }
    return (sha256, EvidenceDocument(path: display, sha256: "", bytes: 0, format: .qqMHT, status: .error, reason: reason))
  }
}

/// Follows the MIME structure of a QQ MHT export line by line, as `MIMEPart.parse` reads it, up
/// to the boundary line that ends its first `text/html` part.
private struct HeadScanner {
  /// What one call of `scan` found.
  enum Step {
    /// The top level is not a multipart with a boundary, or a part before the HTML part ends
    /// is itself a multipart: the head cannot be told apart this way.
    case notThisShape
    /// The offset of the boundary line that ends the HTML part.
    case cut(Int)
    /// Every complete line was read; more bytes are needed.
    case needMore
  }

  /// What one line tells.
  private enum LineVerdict {
    case goesOn
    /// The line is the boundary that ends the HTML part.
    case endsHead
    case notThisShape
  }

  private enum Phase {
    case topHeaders
    case body
    case partHeaders
    /// After the closing boundary (no HTML part came before it).
    case epilogue
  }

  private var phase = Phase.topHeaders
  /// The `Content-Type` of the entity whose headers are being read, as `MIMEPart` unfolds it.
  private var contentType: String?
  /// Whether the last header field named was `Content-Type` (a folded line continues it).
  private var continuesType = false
  /// Whether the part being read is the first `text/html` part.
  private var inHTML = false
  /// `--boundary` as bytes, once the top-level headers are read.
  private(set) var delimiter: [UInt8] = []
  /// The lines read so far.
  private(set) var lineCount = 0
  /// The line where the HTML part's headers start, once known.
  private(set) var htmlLine: Int?
  /// The line where the current part's headers start.
  private var partLine = 0

  /// Reads the complete lines of `bytes` from `offset` on, moving `offset` past them.
  mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, from offset: inout Int) -> Step {
    do {
      guard let base = buffer.baseAddress else { return .needMore }
      while offset < buffer.count {
        guard let found = memchr(base + offset, 0x0A, buffer.count - offset) else { return .needMore }
        let lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        var start = offset
        if start == 0, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let contentEnd = lineEnd > start && buffer[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
        let line = UnsafeBufferPointer(rebasing: buffer[start..<max(start, contentEnd)])
        let lineStart = offset
        lineCount += 1
        offset = lineEnd + 1
        switch read(line) {
        case .notThisShape: return .notThisShape
        case .endsHead: return .cut(lineStart)
        case .goesOn: continue
        }
      }
      return .needMore
    }
  }

  /// Reads one line (without its break).
  private mutating func read(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
    switch phase {
    case .topHeaders, .partHeaders:
      guard line.isEmpty else {
        readHeader(String(decoding: line, as: UTF8.self))
        return .goesOn
      }
      return endHeaders()
    case .epilogue:
      return .goesOn
    case .body:
      guard line.starts(with: [0x2D, 0x2D]) else { return .goesOn }
      let text = Substring(String(decoding: line, as: UTF8.self)).trimmingTrailingWhitespace
      let boundary = String(decoding: delimiter, as: UTF8.self)
      guard text == boundary || text == boundary + "--" else { return .goesOn }
      if inHTML { return .endsHead }
      guard text == boundary else {
        phase = .epilogue
        return .goesOn
      }
      phase = .partHeaders
      contentType = nil
      continuesType = false
      partLine = lineCount + 1
      return .goesOn
    }
  }

  /// One header line, unfolded like `MIMEPart.parse`.
  private mutating func readHeader(_ line: String) {
    if let first = line.first, first == " " || first == "\t" {
      if continuesType, let type = contentType {
        contentType = type + " " + Substring(line).trimmingTrailingWhitespace.drop { $0 == " " || $0 == "\t" }
      }
    } else if let colon = line.firstIndex(of: ":") {
      continuesType = line[..<colon].lowercased().trimmingSpaces == "content-type"
      if continuesType, contentType == nil {
        contentType = String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
      }
    }
  }

  /// The blank line after the headers of the top level or of a part.
  private mutating func endHeaders() -> LineVerdict {
    let mediaType = MIMEPart.mediaType(of: contentType)
    if phase == .topHeaders {
      guard mediaType.hasPrefix("multipart/"), let type = contentType, let boundary = MIMEPart.parameter("boundary", in: type)
      else { return .notThisShape }
      delimiter = Array(("--" + boundary).utf8)
    } else {
      guard !mediaType.hasPrefix("multipart/") else { return .notThisShape }
      if mediaType == "text/html" {
        inHTML = true
        htmlLine = partLine
      }
    }
    phase = .body
    return .goesOn
  }
}

/// Counts the boundary lines that open a part in the rest of a MIME file, read in chunks, keeping
/// only the first bytes of each line: enough to tell a boundary line (with a few trailing spaces)
/// from any other.
private struct PartCounter {
  /// `--boundary`.
  let delimiter: [UInt8]
  /// The opening parts seen.
  private(set) var parts = 0
  /// The first bytes of the current line.
  private var lineHead: [UInt8] = []
  /// Whether the current line is still short enough to be a boundary line.
  private var mayBeBoundary = true

  init(delimiter: [UInt8]) {
    self.delimiter = delimiter
  }

  /// The longest line that is still read as a possible boundary line.
  private var headLimit: Int { delimiter.count + 8 }

  /// Reads the next chunk of the file.
  mutating func feed(_ chunk: ArraySlice<UInt8>) {
    chunk.withUnsafeBufferPointer { feed($0) }
  }

  /// Reads the next chunk of the file, given in place.
  mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>) {
    do {
      guard let base = buffer.baseAddress else { return }
      var index = 0
      while index < buffer.count {
        let found = memchr(base + index, 0x0A, buffer.count - index)
        let end = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
        if mayBeBoundary {
          if lineHead.count + end - index <= headLimit {
            lineHead.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<end]))
          } else {
            mayBeBoundary = false
          }
        }
        guard found != nil else { return }
        endLine()
        index = end + 1
      }
    }
  }

  /// Ends the last line of the file.
  mutating func finish() {
    endLine()
  }

  private mutating func endLine() {
    if mayBeBoundary, lineHead.starts(with: delimiter) {
      let rest = lineHead.dropFirst(delimiter.count)
      if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { parts += 1 }
    }
    lineHead.removeAll(keepingCapacity: true)
    mayBeBoundary = true
  }
}
