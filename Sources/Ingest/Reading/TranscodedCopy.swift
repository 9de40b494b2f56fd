import Foundation

/// A text file in UTF-16, GB18030 or Big5 to be read in pieces, decoded block by block into a
/// UTF-8 copy in the temporary folder, so that it is read in pieces as a UTF-8 file is, whatever
/// its size: memory follows the block, not the file.
///
/// The decoding is `RereadDecoding`'s, block by block, with the same outcome: each invalid
/// GB18030 sequence replaced by U+FFFD when they are few (`TextDecoding.isFewGB18030Damage`, the
/// bytes read a second time to tell that they may not be UTF-8), a GB18030 or UTF-8 byte-order
/// mark left out, and bytes that GB18030 does not read as plausible text read once more as Big5.
/// No copy is made of text that a whole read would not cut into the same pieces: bytes that do
/// not decode or whose text is not plausible, bytes a whole read takes for binary data (a NUL
/// byte outside UTF-16) or may take for UTF-8 (valid, or damaged in a few places: see
/// `TextDecoding`), a text that still starts with U+FEFF, or one whose head the caller does not
/// accept (`Head`, told after the first blocks). The copy is readable by its owner only and is
/// removed once the file has been read; the evidence file is only read, and its hash is that of
/// the bytes decoded.
struct TranscodedCopy {
  /// The copy's path.
  let path: String
  /// The evidence file's SHA-256 (lower-case hex) and size.
  let sha256: String
  let size: Int
  /// The evidence file's encoding.
  let encoding: TextEncoding
  /// The invalid GB18030 sequences replaced, or nil when there were none.
  let damage: UTF8Damage?
  /// Where the copy is registered until it is removed.
  let registry: TemporaryFiles

  /// What making a copy gave.
  enum Outcome {
    /// The copy.
    case copied(TranscodedCopy)
    /// No copy: the bytes are not text that can be read through one (the file is left to the
    /// ordinary read, which says what they are), or the copy could not be written (`reason`,
    /// when it could not).
    case none(reason: String?)
    /// The evidence file could not be read, or changed while it was read: why.
    case unreadable(String)
    case changed(String)

    /// The outcome of a reading that found `failure`.
    init(_ failure: RereadDecoding.Failure) {
      switch failure {
      case .unreadable(let reason): self = .unreadable(reason)
      case .changed(let change): self = .changed(change)
      }
    }
  }

  /// What the copy must start with: `accepts` is given its first `bytes` bytes or more (all of it
  /// when it is shorter) as soon as they are decoded, and a copy whose start it refuses is given
  /// up there.
  struct Head {
    let bytes: Int
    let accepts: ([UInt8]) -> Bool
  }

  /// The bytes decoded at a time.
  static let blockBytes = 1 << 20

  /// Decodes the file at `path` as `plan` says into a new copy in `folder`, when `head` accepts
  /// its start; `open` opens the evidence file (again for Big5 and for damaged GB18030). The copy
  /// is in `registry` from the moment it is made until it is removed (`remove`), so that an
  /// interrupted scan removes it.
  static func make(
    plan: RereadDecoding.Plan, in folder: URL, head: Head, blockBytes: Int = blockBytes,
    registry: TemporaryFiles = .shared, open: () -> SequentialFile?
  ) -> Outcome {
    guard let file = open() else { return .unreadable("it could not be opened") }
    guard var writer = CopyWriter(in: folder, head: head, blockBytes: blockBytes, registry: registry) else {
      return .none(reason: "its UTF-8 copy could not be made in \(folder.path)")
    }
    var decoded: CopyDecoding
    switch plan {
    case .utf16(let littleEndian, let byteOrderMark):
      decoded = writer.utf16(file, littleEndian: littleEndian, byteOrderMark: byteOrderMark)
    case .gb18030:
      decoded = writer.gb18030(file)
    }
    // A copy given up before the end leaves the rest of the file unread.
    if writer.failure == nil, decoded == .declined {
      writer.discard()
      return .none(reason: nil)
    }
    let (sha256, change) = file.finish()
    if let failure = file.failure {
      writer.discard()
      return .unreadable(failure)
    }
    if let change {
      writer.discard()
      return .changed(change)
    }
    if let reason = writer.failure {
      writer.discard()
      return .none(reason: "its UTF-8 copy could not be written in \(folder.path) (\(reason))")
    }
    if plan == .gb18030, decoded == .notText {
      // Bytes GB18030 does not read as plausible text may be Big5, read from the file once more.
      writer.discard()
      guard let again = open() else { return .unreadable("it could not be opened again") }
      guard let big5Writer = CopyWriter(in: folder, head: head, blockBytes: blockBytes, registry: registry) else {
        return .none(reason: "its UTF-8 copy could not be made in \(folder.path)")
      }
      writer = big5Writer
      decoded = writer.big5(again)
      guard writer.failure != nil || decoded != .notText && decoded != .declined else {
        writer.discard()
        return .none(reason: nil)
      }
      if let failure = RereadDecoding.verify(again, sha256: sha256) {
        writer.discard()
        return Outcome(failure)
      }
      if let reason = writer.failure {
        writer.discard()
        return .none(reason: "its UTF-8 copy could not be written in \(folder.path) (\(reason))")
      }
    }
    guard case .text(let encoding, let damage) = decoded else {
      writer.discard()
      return .none(reason: nil)
    }
    if damage != nil {
      guard let again = open() else {
        writer.discard()
        return .unreadable("it could not be opened again")
      }
      let asUTF8 = UTF8Damage.countSequences {
        let block = again.read(upTo: blockBytes)
        return block.isEmpty ? nil : block
      }
      if let failure = RereadDecoding.verify(again, sha256: sha256) {
        writer.discard()
        return Outcome(failure)
      }
      let (multibyte, invalid) = asUTF8
      if TextDecoding.mayBeUTF8(multibyteCharacters: multibyte, invalidSequences: invalid) {
        writer.discard()
        return .none(reason: nil)
      }
    }
    writer.close()
    return .copied(
      TranscodedCopy(
        path: writer.url.path, sha256: sha256, size: file.consumed, encoding: encoding, damage: damage,
        registry: registry))
  }

  /// Removes the copy.
  func remove() {
    registry.remove(path)
  }
}
