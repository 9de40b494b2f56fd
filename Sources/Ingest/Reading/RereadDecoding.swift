/// A large file in UTF-16 or GB18030, decoded from the file read again block by block once its
/// bytes are let go, so that its bytes and its text are never held together (together they took
/// about two and a half times the file). The outcome is the one `TextDecoding.decode` gives on
/// the bytes, and the second reading must find the bytes first hashed.
enum RereadDecoding {
  /// Files of at least this many bytes are decoded again from the file.
  static let minimumBytes = 16 << 20
  /// The bytes read at a time.
  static let blockBytes = 1 << 20

  /// How a file is decoded again.
  enum Plan: Equatable {
    case utf16(littleEndian: Bool, byteOrderMark: Bool)
    case gb18030
  }

  /// Why a file could not be decoded again.
  enum Failure: Error, Equatable {
    /// A read failed, for this reason.
    case unreadable(String)
    /// The bytes were not those first hashed, in this way.
    case changed(String)
  }

  /// How a file sniffed as `sniffed` is decoded again: nil unless it is UTF-16 or GB18030.
  static func plan(_ sniffed: TextDecoding.Sniffed) -> Plan? {
    switch sniffed {
    case .utf16(let littleEndian, let byteOrderMark): .utf16(littleEndian: littleEndian, byteOrderMark: byteOrderMark)
    case .gb18030: .gb18030
    case .utf8, .damagedUTF8, .binary, .undecodable: nil
    }
  }

  /// Decodes what `file` reads (`size` bytes, first hashed as `sha256`) as `plan` says.
  static func decode(_ file: SequentialFile, size: Int, plan: Plan, sha256: String) -> Result<DecodedText, Failure> {
    var blocks = Blocks(file: file, size: size)
    let outcome: DecodedText
    switch plan {
    case .utf16(let littleEndian, let byteOrderMark):
      if byteOrderMark { _ = blocks.next(upTo: 2) }
      let text = try? String(unsafeUninitializedCapacity: size / 2 * 3 + 3) { output in
        var transcoder = UTF16Transcoder(littleEndian: littleEndian, rejectsNUL: !byteOrderMark)
        var written = 0
        while let block = blocks.next() {
          try block.withUnsafeBufferPointer { try transcoder.feed($0, into: output, at: &written) }
        }
        try transcoder.finish()
        return written
      }
      // Without a mark, bytes that do not decode are binary data, as for `TextDecoding.decode`.
      outcome = text.map { .text($0, littleEndian ? .utf16LE : .utf16BE) } ?? (byteOrderMark ? .undecodable : .binary)
    case .gb18030:
      let text = IconvConverter(from: "GB18030").flatMap { converter in
        try? String(unsafeUninitializedCapacity: size / 2 * 3 + 16) { output in
          var written = 0
          while let block = blocks.next() {
            guard block.withUnsafeBufferPointer({ converter.feed($0, into: output, at: &written) }) else {
              throw IconvConverter.Invalid()
            }
          }
          guard converter.finish(into: output, at: &written) else { throw IconvConverter.Invalid() }
          return written
        }
      }
      outcome = text.map(TextDecoding.gb18030Outcome) ?? .undecodable
    }
    let (hash, change) = file.finish()
    if let failure = file.failure { return .failure(.unreadable(failure)) }
    if let change { return .failure(.changed(change)) }
    guard hash == sha256 else { return .failure(.changed("its bytes differed when it was read again")) }
    return .success(outcome)
  }

  /// The blocks of a file, never past the size it had when it was first read (a file that grew
  /// is reported by `SequentialFile.finish`).
  private struct Blocks {
    let file: SequentialFile
    let size: Int

    /// The next block of at most `count` bytes, or nil at the end.
    mutating func next(upTo count: Int = RereadDecoding.blockBytes) -> [UInt8]? {
      let wanted = min(count, size - file.consumed)
      guard wanted > 0 else { return nil }
      let block = file.read(upTo: wanted)
      return block.isEmpty ? nil : block
    }
  }
}
