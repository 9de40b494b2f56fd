import Crypto
import Foundation

/// ZIP archives read in place: each file inside a plain ZIP (not a DOCX/XLSX) becomes an entry
/// `archive.zip!/inner/path`, read from the archive without unpacking it to disk.
///
/// A member named `*.zip` is itself opened, in memory, and its files become entries
/// `outer.zip!/inner.zip!/path`, down to `maxDepth` archive levels; a ZIP nested deeper is read as
/// a file and its reason says its members are not read. The archives opened on the way to a
/// member are held in memory together, and together they may hold no more than `maxParseBytes`
/// (the same cap as one file), checked against the sizes they declare before each is
/// decompressed, and decompression never passes a declared size (see `ZipContainer.extract`).
enum ArchiveMembers {
  /// Archive levels opened: the ZIP on disk, a ZIP in it, and a ZIP in that.
  static let maxDepth = 3

  /// The member entries of the ZIP file at `archive`, or none when it is not a plain ZIP.
  static func entries(archive path: [UInt8], relativePath: String, options: IngestOptions) -> [EvidenceEntry] {
    guard startsWithZipMagic(path), let container = try? ZipContainer.open(path: path), !isOfficeDocument(container)
    else { return [] }
    var entries: [EvidenceEntry] = []
    list(container, at: Level(systemPath: path, relativePath: relativePath, chain: [], heldBytes: 0), options: options, into: &entries)
    return entries.sorted { UTF8Order.precedes($0.relativePath, $1.relativePath) }
  }

  /// Where an archive being listed is: the file on disk, its display path and the members that
  /// lead to it from the file, and the bytes of the nested archives held in memory to reach it.
  private struct Level {
    let systemPath: [UInt8]
    let relativePath: String
    let chain: [String]
    let heldBytes: UInt64
  }

  /// Appends the entries of `container` and, recursively, of the ZIP members it holds.
  private static func list(_ container: ZipContainer, at level: Level, options: IngestOptions, into entries: inout [EvidenceEntry]) {
    var seen: [String: Int] = [:]
    func entry(_ relativePath: String, _ problem: EvidenceEntry.Problem?, chain: [String]) -> EvidenceEntry {
      EvidenceEntry(
        relativePath: relativePath, problem: problem, systemPath: level.systemPath, archiveMember: chain.first,
        innerMembers: Array(chain.dropFirst()))
    }
    for item in container.listing {
      let member = item.name
      let chain = level.chain + [member]
      let path = "\(level.relativePath)!/\(member)"
      seen[member, default: 0] += 1
      if let count = seen[member], count > 1 {
        entries.append(entry("\(path) (\(count))", .duplicateArchiveMember, chain: chain))
        continue
      }
      switch item.kind {
      case .file:
        entries.append(entry(path, nil, chain: chain))
        guard isArchiveName(member), !item.isEncrypted, let inner = container[member],
          notOpened(depth: chain.count, held: level.heldBytes, size: inner.record.uncompressedSize, options: options) == nil
        else { continue }
        let held = level.heldBytes + inner.record.uncompressedSize
        guard let bytes = try? container.data(inner),
          let nested = try? ZipContainer.open(bytes: [UInt8](bytes)), !isOfficeDocument(nested)
        else { continue }
        list(nested, at: Level(systemPath: level.systemPath, relativePath: path, chain: chain, heldBytes: held), options: options, into: &entries)
      case .symlink:
        entries.append(entry(path, .linkInArchive, chain: chain))
      case .directory:
        continue
      }
    }
    if container.unlistedCount > 0 {
      entries.append(
        entry("\(level.relativePath)!/(\(container.unlistedCount) unlisted members)", .unlistedArchiveMembers(count: container.unlistedCount), chain: level.chain))
    }
  }

  /// Reads one member (of the archive on disk, or of archives nested in it; the archives are
  /// taken from and kept in `open`); never throws. The member is an error when the archive file
  /// changed while it was read (noticed through `io`). A member parsed whole first reserves its
  /// size in `budget`; with `pieces`, its parser hands its units over in batches (as
  /// `EvidenceReader.read(bytes:path:options:sieve:pieces:)`, with `sieve`).
  static func read(
    _ entry: EvidenceEntry, member: String, options: IngestOptions, io: FileIO = .system, open: OpenArchiveCache,
    budget: WholeReadBudget? = nil, sieve: UnitSieve? = nil, pieces: ((EvidenceDocument) -> Void)? = nil
  ) -> EvidenceDocument {
    let path = entry.relativePath
    let failure = { (reason: String) in errorDocument(path, reason) }
    let file = FileStatus.at(entry.systemPath).map { (path: entry.systemPath, status: $0) }
    let key = file.map { OpenArchiveCache.Key(systemPath: $0.path, fileStatus: $0.status, chain: []) }
    let archive: ZipContainer
    if let key, let kept = open.container(key) {
      archive = kept
    } else {
      guard let opened = try? ZipContainer.open(path: entry.systemPath, io: io) else {
        return failure("\(path): the archive can no longer be opened")
      }
      archive = opened
      if let key { open.keep(opened, size: 0, for: key) }
    }
    let reading = MemberReading(options: options, budget: budget, sieve: sieve, pieces: pieces)
    let document = read(path, chain: [member] + entry.innerMembers, from: archive, file: file, reading: reading, open: open)
    if let change = archive.change() {
      return failure("\(IngestError.changedWhileReading(path: path).description) (the archive's \(change))")
    }
    return document
  }

  /// Reads the member at the end of `chain` (the members leading to it through nested archives)
  /// from `archive`, opened from `file` (nil: nested archives are not cached); never throws.
  private static func read(
    _ path: String, chain: [String], from archive: ZipContainer, file: (path: [UInt8], status: FileStatus)?,
    reading: MemberReading, open: OpenArchiveCache
  ) -> EvidenceDocument {
    let options = reading.options
    let failure = { (reason: String) in errorDocument(path, reason) }
    var container = archive
    var held: UInt64 = 0
    do {
      for depth in 1..<chain.count {
        let name = chain[depth - 1]
        guard let inner = container[name] else { return failure("\(path): the member \(name) is no longer in the archive") }
        guard let total = sum(held, inner.record.uncompressedSize), total <= UInt64(options.maxParseBytes) else {
          return failure(
            "\(path): the archives it is nested in declare more than the \(options.maxParseBytes)-byte limit together")
        }
        held = total
        let key = file.map { OpenArchiveCache.Key(systemPath: $0.path, fileStatus: $0.status, chain: Array(chain.prefix(depth))) }
        if let key, let kept = open.container(key) {
          container = kept
        } else {
          container = try ZipContainer.open(bytes: [UInt8](container.data(inner)))
          if let key { open.keep(container, size: inner.record.uncompressedSize, for: key) }
        }
      }
      guard let name = chain.last, let item = container[name] else { return failure("\(path): the member is no longer in the archive") }
      if item.isEncrypted {
        return EvidenceDocument(
          path: path, sha256: "", bytes: 0, format: .unknown, status: .unsupported,
          reason: "archive member is encrypted (password-protected); it cannot be read without the password")
      }
      if item.record.uncompressedSize > UInt64(options.maxParseBytes) {
        var hasher = SHA256()
        var size = 0
        try container.extract(item) { chunk in
          hasher.update(data: chunk)
          size += chunk.count
        }
        let hex = hasher.finalize().lowercaseHex
        return EvidenceDocument(
          path: path, sha256: hex, bytes: size, format: .unknown, status: .unsupported,
          reason: "archive member is \(size) bytes, above the \(options.maxParseBytes)-byte limit for parsing; hashed but not read")
      }
      var document = try reading.parse(item, of: container, path: path).get()
      if isArchiveName(name), document.format == .binary, document.status == .unsupported,
        let why = notOpened(depth: chain.count, held: held, size: item.record.uncompressedSize, options: options)
      {
        document.reason = "archive (ZIP) not opened: \(why); its members are not read"
      }
      return document
    } catch let error as ZipMemberError {
      return failure("\(path): \(error.description)")
    } catch {
      return failure("\(path): a nested archive cannot be opened (\(error))")
    }
  }

  /// A document with status `error`, no bytes and `reason`.
  private static func errorDocument(_ path: String, _ reason: String) -> EvidenceDocument {
    EvidenceDocument(path: path, sha256: "", bytes: 0, format: .unknown, status: .error, reason: reason)
  }

  /// Why a ZIP member at `depth` (1: in the archive on disk) is not opened to list its members,
  /// with `held` bytes of nested archives already in memory and `size` bytes of its own; nil
  /// when it is opened.
  private static func notOpened(depth: Int, held: UInt64, size: UInt64, options: IngestOptions) -> String? {
    if depth >= maxDepth { return "it is nested \(depth + 1) archive levels deep, beyond the limit of \(maxDepth)" }
    guard let total = sum(held, size), total <= UInt64(options.maxParseBytes) else {
      let amount = sum(held, size).map { "\($0) bytes" } ?? "more than 2^64 bytes"
      return "with the archives it is nested in it would hold \(amount) in memory, above the \(options.maxParseBytes)-byte limit"
    }
    return nil
  }

  /// `a + b`, or nil when it does not fit (sizes are as the archives declare them, up to 2^64 - 1).
  private static func sum(_ a: UInt64, _ b: UInt64) -> UInt64? {
    let (total, overflow) = a.addingReportingOverflow(b)
    return overflow ? nil : total
  }

  /// True for a member named like a ZIP archive (`.zip`, any case): only those are opened when
  /// listing, so that listing never decompresses every member to look at its first bytes.
  private static func isArchiveName(_ member: String) -> Bool {
    member.lowercased().hasSuffix(".zip")
  }

  /// True for an Office Open XML package (DOCX, XLSX, PPTX): read as one document, not listed.
  private static func isOfficeDocument(_ container: ZipContainer) -> Bool {
    container["[Content_Types].xml"] != nil
  }

  /// True when the file starts with a ZIP local-file header.
  private static func startsWithZipMagic(_ path: [UInt8]) -> Bool {
    FileBytes.readPrefix(path, count: 4) == [0x50, 0x4B, 0x03, 0x04]
  }
}

/// How a member read whole is parsed: its size reserved in the scan's whole-read budget, its
/// bytes extracted once, its units handed over in batches when the scan takes them so.
private struct MemberReading {
  let options: IngestOptions
  let budget: WholeReadBudget?
  let sieve: UnitSieve?
  let pieces: ((EvidenceDocument) -> Void)?

  /// Extracts and parses `item` of `container`, shown as `path`: UTF-8 text straight into the
  /// text the parser reads (`InPlaceText`), anything else as bytes.
  func parse(_ item: ZipContainer.Member, of container: ZipContainer, path: String) -> Result<EvidenceDocument, ZipMemberError> {
    let size = Int(item.record.uncompressedSize)
    let read = { () -> Result<EvidenceDocument, ZipMemberError> in
      guard size > 0 else { return extracted(item, of: container).map { parse($0, path: path) } }
      var failure: ZipMemberError?
      let outcome = InPlaceText.read(head: [], capacity: size) { buffer, from in
        var filled = from
        do throws(ZipMemberError) {
          try container.extract(item) { chunk in
            filled += chunk.copyBytes(to: UnsafeMutableBufferPointer(rebasing: buffer[filled...]))
          }
        } catch {
          failure = error
        }
        return filled
      }
      if let failure { return .failure(failure) }
      switch outcome {
      case .text(let text, let encoding, let sha256):
        return .success(
          EvidenceReader.read(
            text: text, encoding: encoding, sha256: sha256, size: text.utf8.count + (encoding == .utf8BOM ? 3 : 0),
            path: path, options: options, sieve: sieve, inBatches: pieces != nil, pieces: pieces ?? { _ in }))
      case .bytes(let bytes):
        return .success(parse(bytes, path: path))
      case .repaired:
        return extracted(item, of: container).map { parse($0, path: path) }
      }
    }
    guard let budget else { return read() }
    return budget.whileReserving(size) { read() }
  }

  /// The bytes of `item`, extracted whole.
  private func extracted(_ item: ZipContainer.Member, of container: ZipContainer) -> Result<[UInt8], ZipMemberError> {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(item.record.uncompressedSize))
    do throws(ZipMemberError) {
      try container.extract(item) { bytes.append(contentsOf: $0) }
    } catch {
      return .failure(error)
    }
    return .success(bytes)
  }

  /// The document of a member's `bytes` (sniffed and decoded by `EvidenceReader`).
  private func parse(_ bytes: [UInt8], path: String) -> EvidenceDocument {
    guard let pieces else { return EvidenceReader.read(bytes: bytes, path: path, options: options) }
    return EvidenceReader.read(bytes: bytes, path: path, options: options, sieve: sieve, pieces: pieces)
  }
}
