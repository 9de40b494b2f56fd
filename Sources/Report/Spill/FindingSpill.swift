import Foundation
import Ingest

#if canImport(Glibc)
  import Glibc
#endif

/// A temporary file holding the rendered findings of a scan until the report is written, so that
/// memory does not grow with the number of findings.
///
/// The file is made in a fresh directory (`mingjian-spill-…`) under the given parent, opened, and
/// at once removed with its directory: the open descriptor keeps the bytes readable until the
/// spill is released, and nothing is left on disk afterwards, even when the process is killed.
/// Until then the directory is in `TemporaryFiles`, so that an interrupted scan removes it.
/// Workers append blocks concurrently; each block is read back through its `SpillSegment`.
public final class FindingSpill: @unchecked Sendable {
  /// The directory the spill file was made in; it is removed as soon as the file is open.
  public let directory: URL
  private let descriptor: Int32
  private let lock = NSLock()
  private var end: Int64 = 0
  private var firstFailure: String?

  /// Makes the spill file under `parent`, which must not be inside `evidenceFolder`; its
  /// directory is in `registry` until it is removed.
  init(parent: URL, evidenceFolder: URL, registry: TemporaryFiles = .shared) throws(ScanError) {
    let root = ReportOutput.resolvedPath(evidenceFolder)
    let target = ReportOutput.resolvedPath(parent)
    if target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
      throw .spill(path: parent.path, reason: "it is inside the evidence folder \(evidenceFolder.path)")
    }
    let directory = parent.appendingPathComponent("mingjian-spill-\(UUID().uuidString)")
    self.directory = directory
    let file = directory.appendingPathComponent("findings.spill")
    let made: Bool
    do {
      made = try registry.make(directory.path) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return true
      }
    } catch {
      throw .spill(path: directory.path, reason: error.localizedDescription)
    }
    guard made else { throw .spill(path: directory.path, reason: "the scan is being interrupted") }
    descriptor = open(file.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    let openError = errno
    unlink(file.path)
    rmdir(directory.path)
    registry.forget(directory.path)
    guard descriptor >= 0 else {
      throw .spill(path: file.path, reason: String(cString: strerror(openError)))
    }
  }

  deinit { close(descriptor) }

  /// The first write or read error, if any; once set the spilled findings are incomplete.
  var failure: ScanError? {
    lock.lock()
    defer { lock.unlock() }
    return firstFailure.map { .spill(path: directory.appendingPathComponent("findings.spill").path, reason: $0) }
  }

  /// Appends `data` and returns where it is; safe to call from several threads.
  func append(_ data: Data) -> SpillSegment {
    data.withUnsafeBytes { append($0) }
  }

  /// Appends `bytes` and returns where they are; safe to call from several threads.
  func append(_ bytes: UnsafeRawBufferPointer) -> SpillSegment {
    lock.lock()
    defer { lock.unlock() }
    let segment = SpillSegment(offset: end, count: bytes.count)
    guard !bytes.isEmpty, firstFailure == nil else { return segment }
    let written = Self.transfer(bytes.count, at: end) { done, offset in
      pwrite(descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done, offset)
    }
    if let written { firstFailure = written } else { end += Int64(bytes.count) }
    return segment
  }

  /// The bytes of `segment`; empty after a read error (which `failure` then reports).
  func read(_ segment: SpillSegment) -> Data {
    var data = Data(count: segment.count)
    let problem = data.withUnsafeMutableBytes { buffer in
      Self.transfer(buffer.count, at: segment.offset) { done, offset in
        pread(descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done, offset)
      }
    }
    guard let problem else { return data }
    lock.lock()
    firstFailure = firstFailure ?? problem
    lock.unlock()
    return Data()
  }

  /// Runs `step` (a `pread` or `pwrite` of what is left, at an offset) until `count` bytes are
  /// done; the error text on failure, nil on success.
  private static func transfer(_ count: Int, at start: Int64, _ step: (Int, off_t) -> Int) -> String? {
    var done = 0
    while done < count {
      let result = step(done, off_t(start) + off_t(done))
      if result < 0 {
        if errno == EINTR { continue }
        return String(cString: strerror(errno))
      }
      if result == 0 { return "the file ended early" }
      done += result
    }
    return nil
  }
}

/// Where one block of spilled bytes lies in the spill file.
struct SpillSegment: Sendable, Hashable {
  /// Byte offset of the block.
  var offset: Int64
  /// Length of the block in bytes.
  var count: Int
}

/// The findings of a scan as spilled blocks, in report order: the `findings.json` entries of the
/// active and of the suppressed findings, and the `findings.csv` rows of the active ones, each
/// kind only when its format is among `formats`.
public struct SpilledFindings: Sendable {
  /// The file the blocks are in.
  let store: FindingSpill
  /// The findings files whose entries were rendered (`.json`, `.csv`): the scan renders only
  /// those it was asked for, and the report cannot be written as the others.
  public let formats: Set<ReportFormat>
  /// Entries of the active findings, each block a fragment at `JSONReportWriter.entryDepth`.
  var activeJSON: [SpillSegment] = []
  /// Entries of the suppressed findings, likewise.
  var suppressedJSON: [SpillSegment] = []
  /// CSV rows of the active findings.
  var csvRows: [SpillSegment] = []

  /// Whether the report can be written as `format`: HTML always, a findings file when its
  /// entries were rendered.
  public func prepares(_ format: ReportFormat) -> Bool {
    format == .html || formats.contains(format)
  }

  /// The blocks of `segments` in order, a few at a time (about `batchBytes` each), nil at the end.
  func batches(_ segments: [SpillSegment], batchBytes: Int = 4 << 20) -> () -> [Data]? {
    var next = 0
    return {
      guard next < segments.count else { return nil }
      var batch: [Data] = []
      var bytes = 0
      while next < segments.count, batch.isEmpty || bytes + segments[next].count <= batchBytes {
        batch.append(store.read(segments[next]))
        bytes += segments[next].count
        next += 1
      }
      return batch
    }
  }
}
