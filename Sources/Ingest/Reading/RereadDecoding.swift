/// A large file in UTF-16 or GB18030 (or Big5, read once more when GB18030 does not read it as
/// plausible text), decoded from the file read again block by block once its
/// bytes are let go, so that its bytes and its text are never held together (together they took
/// about two and a half times the file). The outcome is the one `TextDecoding.decode` gives on
/// the bytes, damaged GB18030 included (`GB18030Repairer`), and the second reading must find the
/// bytes first hashed. Damaged GB18030 is read a third time, block by block too, to tell whether
/// its bytes may be UTF-8 (`TextDecoding.mayBeUTF8`), which the whole read tells from the bytes it
/// holds; that reading must find the same bytes.
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

  /// Decodes what `file` reads (`size` bytes, first hashed as `sha256`) as `plan` says,
  /// `blockBytes` at a time; `again` opens the file once more when a third reading is needed.
  static func decode(
    _ file: SequentialFile, size: Int, plan: Plan, sha256: String, blockBytes: Int = blockBytes,
    again: () -> SequentialFile?
  ) -> Result<DecodedText, Failure> {
    var blocks = Blocks(file: file, size: size, blockBytes: blockBytes)
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
      outcome = decodeGB18030(&blocks)
    }
    if let failure = verify(file, sha256: sha256) { return .failure(failure) }
    if plan == .gb18030, outcome == .binary || outcome == .undecodable {
      // Bytes GB18030 does not read as plausible text may be Big5, read from the file once more.
      guard let again = again() else { return .failure(.unreadable("it could not be opened again")) }
      var big5Blocks = Blocks(file: again, size: size, blockBytes: blockBytes)
      let big5 = decodeBig5(&big5Blocks)
      if let failure = verify(again, sha256: sha256) { return .failure(failure) }
      return .success(big5.map { .text($0, .big5) } ?? outcome)
    }
    guard case .damaged = outcome else { return .success(outcome) }
    guard let third = again() else { return .failure(.unreadable("it could not be opened again")) }
    var thirdBlocks = Blocks(file: third, size: size, blockBytes: blockBytes)
    let asUTF8 = UTF8Damage.countSequences { thirdBlocks.next() }
    if let failure = verify(third, sha256: sha256) { return .failure(failure) }
    let mayBeUTF8 = TextDecoding.mayBeUTF8(
      multibyteCharacters: asUTF8.multibyteCharacters, invalidSequences: asUTF8.invalidSequences)
    return .success(mayBeUTF8 ? .undecodable : outcome)
  }

  /// The outcome of the GB18030 bytes `blocks` hands over, each invalid sequence replaced by
  /// U+FFFD: damaged GB18030 when the damage is few (`TextDecoding.isFewGB18030Damage`; whether
  /// the bytes may be UTF-8 is still to be asked), undecodable when it is not.
  ///
  /// The text is reserved at a bound written only as far as the text goes: a GB18030 character
  /// gives at most one and a half UTF-8 bytes for each of its bytes, a replacement three for at
  /// least one byte, so the text of `size` bytes holding `n` invalid sequences takes at most
  /// `1.5 * size + 1.5 * n` bytes. When the replacements are few, `n` is one or at most a
  /// twentieth of the scalars, themselves at most `size`: the bound below then holds the text,
  /// and a text that fills it has too many replacements to be read.
  private static func decodeGB18030(_ blocks: inout Blocks) -> DecodedText {
    guard var repairer = GB18030Repairer() else { return .undecodable }
    let size = blocks.size
    let text = text(of: &blocks, capacity: size / 2 * 3 + size / 8 + 16) { block, output, written in
      repairer.feed(block, into: output, at: &written)
    } end: { output, written in
      repairer.end(into: output, at: &written)
    }
    guard let text else { return .undecodable }
    guard repairer.foundDamage else { return TextDecoding.gb18030Outcome(text) }
    let damage = repairer.finish(text: text)
    guard TextDecoding.isFewGB18030Damage(damage, in: text) else { return .undecodable }
    return .damaged(TextDecoding.withoutByteOrderMark(text), .gb18030, damage)
  }

  /// The text of the Big5 bytes `blocks` hands over (`Big5.decode`), or nil.
  private static func decodeBig5(_ blocks: inout Blocks) -> String? {
    guard let converter = IconvConverter(from: Big5.charset) else { return nil }
    let text = text(of: &blocks, capacity: Int(Double(blocks.size) * Big5.utf8PerByte) + 16) { block, output, written in
      converter.feed(block, into: output, at: &written)
    } end: { output, written in
      converter.finish(into: output, at: &written)
    }
    guard let text, TextDecoding.isPlausibleText(text) else { return nil }
    return text
  }

  /// The text that `feed` writes for each of the blocks `blocks` hands over, and `end` after the
  /// last, into a String of `capacity` bytes; nil when either fails (bytes not valid, or the
  /// capacity full).
  private static func text(
    of blocks: inout Blocks, capacity: Int,
    feed: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>, inout Int) -> Bool,
    end: (UnsafeMutableBufferPointer<UInt8>, inout Int) -> Bool
  ) -> String? {
    try? String(unsafeUninitializedCapacity: capacity) { output in
      var written = 0
      while let block = blocks.next() {
        guard block.withUnsafeBufferPointer({ feed($0, output, &written) }) else { throw IconvConverter.Invalid() }
      }
      guard end(output, &written) else { throw IconvConverter.Invalid() }
      return written
    }
  }

  /// Why what `file` read cannot be used: a read failed, or the bytes were not those first
  /// hashed as `sha256`; nil when it can. Reads what is left first.
  static func verify(_ file: SequentialFile, sha256: String) -> Failure? {
    let (hash, change) = file.finish()
    if let failure = file.failure { return .unreadable(failure) }
    if let change { return .changed(change) }
    guard hash == sha256 else { return .changed("its bytes differed when it was read again") }
    return nil
  }

  /// The blocks of a file, never past the size it had when it was first read (a file that grew
  /// is reported by `SequentialFile.finish`).
  private struct Blocks {
    let file: SequentialFile
    let size: Int
    /// The bytes read at a time.
    let blockBytes: Int

    /// The next block of at most `count` bytes (`blockBytes` unless told), or nil at the end.
    mutating func next(upTo count: Int? = nil) -> [UInt8]? {
      let wanted = min(count ?? blockBytes, size - file.consumed)
      guard wanted > 0 else { return nil }
      let block = file.read(upTo: wanted)
      return block.isEmpty ? nil : block
    }
  }
}
