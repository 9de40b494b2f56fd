/// Reads an evidence file again, piece by piece, for a parser that must see it more than once
/// (see `PieceCarry`): each reading opens the file anew (read-only, without following a final
/// symbolic link) and hashes what it reads, and a reading whose bytes are not those first hashed
/// is reported as a change, which makes the document an error ("changed while it was being
/// read"). Nothing is copied: no temporary file as large as the evidence, and the page cache
/// usually serves the second reading.
final class EvidenceRereader {
  private let path: [UInt8]
  private let io: FileIO
  /// The SHA-256 (lower-case hex) of the first reading.
  private let sha256: String
  private var file: SequentialFile?
  /// Why a reading could not go on (the file could not be opened or read again), once it could not.
  private(set) var failure: String?
  /// How the file differed from the first reading, once a reading found it did.
  private(set) var change: String?

  /// A rereader of the file at `path`, first read with hash `sha256`.
  init(path: [UInt8], io: FileIO, sha256: String) {
    self.path = path
    self.io = io
    self.sha256 = sha256
  }

  /// Starts a new reading from the first byte.
  func rewind() {
    guard failure == nil, change == nil else { return }
    file = SequentialFile(path: path, io: io)
    if file == nil { failure = "it could not be opened again" }
  }

  /// The next `count` bytes of this reading, or nil (with `failure` or `change` set) when they
  /// cannot all be read.
  func read(count: Int) -> [UInt8]? {
    guard failure == nil, change == nil, let file else { return nil }
    let bytes = file.read(upTo: count)
    guard bytes.count == count else {
      if let error = file.failure { failure = error } else { change = "it ended early when read again" }
      return nil
    }
    return bytes
  }

  /// Ends this reading: it must have read the whole file, with the first reading's hash.
  func endReading() {
    guard failure == nil, change == nil, let file else { return }
    let (hash, changed) = file.finish()
    if let error = file.failure {
      failure = error
    } else if let changed {
      change = changed
    } else if hash != sha256 {
      change = "its bytes differed when it was read again"
    }
    self.file = nil
  }
}
