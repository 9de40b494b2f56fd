/// Where a `PieceStream` reads its text: an evidence file in UTF-8 (`SequentialFile`), or the
/// decoded text of one in another encoding (`DecodedTextPieces`).
protocol PieceSource: AnyObject {
  /// The next bytes of UTF-8, at most `count`: fewer only at the end or when a read failed.
  func read(upTo count: Int) -> [UInt8]
  /// The evidence file's bytes read so far; its size once it has been read to the end.
  var consumed: Int { get }
  /// Why a read failed, once one did.
  var failure: String? { get }
  /// Whether the end was reached.
  var isAtEnd: Bool { get }
  /// The evidence file's SHA-256 (lower-case hex) and, when it changed while it was read, how.
  func finish() -> (sha256: String, change: String?)
}

/// Reads a `PieceStream`'s text again, for a parser that must see it more than once (see
/// `PieceCarry`).
protocol PieceRereading: AnyObject {
  /// Starts a new reading from the first byte.
  func rewind()
  /// The next `count` bytes of this reading, or nil (with `failure` or `change` set) when they
  /// cannot all be read.
  func read(count: Int) -> [UInt8]?
  /// Ends this reading, which must have read everything the first reading read.
  func endReading()
  /// Why a reading could not go on, once it could not.
  var failure: String? { get }
  /// How the evidence differed from the first reading, once a reading found it did.
  var change: String? { get }
}

extension SequentialFile: PieceSource {}

extension EvidenceRereader: PieceRereading {}
