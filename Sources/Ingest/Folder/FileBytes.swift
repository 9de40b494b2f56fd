import Crypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads an evidence file read-only, without following a final symbolic link.
///
/// The file's size, modification time and status-change time are taken when it is opened and
/// again after its last byte is read; if any differs, or the bytes read are not the size first
/// seen, the file changed while being read and the read fails (`changedWhileReading`), so no
/// hash or text from a half-written file reaches the report. The bytes are not read a second
/// time to compare hashes: that would double the I/O of every scan.
enum FileBytes {
  /// What reading produced.
  enum Contents {
    /// The whole file.
    case bytes([UInt8])
    /// The whole file as UTF-8 text decoded where it was read (see `InPlaceText`), with the
    /// file's hash and size.
    case text(String, TextEncoding, sha256: String, size: Int)
    /// The file is larger than the parse limit: only its hash and size.
    case tooLarge(sha256: String, size: Int)
  }

  /// Why a file could not be read: the `IngestError`, and for a file that changed, what changed.
  struct Failure: Error, Equatable, CustomStringConvertible {
    /// The error for the manifest.
    let error: IngestError
    /// What changed (`size went from 10 to 12 bytes`), for `changedWhileReading`.
    var detail: String? = nil

    var description: String { detail.map { "\(error.description) (\($0))" } ?? error.description }
  }

  /// Reads the file at `path`, or fails with the reason. With `decodingInPlace`, a file that
  /// is UTF-8 text is decoded in the memory it is read into (`Contents.text`), so it is never
  /// held twice; any other file comes back as bytes.
  static func read(
    _ path: [UInt8], display: String, limit: Int, io: FileIO = .system, decodingInPlace: Bool = false
  ) -> Result<Contents, Failure> {
    let descriptor = FileSystem.withPath(path) { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
    guard descriptor >= 0 else {
      return .failure(Failure(error: .unreadable(path: display, reason: SystemError(code: errno).description)))
    }
    defer { close(descriptor) }
    guard let before = io.status(descriptor) else {
      return .failure(Failure(error: .unreadable(path: display, reason: SystemError(code: errno).description)))
    }
    guard before.type == S_IFREG else {
      return .failure(
        Failure(error: .unreadable(path: display, reason: "not a regular file (\(FileSystem.kindName(before.type)))")))
    }
    let size = before.size
    let changed = { (readCount: Int) -> Failure? in
      let failure = { (detail: String) in Failure(error: .changedWhileReading(path: display), detail: detail) }
      guard let after = io.status(descriptor) else { return failure("it can no longer be examined") }
      if let change = before.change(to: after) { return failure(change) }
      return readCount == size ? nil : failure("\(readCount) bytes read where \(size) were expected")
    }
    if size > limit {
      return streamHash(descriptor, display: display).flatMap { sha256, total in
        changed(total).map { .failure($0) } ?? .success(.tooLarge(sha256: sha256, size: total))
      }
    }
    let unreadable = { (code: Int32) in Failure(error: .unreadable(path: display, reason: SystemError(code: code).description)) }
    var error: Int32?
    var filled = 0
    let fillRest = { (buffer: UnsafeMutableBufferPointer<UInt8>, from: Int) in
      (filled, error) = fill(descriptor, buffer, from: from)
      return filled
    }
    var head = [UInt8](repeating: 0, count: min(size, TextDecoding.sniffLength))
    let (headCount, headError) = head.withUnsafeMutableBufferPointer { fill(descriptor, $0, from: 0, probing: false) }
    head.removeLast(head.count - headCount)
    if let headError { return .failure(unreadable(headError)) }
    let contents: Contents
    if decodingInPlace, size > 0, InPlaceText.mayBeUTF8(head: head) {
      switch InPlaceText.read(head: head, capacity: size, fillRest: fillRest) {
      case .text(let text, let encoding, let sha256): contents = .text(text, encoding, sha256: sha256, size: size)
      case .bytes(let bytes): contents = .bytes(bytes)
      case .repaired:
        if let error { return .failure(unreadable(error)) }
        if let failure = changed(filled) { return .failure(failure) }
        return Self.read(path, display: display, limit: limit, io: io, decodingInPlace: false)
      }
    } else {
      var bytes = head
      bytes.append(contentsOf: repeatElement(0, count: size - head.count))
      _ = bytes.withUnsafeMutableBufferPointer { fillRest($0, head.count) }
      contents = .bytes(bytes)
    }
    if let error { return .failure(unreadable(error)) }
    if let failure = changed(filled) { return .failure(failure) }
    return .success(contents)
  }

  /// Reads into `buffer` from offset `from` until it is full or the file ends, then (when
  /// `probing`) probes for one byte more, so that a file that grew is noticed: the count of
  /// bytes in `buffer` (one more when the probe found a byte) and the `errno` of a failed read.
  private static func fill(
    _ descriptor: Int32, _ buffer: UnsafeMutableBufferPointer<UInt8>, from: Int, probing: Bool = true
  ) -> (Int, Int32?) {
    var filled = from
    while filled < buffer.count {
      let count = FileSystem.readBytes(
        descriptor, into: buffer.baseAddress.map { UnsafeMutableRawPointer($0 + filled) }, count: buffer.count - filled)
      if count < 0 {
        if errno == EINTR { continue }
        return (filled, errno)
      }
      if count == 0 { break }
      filled += count
    }
    var probe: UInt8 = 0
    if probing, filled == buffer.count, FileSystem.readBytes(descriptor, into: &probe, count: 1) > 0 { return (filled + 1, nil) }
    return (filled, nil)
  }

  /// The first `count` bytes of the file (fewer when it is shorter), or nil when it cannot be read.
  static func readPrefix(_ path: [UInt8], count: Int) -> [UInt8]? {
    let descriptor = FileSystem.withPath(path) { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    let read = bytes.withUnsafeMutableBytes { FileSystem.readBytes(descriptor, into: $0.baseAddress, count: count) }
    return read >= 0 ? Array(bytes.prefix(read)) : nil
  }

  /// Hashes a large file in 1 MiB chunks, keeping memory bounded: the hash and the bytes read.
  private static func streamHash(_ descriptor: Int32, display: String) -> Result<(String, Int), Failure> {
    var hasher = SHA256()
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var total = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { FileSystem.readBytes(descriptor, into: $0.baseAddress, count: $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(Failure(error: .unreadable(path: display, reason: SystemError(code: errno).description)))
      }
      if count == 0 { break }
      hasher.update(data: buffer[0..<count])
      total += count
    }
    return .success((hasher.finalize().lowercaseHex, total))
  }
}
