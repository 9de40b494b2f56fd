/// When and how large text files are read in pieces instead of whole.
///
/// A file above `thresholdBytes` in a format whose records can be cut apart (MemoTrace, WeFlow,
/// wechat-dump and QQ TXT, plain text) is read `pieceBytes` at a time, each piece ending where a
/// record starts, so memory follows the piece size rather than the file size and files above the
/// parse limit are read too. A QQ MHT export above `thresholdBytes` is read through its HTML part
/// only. Other formats, and text that is not UTF-8, are read whole.
public struct StreamingPolicy: Sendable, Hashable {
  /// Files larger than this are read in pieces where the format allows.
  public var thresholdBytes: Int
  /// The size a piece grows to before it is cut at the next record start.
  public var pieceBytes: Int
  /// A piece with no record start within this many bytes is cut at a line break instead, with
  /// a warning (a record then spans two pieces).
  public var maxPieceBytes: Int

  /// A file of at least this size read whole by a parser that hands its units over in batches
  /// (HTML pages, the JSON and CSV chat exports) is parsed on a thread of its own while its
  /// batches are scanned, so one large export keeps two cores busy.
  public var parserThreadBytes: Int

  /// Creates a policy; the defaults read files above 16 MB in pieces of about 4 MB and parse a
  /// whole-read file of 8 MB or more on a thread of its own.
  public init(
    thresholdBytes: Int = 16 << 20, pieceBytes: Int = 4 << 20, maxPieceBytes: Int = 64 << 20,
    parserThreadBytes: Int = 8 << 20
  ) {
    self.thresholdBytes = thresholdBytes
    self.pieceBytes = max(pieceBytes, 1)
    self.maxPieceBytes = max(maxPieceBytes, self.pieceBytes)
    self.parserThreadBytes = parserThreadBytes
  }
}
