import Foundation

extension EvidenceFolder {
  /// Reads one entry and hands its units to `consume`:
  /// - a large UTF-8 file in a format that can be cut (see `StreamingPolicy`: MemoTrace, WeFlow
  ///   and wechat-dump TXT, plain text, and QQ TXT, whose pieces carry their state through a
  ///   `PieceCarry`) as a series of pieces, each an `EvidenceDocument` whose units carry their
  ///   true line numbers; such a file in UTF-16, GB18030 or Big5 of `decodedCopyFromBytes` or
  ///   more, or above the parse limit, is read in pieces through a UTF-8 copy (`readTranscoded`),
  ///   with the units and diagnostics its text decoded in memory gives. When the copy cannot be
  ///   made, a file within the parse limit is read as before, its text decoded in memory (the
  ///   same findings, at a memory that grows with the file), with a `decoded-copy` note saying
  ///   why; one above the limit is listed unread with a `decoded-copy` warning;
  /// - a large QQ MHT export by its head alone, up to the end of its HTML part (`MHTTextHead`):
  ///   the pictures after it are hashed, not held;
  /// - a file whose parser reads it bit by bit (HTML pages, the JSON, JavaScript and CSV chat
  ///   exports, WhatsApp and WechatExporter TXT, WechatExporter HTML and QQ MHT:
  ///   `BatchingParser`) as the batches of `UnitBatches.standardSize` units it hands over while
  ///   it reads, then the rest;
  /// - any other entry as one whole document.
  ///
  /// Returns the document for the manifest: for a file read in pieces or batches its units are
  /// empty, `unitCount` is the total and the hash covers the whole file; otherwise it is the
  /// document `consume` was given.
  ///
  /// Never throws; safe to call concurrently for different entries. For streamed files memory
  /// follows `policy.pieceBytes`, not the file's size, and files above `options.maxParseBytes`
  /// are read; a file read in batches is still read whole, but never holds all its units at once,
  /// and concurrent calls read whole at most `wholeReads.capacity` bytes of files at a time (a
  /// file read in pieces counting as half that, a large QQ MHT export as its size up to the parse
  /// limit until its head has been read and parsed).
  /// Pieces, and the batches of a file of `policy.parserThreadBytes` or more, are read and parsed
  /// on a thread of their own while `consume` works through the one before.
  public func read(
    _ entry: EvidenceEntry, streaming policy: StreamingPolicy, pieces consume: (EvidenceDocument) -> Void
  ) -> EvidenceDocument {
    var batched = false
    func handOver(_ piece: EvidenceDocument) {
      batched = true
      consume(piece)
    }
    /// Parses what `produce` reads, on a thread of its own for `size` bytes or more, and hands the
    /// units over; the document returned is the manifest's.
    func parse(
      size: Int, _ produce: @escaping (_ deliver: (EvidenceDocument) -> Void) -> EvidenceDocument
    ) -> EvidenceDocument {
      var document =
        size >= policy.parserThreadBytes
        ? PiecePipeline.run(producing: produce, consume: handOver)
        : produce(handOver)
      consume(document)
      if batched { document.units = [] }
      return document
    }
    var size = 0
    if entry.problem == nil, entry.archiveMember == nil, let file = SequentialFile(path: entry.systemPath, io: io) {
      size = file.size
      if file.size > policy.thresholdBytes,
        let stream = PieceStream(
          file: file, rereader: { [io] in EvidenceRereader(path: entry.systemPath, io: io, sha256: $0) },
          path: entry.relativePath, policy: policy, options: options, sieve: unitSieve)
      {
        // A file read in pieces holds a few pieces' text and units at a time, whatever its size:
        // it counts as a file of half the budget, so it is not read beside a large whole read.
        let document = wholeReads.whileReserving(wholeReads.capacity / 2) { stream.run(consume) }
        if size >= FreedMemory.trimAfterBytes { FreedMemory.release() }
        return document
      }
      if file.size > policy.thresholdBytes {
        // The head's size is known only once it is read, so the file reserves all its head may
        // take before reading it, until its units are handed over.
        let head = wholeReads.whileReserving(min(file.size, options.maxParseBytes)) { () -> EvidenceDocument? in
          switch MHTTextHead.read(entry.systemPath, display: entry.relativePath, limit: options.maxParseBytes, io: io) {
          case nil:
            return nil
          case .failed(let document):
            consume(document)
            return document
          case .head(let text, let encoding, let head):
            return parse(size: head.headBytes) { deliver in
              var document = EvidenceReader.read(
                text: text, encoding: encoding, sha256: head.sha256, size: head.size, path: entry.relativePath,
                options: options, sieve: unitSieve, inBatches: true, pieces: deliver)
              if let note = head.note {
                document.diagnostics.append(
                  Diagnostic(.note, code: "mht-head", file: entry.relativePath, line: nil, message: note))
              }
              return document
            }
          }
        }
        if let head {
          if size >= FreedMemory.trimAfterBytes { FreedMemory.release() }
          return head
        }
      }
    }
    var copyProblem: String?
    if size > policy.thresholdBytes, size > options.maxParseBytes || size >= decodedCopyFromBytes,
      let document = readTranscoded(entry, streaming: policy, problem: &copyProblem, pieces: consume)
    {
      return document
    }
    // A file above the parse limit is only hashed, in blocks: it reserves nothing.
    var document = wholeReads.whileReserving(size <= options.maxParseBytes ? size : 0) {
      parse(size: size) { deliver in read(entry, inBatches: true, streaming: policy, pieces: deliver) }
    }
    if let copyProblem {
      // Within the parse limit the file is read all the same, its text decoded in memory.
      let aboveLimit = size > options.maxParseBytes
      document.diagnostics.append(
        Diagnostic(
          aboveLimit ? .warning : .note, code: "decoded-copy", file: entry.relativePath, line: nil,
          message: aboveLimit
            ? "\(copyProblem), so this file above the parse limit was not read in pieces"
            : "\(copyProblem), so its text was decoded in memory to be read (memory then grows with the file)"))
    }
    if size >= FreedMemory.trimAfterBytes { FreedMemory.release() }
    return document
  }
}

/// One large text file read piece by piece (see `EvidenceFolder.read(_:streaming:pieces:)`): a
/// UTF-8 file read from disk, or the text of a file in another encoding decoded whole.
///
/// A format whose pieces cannot be parsed alone (its parser has a `PieceCarry`) is read in
/// surveys and then parsed: the evidence file is read and hashed during the first survey, and
/// read again for each later reading by a `PieceRereading` (for a file on disk an
/// `EvidenceRereader`, which checks that it reads the bytes first hashed).
struct PieceStream {
  let file: any PieceSource
  let path: String
  let policy: StreamingPolicy
  let options: IngestOptions
  let sieve: UnitSieve?
  let parser: any DocumentParser
  let encoding: TextEncoding
  /// Reads the text again for a parser with a `PieceCarry`, given the hash of the first reading.
  let rereader: (_ sha256: String) -> any PieceRereading
  /// Bytes read but not yet handed over, starting at a piece boundary.
  private var pending: [UInt8]

  /// Reads the head of `file` (shown as `path`) and picks its parser; nil when the text is not
  /// UTF-8 in a format that can be cut (it is then read whole). A head damaged in a few places
  /// (`UTF8Damage`) is UTF-8 as for a file read whole: the file is read in pieces all the same,
  /// each piece naming its damaged lines, so that one bad byte near the start of a large export
  /// does not make it be read whole. `encoding` is the file's when its text was decoded from
  /// another (the head then tells only UTF-8).
  init?(
    file: any PieceSource, rereader: @escaping (_ sha256: String) -> any PieceRereading, path: String,
    policy: StreamingPolicy, options: IngestOptions, sieve: UnitSieve?, encoding decodedFrom: TextEncoding? = nil
  ) {
    let head = file.read(upTo: policy.pieceBytes)
    guard let lineEnd = PieceCutter.lastLineBreakEnd(in: head), !Self.hasLoneCarriageReturn(head[..<lineEnd]),
      let source = SourceText(utf8Head: head, path: path, options: options, acceptingDamage: true)
    else { return nil }
    let encoding = decodedFrom ?? source.encoding
    let parser = ParserRegistry.parser(for: source)
    guard parser.readsInPieces else { return nil }
    self.file = file
    self.rereader = rereader
    self.path = path
    self.policy = policy
    self.options = options
    self.sieve = sieve
    self.parser = parser
    self.encoding = encoding
    pending = head
  }

  /// Parses every piece, passing each to `consume`; returns the manifest document. The pieces
  /// are read and parsed on a thread of their own while `consume` works through the one before,
  /// so one large file keeps two cores busy; at most one parsed piece waits.
  consuming func run(_ consume: (EvidenceDocument) -> Void) -> EvidenceDocument {
    let stream = self
    return PiecePipeline.run(
      producing: { deliver in
        stream.produce(deliver)
      }, consume: consume)
  }

  /// Reads and parses every piece in turn, passing each to `deliver`; returns the manifest document.
  consuming func produce(_ deliver: (EvidenceDocument) -> Void) -> EvidenceDocument {
    if let carry = parser.pieceCarry(path: path, options: options, sieve: sieve) {
      return produce(carrying: carry, deliver)
    }
    var lineOffset = 0
    var unitCount = 0
    var pieceCount = 0
    var diagnostics: [Diagnostic] = []
    // Each piece is sieved alone: its first and last messages may lie in the window of one that
    // passes in the piece before or after it.
    let pieceSieve = sieve?.keepingRunEnds()
    while let (piece, forced) = nextPiece() {
      var source = text(of: piece, first: pieceCount == 0, lineOffset: lineOffset, forced: forced, warnings: &diagnostics)
      source.sieve = pieceSieve
      let outcome = parser.parse(source)
      let units = outcome.units.map { $0.shifted(by: lineOffset) }
      diagnostics += outcome.diagnostics.map { $0.shifted(by: lineOffset) }
      deliver(
        EvidenceDocument(
          path: path, sha256: "", bytes: piece.count, format: parser.format, encoding: encoding.rawValue,
          status: .parsed, units: units))
      unitCount += TextUnit.count(of: units)
      lineOffset += source.lines.count
      pieceCount += 1
    }
    let (sha256, change) = file.finish()
    return manifest(
      sha256: sha256, change: change, diagnostics: diagnostics, unitCount: unitCount, pieceCount: pieceCount)
  }

  /// The text of the piece `bytes`, which follows `lineOffset` lines and is the file's first
  /// when `first`; adds to `warnings` when it is not all UTF-8 (naming the lines, as for a file
  /// read whole, see `UTF8Damage`) or was `forced` at a line break.
  func text(of bytes: [UInt8], first: Bool, lineOffset: Int, forced: Bool, warnings: inout [Diagnostic]) -> SourceText {
    var slice = bytes[...]
    if first, encoding == .utf8BOM { slice = slice.dropFirst(3) }
    let valid = String(validating: slice, as: UTF8.self)
    var source = SourceText(
      text: valid ?? String(decoding: slice, as: UTF8.self), path: path, encoding: encoding, options: options)
    source.lineOffset = lineOffset
    if valid == nil, let damage = UTF8Damage.measure(slice), !damage.isEmpty {
      warnings.append(damage.diagnostic(path: path, lineOffset: lineOffset))
    }
    if forced {
      warnings.append(
        source.diagnostic(
          .warning, "piece-cut", line: lineOffset + source.lines.count,
          "no record start within \(policy.maxPieceBytes) bytes; the file was cut at a line break here, so a record may be split"))
    }
    return source
  }

  /// The manifest document of the file read in `pieceCount` pieces holding `unitCount` units,
  /// whose hash is `sha256`: an error when the file could not be read (`failure`, else the
  /// file's own) or changed while it was read (`change`).
  func manifest(
    sha256: String, change: String?, diagnostics: [Diagnostic], unitCount: Int, pieceCount: Int, failure: String? = nil
  ) -> EvidenceDocument {
    var diagnostics = diagnostics
    diagnostics.append(
      Diagnostic(
        .note, code: "streamed", file: path, line: nil,
        message: "read in \(pieceCount) pieces of about \(policy.pieceBytes >> 20) MB"))
    var document = EvidenceDocument(
      path: path, sha256: sha256, bytes: file.consumed, format: parser.format, encoding: encoding.rawValue,
      status: .parsed, diagnostics: diagnostics, unitCount: unitCount)
    EvidenceReader.settleStatus(&document)
    if let failure = failure ?? file.failure {
      document.status = .error
      document.reason = IngestError.unreadable(path: path, reason: failure).description
    } else if let change {
      document.status = .error
      document.reason = "\(IngestError.changedWhileReading(path: path).description) (\(change))"
    }
    return document
  }

  /// The next piece of the evidence file, or nil at its end: at least `pieceBytes` (unless the
  /// file ends), cut where a record starts; `forced` when no record start came within
  /// `maxPieceBytes` and it was cut at a line break.
  mutating func nextPiece() -> (bytes: [UInt8], forced: Bool)? {
    guard !pending.isEmpty || !fileEnded else { return nil }
    while pending.count < policy.pieceBytes, !fileEnded {
      pending += file.read(upTo: policy.pieceBytes - pending.count)
    }
    let cutter = PieceCutter(parser: parser)
    var searchedTo = policy.pieceBytes
    var cut = cutter.cut(in: pending, from: searchedTo)
    var forced = false
    while cut == nil, !fileEnded {
      if pending.count >= policy.maxPieceBytes,
        let lineBreak = PieceCutter.lastLineBreakEnd(in: Array(pending[..<policy.maxPieceBytes]))
      {
        cut = lineBreak
        forced = true
        break
      }
      searchedTo = max(searchedTo, PieceCutter.lastLineBreakEnd(in: pending) ?? searchedTo)
      pending += file.read(upTo: min(1 << 20, max(policy.maxPieceBytes - pending.count, 4_096)))
      cut = cutter.cut(in: pending, from: searchedTo)
    }
    let end = cut ?? pending.count
    let piece = Array(pending[..<end])
    pending.removeFirst(end)
    if piece.isEmpty, fileEnded { return nil }
    return (piece, forced)
  }

  /// Whether nothing more can be read: the end was reached or a read failed (the manifest
  /// document then says why).
  private var fileEnded: Bool { file.isAtEnd || file.failure != nil }

  /// Whether a `\r` not followed by `\n` occurs (such files are read whole, since pieces are
  /// cut after `\n` only).
  private static func hasLoneCarriageReturn(_ bytes: ArraySlice<UInt8>) -> Bool {
    var index = bytes.startIndex
    while let found = bytes[index...].firstIndex(of: 0x0D) {
      let next = bytes.index(after: found)
      if next == bytes.endIndex || bytes[next] != 0x0A { return next != bytes.endIndex }
      index = next
    }
    return false
  }
}

/// Reads and parses on a dedicated thread (not a dispatch worker, so a scan that already
/// occupies every worker cannot starve it) while the calling thread consumes what was read.
private enum PiecePipeline {
  /// Runs `produce` on its own thread, handing each piece it delivers to `consume` on this one,
  /// and returns what `produce` returns; at most one piece waits between them.
  static func run(
    producing produce: @escaping (_ deliver: (EvidenceDocument) -> Void) -> EvidenceDocument,
    consume: (EvidenceDocument) -> Void
  ) -> EvidenceDocument {
    let handover = PieceHandover()
    PieceProducer(produce: produce, handover: handover).start()
    while true {
      switch handover.take() {
      case .piece(let piece): consume(piece)
      case .end(let document): return document
      }
    }
  }
}

/// The thread of a `PiecePipeline`.
private final class PieceProducer: @unchecked Sendable {
  private let produce: ((EvidenceDocument) -> Void) -> EvidenceDocument
  private let handover: PieceHandover

  init(produce: @escaping ((EvidenceDocument) -> Void) -> EvidenceDocument, handover: PieceHandover) {
    self.produce = produce
    self.handover = handover
  }

  func start() {
    let thread = Thread { [self] in
      let document = produce { handover.put(.piece($0)) }
      handover.put(.end(document))
    }
    thread.stackSize = 8 << 20
    thread.start()
  }
}

/// Parsed pieces passed from the reading thread to the scanning one; `put` waits while a piece
/// is already waiting.
private final class PieceHandover: @unchecked Sendable {
  /// What the reading thread hands over.
  enum Delivery {
    /// The next piece.
    case piece(EvidenceDocument)
    /// The manifest document, after the last piece.
    case end(EvidenceDocument)
  }

  private let condition = NSCondition()
  private var waiting: Delivery?

  /// Hands `delivery` over, waiting until the previous one was taken.
  func put(_ delivery: Delivery) {
    condition.lock()
    while waiting != nil { condition.wait() }
    waiting = delivery
    condition.broadcast()
    condition.unlock()
  }

  /// The next delivery, waiting until there is one.
  func take() -> Delivery {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let delivery = waiting {
        waiting = nil
        condition.broadcast()
        return delivery
      }
      condition.wait()
    }
  }
}
