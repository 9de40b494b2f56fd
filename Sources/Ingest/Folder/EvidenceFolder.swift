import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A walked evidence folder.
///
/// Every file below the root is an entry, hidden files included (evidence is evidence; a macOS
/// `.DS_Store` is listed and reported `unsupported` as Finder metadata). Symbolic links are never
/// followed out of the folder: a link to a file inside it is read through its target, links
/// outside, loops, broken links, special files and unlistable folders become entries whose
/// document has status `error` and the reason. Files are opened read-only and never modified.
public struct EvidenceFolder: Sendable {
  /// The folder as given.
  public let root: URL
  /// Reading options.
  public let options: IngestOptions
  /// The sieve a scan sets so that chat parsers build only the messages it needs whole; used by
  /// `read(_:streaming:pieces:)` only, never by `read(_:)`.
  public var unitSieve: UnitSieve?
  /// The root's resolved real path: every link target is checked against it.
  let realRoot: [UInt8]
  /// The `fstat` used to notice a file changing while it is read.
  let io: FileIO
  /// ZIP archives of the folder and ZIPs nested in them, kept open while their members are read.
  private let openArchives: OpenArchiveCache
  /// The bytes of files that concurrent `read(_:streaming:pieces:)` calls may read whole at once:
  /// half the parse limit, so that two large exports are not parsed side by side.
  let wholeReads: WholeReadBudget
  /// Where a text file in GB18030, UTF-16 or Big5 is decoded into a UTF-8 copy to be read in
  /// pieces (`readTranscoded`): the temporary folder.
  var decodedCopyFolder = FileManager.default.temporaryDirectory
  /// Where each decoded copy is registered until it is removed, for an interrupted scan to
  /// remove it (`TemporaryFiles`); tests give their own.
  var temporaryFiles = TemporaryFiles.shared
  /// A text file of at least this many bytes in GB18030, UTF-16 or Big5 that is read in pieces is
  /// read through a UTF-8 copy even within the parse limit: the size from which such a file's
  /// text is decoded again from the file (`RereadDecoding.minimumBytes`); tests lower it.
  var decodedCopyFromBytes = RereadDecoding.minimumBytes

  /// Opens the folder at `root`; throws `.folderNotFound` when it does not exist or is not a
  /// folder, `.unreadable` when it cannot be listed.
  public init(root: URL, options: IngestOptions = IngestOptions()) throws(IngestError) {
    try self.init(root: root, options: options, io: .system)
  }

  /// Opens the folder at `root`, noticing file changes through `io` (tests simulate changes).
  init(root: URL, options: IngestOptions, io: FileIO) throws(IngestError) {
    self.root = root
    self.options = options
    self.io = io
    openArchives = OpenArchiveCache(capacity: options.maxParseBytes)
    wholeReads = WholeReadBudget(capacity: options.maxParseBytes / 2)
    let path = Array(root.path.utf8)
    guard case .success(let resolved) = FileSystem.realPath(path), FileSystem.lstatMode(resolved) == S_IFDIR else {
      throw IngestError.folderNotFound(path: root.path)
    }
    if case .failure(let problem) = FolderWalker.list(resolved) {
      throw IngestError.unreadable(path: root.path, reason: problem.description)
    }
    realRoot = resolved
  }

  /// Every file below root, sorted by relative path (`/` separators, UTF-8 byte order).
  public func entries() -> [EvidenceEntry] {
    FolderWalker(root: realRoot, options: options).walk()
  }

  /// Reads, hashes, sniffs and parses one entry. Never throws; safe to call concurrently.
  /// An entry whose bytes could not be read has an empty `sha256` and `bytes` 0.
  public func read(_ entry: EvidenceEntry) -> EvidenceDocument { read(entry, inBatches: false) { _ in } }

  /// `read(_:)`, where with `inBatches` a parser that hands units over while it parses (a large
  /// HTML page) sends each batch to `pieces` as a piece of the document, and the document
  /// returned holds the units not yet handed over (`unitCount` counts them all). With `streaming`
  /// too, a large file in another encoding than UTF-8 is decoded whole and its text read in
  /// pieces (see `DecodedTextPieces`).
  func read(
    _ entry: EvidenceEntry, inBatches: Bool, streaming policy: StreamingPolicy? = nil,
    pieces: (EvidenceDocument) -> Void
  ) -> EvidenceDocument {
    let path = entry.relativePath
    if let problem = entry.problem {
      return EvidenceDocument(
        path: path, sha256: "", bytes: 0, format: .unknown, status: problem.status, reason: problem.description)
    }
    if let member = entry.archiveMember {
      return withoutActuallyEscaping(pieces) { pieces in
        ArchiveMembers.read(
          entry, member: member, options: options, io: io, open: openArchives, budget: wholeReads,
          sieve: inBatches ? unitSieve : nil, pieces: inBatches ? pieces : nil)
      }
    }
    var read = FileBytes.read(entry.systemPath, display: path, limit: options.maxParseBytes, io: io, decodingInPlace: true)
    switch read {
    case .failure(let error):
      return EvidenceDocument(
        path: path, sha256: "", bytes: 0, format: .unknown, status: .error, reason: error.description)
    case .success(.tooLarge(let sha256, let size)):
      return EvidenceDocument(
        path: path, sha256: sha256, bytes: size, format: .unknown, status: .unsupported,
        reason: "file is \(size) bytes, above the \(options.maxParseBytes)-byte limit for parsing; hashed but not read")
    case .success(.bytes(let bytes)) where path == options.caseFileName:
      return caseFileEntry(path, sha256: EvidenceReader.sha256Hex(bytes), size: bytes.count)
    case .success(.text(_, _, let sha256, let size)) where path == options.caseFileName:
      return caseFileEntry(path, sha256: sha256, size: size)
    case .success(.text(let text, let encoding, let sha256, let size)):
      return EvidenceReader.read(
        text: text, encoding: encoding, sha256: sha256, size: size, path: path, options: options, sieve: unitSieve,
        inBatches: inBatches, pieces: pieces)
    case .success(.bytes(let bytes)):
      // The reader lets the bytes go once decoded: nothing else may hold them.
      read = .success(.bytes([]))
      guard inBatches else { return EvidenceReader.read(bytes: consume bytes, path: path, options: options) }
      return EvidenceReader.read(
        bytes: consume bytes, path: path, options: options, sieve: unitSieve, streaming: policy,
        reread: { [io] in SequentialFile(path: entry.systemPath, io: io) }, pieces: pieces)
    }
  }

  /// The manifest entry of the case file (`case.yml`): hashed, not searched.
  private func caseFileEntry(_ path: String, sha256: String, size: Int) -> EvidenceDocument {
    EvidenceDocument(
      path: path, sha256: sha256, bytes: size, format: .unknown, status: .unsupported,
      reason: "case file (the scan's settings, such as the subjects), not evidence: hashed, not searched")
  }
}
