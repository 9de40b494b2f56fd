import Crypto
import Foundation

/// Turns the bytes of one evidence file into an `EvidenceDocument`: hash, sniff, decode, detect
/// the format from content, parse. Never throws: every problem becomes a status and a reason.
public enum EvidenceReader {
  /// Parses in-memory bytes as if they were a file at `path` (relative, `/`-separated).
  /// Safe to call concurrently.
  public static func read(data: Data, path: String, options: IngestOptions = IngestOptions()) -> EvidenceDocument {
    read(bytes: [UInt8](data), path: path, options: options)
  }

  /// `read(data:path:options:)` for bytes already in an array (a file just read), without the
  /// copies a `Data` round trip would make.
  static func read(bytes: consuming [UInt8], path: String, options: IngestOptions) -> EvidenceDocument {
    var document = parse(bytes, path: path, options: options, sieve: nil, inBatches: false) { _ in }
    document.unitCount = TextUnit.count(of: document.units)
    return document
  }

  /// `read(bytes:path:options:)` for a parser that hands units over while it parses (a large
  /// HTML page): each batch goes to `consume` as a piece of the document, and the document
  /// returned holds the units not yet handed over, with `unitCount` counting them all. Chat
  /// parsers build whole only the messages `sieve` asks for (see `UnitSieve`). With `streaming`,
  /// a file above its threshold in another encoding than UTF-8, in a format that can be cut, is
  /// decoded whole and its text parsed in pieces (`DecodedTextPieces`). With `reread` (which opens
  /// the file again), a file of `rereadFrom` bytes or more in UTF-16 or GB18030 (damaged in a few
  /// places or not) is decoded from the file once its bytes are let go (`RereadDecoding`).
  static func read(
    bytes: consuming [UInt8], path: String, options: IngestOptions, sieve: UnitSieve?,
    streaming policy: StreamingPolicy? = nil, reread: (() -> SequentialFile?)? = nil,
    rereadFrom: Int = RereadDecoding.minimumBytes, pieces consume: (EvidenceDocument) -> Void
  ) -> EvidenceDocument {
    var delivered = 0
    var document = parse(
      bytes, path: path, options: options, sieve: sieve, inBatches: true, streaming: policy, reread: reread,
      rereadFrom: rereadFrom
    ) { piece in
      delivered += TextUnit.count(of: piece.units)
      consume(piece)
    }
    document.unitCount = delivered + TextUnit.count(of: document.units)
    return document
  }

  /// `read(bytes:path:options:)`, or with `inBatches` `read(bytes:path:options:sieve:pieces:)`,
  /// for a file already decoded as UTF-8 where it was read (`InPlaceText`), whose hash and size
  /// are given.
  static func read(
    text: String, encoding: TextEncoding, sha256: String, size: Int, path: String, options: IngestOptions,
    sieve: UnitSieve?, inBatches: Bool, pieces consume: (EvidenceDocument) -> Void
  ) -> EvidenceDocument {
    var document = EvidenceDocument(path: path, sha256: sha256, bytes: size, format: .unknown, status: .error)
    var delivered = 0
    parse(text, encoding, into: &document, options: options, sieve: inBatches ? sieve : nil, inBatches: inBatches) { piece in
      delivered += TextUnit.count(of: piece.units)
      consume(piece)
    }
    document.unitCount = delivered + TextUnit.count(of: document.units)
    return document
  }

  /// Hashes, sniffs and parses `bytes` (with `sieve`, see `UnitSieve`); the units are set but not
  /// yet counted. `inBatches` lets
  /// the parser hand units over in batches while it parses, each to `pieces` as a piece of the
  /// document. The bytes are let go once decoded, before the text is parsed.
  private static func parse(
    _ bytes: consuming [UInt8], path: String, options: IngestOptions, sieve: UnitSieve?, inBatches: Bool,
    streaming policy: StreamingPolicy? = nil, reread: (() -> SequentialFile?)? = nil,
    rereadFrom: Int = RereadDecoding.minimumBytes, pieces: (EvidenceDocument) -> Void
  ) -> EvidenceDocument {
    var document = EvidenceDocument(
      path: path, sha256: sha256Hex(bytes), bytes: bytes.count, format: .unknown, status: .error)
    guard !bytes.isEmpty else {
      document.reason = IngestError.empty(path: path).description
      return document
    }
    if let signature = BinarySignature.detect(bytes) {
      if signature == .zip {
        ZipDocumentReader.read(bytes, into: &document, options: options)
        return document
      }
      if signature == .pdf {
        PDFTextReader.read(bytes, into: &document)
        return document
      }
      document.format = .binary
      document.status = .unsupported
      document.reason = "\(signature.kind), not text evidence"
      return document
    }
    let xorImage = BinarySignature.xorImage(bytes)?.kind
    let outcome: DecodedText
    // For a binary outcome: whether the bytes hold control bytes (nil when not known).
    var controlBytes: Bool?
    let sniffed = TextDecoding.sniff(bytes, rereadFrom: rereadFrom)
    if let reread, bytes.count >= rereadFrom, let plan = RereadDecoding.plan(sniffed), let file = reread() {
      _ = consume bytes
      switch RereadDecoding.decode(file, size: document.bytes, plan: plan, sha256: document.sha256, again: reread) {
      case .success(let decoded):
        outcome = decoded
        if case .binary = decoded, plan == .gb18030 { controlBytes = reread().flatMap(holdsControlBytes) }
      case .failure(.unreadable(let reason)):
        document.sha256 = ""
        document.reason = IngestError.unreadable(path: path, reason: "it could not be read again: \(reason)").description
        return document
      case .failure(.changed(let change)):
        document.sha256 = ""
        document.reason = "\(IngestError.changedWhileReading(path: path).description) (\(change))"
        return document
      }
    } else {
      outcome = TextDecoding.decode(bytes, as: sniffed)
      if case .binary = outcome { controlBytes = bytes.withUnsafeBufferPointer(holdsControlBytes) }
      _ = consume bytes
    }
    let decoded: (text: String, encoding: TextEncoding)
    var damage: UTF8Damage?
    switch outcome {
    case .binary:
      document.format = .binary
      document.status = .unsupported
      document.reason = "\(xorImage ?? binaryReason(sniffed, controlBytes: controlBytes)), not text evidence"
      return document
    case .undecodable:
      document.reason = IngestError.undecodable(path: path).description
      return document
    case .text(let text, let encoding):
      decoded = (text, encoding)
    case .damaged(let text, let encoding, let found):
      decoded = (text, encoding)
      damage = found
    }
    // A text that still starts with U+FEFF (a second byte-order mark) is read whole: a piece's
    // head would be taken for UTF-8 with a byte-order mark, which the whole read does not strip.
    if let policy, document.bytes > policy.thresholdBytes, decoded.encoding != .utf8, decoded.encoding != .utf8BOM,
      decoded.text.unicodeScalars.first != "\u{FEFF}"
    {
      let text = DecodedTextPieces(text: decoded.text, sha256: document.sha256, size: document.bytes)
      if let stream = PieceStream(
        file: text, rereader: { _ in text }, path: path, policy: policy, options: options, sieve: sieve,
        encoding: decoded.encoding)
      {
        // The damage is reported as for a text parsed whole: first, the file partial.
        var streamed = stream.produce(pieces)
        if let damage {
          streamed.diagnostics.insert(damage.diagnostic(path: path), at: 0)
          if streamed.status != .error { settleStatus(&streamed) }
        }
        return streamed
      }
    }
    parse(
      decoded.text, decoded.encoding, damage: damage, into: &document, options: options, sieve: sieve,
      inBatches: inBatches, pieces: pieces)
    return document
  }

  /// What bytes decoded as binary data (`DecodedText.binary`, not an XOR-encoded picture) were
  /// seen to be, sniffed as `sniffed`, holding control bytes or not (`controlBytes`, nil when not
  /// known). Bytes without NUL or control bytes that GB18030 decodes into too many private-use
  /// characters, and that Big5 does not read either, are often text in another encoding (Shift_JIS,
  /// EUC-KR …), and are not called binary.
  private static func binaryReason(_ sniffed: TextDecoding.Sniffed, controlBytes: Bool?) -> String {
    switch (sniffed, controlBytes) {
    case (.binary, _):
      "binary data (NUL bytes)"
    case (.utf16, _):
      "binary data (zero bytes placed as in UTF-16 text, but not valid UTF-16)"
    case (_, true?):
      "binary data (control bytes; not UTF-8, UTF-16, GB18030 or Big5 text)"
    case (_, false?):
      "not UTF-8, UTF-16, GB18030 or Big5 text: another encoding, or binary data (no NUL or control "
        + "bytes were seen; read as GB18030, over one character in twenty would be a private-use character)"
    case (_, nil):
      "not UTF-8, UTF-16, GB18030 or Big5 text: another encoding, or binary data"
    }
  }

  /// Whether `bytes` hold a control byte that is not in text (other than tab, line feed, form
  /// feed and carriage return: those `TextDecoding.isPlausibleText` counts against text).
  private static func holdsControlBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains { $0 == 0x7F || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D) }
  }

  /// `holdsControlBytes` of the file `file` reads, block by block; nil when a read fails before
  /// one is found.
  private static func holdsControlBytes(_ file: SequentialFile) -> Bool? {
    while true {
      let block = file.read(upTo: RereadDecoding.blockBytes)
      if block.isEmpty { return file.failure == nil ? false : nil }
      if block.withUnsafeBufferPointer(holdsControlBytes) { return true }
    }
  }

  /// Parses the decoded text of `document`'s file into it (units set but not yet counted); see
  /// `parse(_:path:options:sieve:inBatches:pieces:)`. A text decoded with `damage` is `partial`,
  /// its first diagnostic the warning naming the lines that held bytes that are not UTF-8.
  private static func parse(
    _ text: String, _ encoding: TextEncoding, damage: UTF8Damage? = nil, into document: inout EvidenceDocument,
    options: IngestOptions, sieve: UnitSieve?, inBatches: Bool, pieces: (EvidenceDocument) -> Void
  ) {
    let path = document.path
    var source = SourceText(text: text, path: path, encoding: encoding, options: options)
    source.sieve = sieve
    document.encoding = encoding.rawValue
    let parser = ParserRegistry.parser(for: source)
    document.format = parser.format
    let outcome =
      if inBatches {
        parser.parse(source) { units in
          pieces(
            EvidenceDocument(
              path: path, sha256: "", bytes: 0, format: parser.format, encoding: document.encoding,
              status: .parsed, units: units))
        }
      } else {
        parser.parse(source)
      }
    document.units = outcome.units
    document.diagnostics = outcome.diagnostics
    if let damage { document.diagnostics.insert(damage.diagnostic(path: path), at: 0) }
    settleStatus(&document)
  }

  /// Sets a parsed document's status from its diagnostics: `parsed` with notes only, else
  /// `partial` with a reason naming the first problem.
  static func settleStatus(_ document: inout EvidenceDocument) {
    let problems = document.diagnostics.filter { $0.severity != .note }
    if problems.isEmpty {
      document.status = .parsed
    } else {
      document.status = .partial
      document.reason =
        problems.count == 1
        ? "parsed with 1 problem: \(problems[0].message)"
        : "parsed with \(problems.count) problems; first: \(problems[0].message)"
    }
  }

  /// Lower-case hex SHA-256 of `bytes`.
  static func sha256Hex(_ bytes: some DataProtocol) -> String {
    SHA256.hash(data: bytes).lowercaseHex
  }
}
