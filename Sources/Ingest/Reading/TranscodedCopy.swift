import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A text file in UTF-16 or GB18030 too large to be read whole (above the parse limit), decoded
/// block by block into a UTF-8 copy in the temporary folder, so that it is read in pieces as a
/// UTF-8 file is, whatever its size: memory follows the block, not the file.
///
/// The decoding is `RereadDecoding`'s, block by block, with the same outcome: each invalid
/// GB18030 sequence replaced by U+FFFD when they are few (`TextDecoding.isFewGB18030Damage`, the
/// bytes read a second time to tell that they may not be UTF-8), a GB18030 or UTF-8 byte-order
/// mark left out; text that is not plausible, or bytes that do not decode, give no copy. The copy
/// is readable by its owner only and is removed once the file has been read; the evidence file
/// is only read, and its hash is that of the bytes decoded.
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

  /// What making a copy gave.
  enum Outcome {
    /// The copy.
    case copied(TranscodedCopy)
    /// No copy: the bytes are not text in that encoding (the file is left to the ordinary read,
    /// which says why), or the copy could not be written (`reason`, when it could not).
    case none(reason: String?)
    /// The evidence file could not be read, or changed while it was read: why.
    case unreadable(String)
    case changed(String)
  }

  /// The bytes decoded at a time.
  static let blockBytes = 1 << 20

  /// Decodes the file at `path` as `plan` says into a new copy in `folder`; `open` opens the
  /// evidence file (twice for damaged GB18030).
  static func make(
    plan: RereadDecoding.Plan, in folder: URL, blockBytes: Int = blockBytes, open: () -> SequentialFile?
  ) -> Outcome {
    guard let file = open() else { return .unreadable("it could not be opened") }
    let copyURL = folder.appendingPathComponent("mingjian-decoded-\(UUID().uuidString).txt")
    guard FileManager.default.createFile(atPath: copyURL.path, contents: nil, attributes: [.posixPermissions: 0o600]),
      let handle = FileHandle(forWritingAtPath: copyURL.path)
    else { return .none(reason: "its UTF-8 copy could not be made in \(folder.path)") }
    func discard() { try? FileManager.default.removeItem(at: copyURL) }
    var writer = CopyWriter(handle: handle, capacity: 3 * (blockBytes + 8) + 16)
    let decoded: (encoding: TextEncoding, damage: UTF8Damage?)?
    switch plan {
    case .utf16(let littleEndian, let byteOrderMark):
      decoded = writer.utf16(file, blockBytes: blockBytes, littleEndian: littleEndian, byteOrderMark: byteOrderMark)
    case .gb18030:
      decoded = writer.gb18030(file, blockBytes: blockBytes)
    }
    try? handle.close()
    let (sha256, change) = file.finish()
    if let failure = file.failure {
      discard()
      return .unreadable(failure)
    }
    if let change {
      discard()
      return .changed(change)
    }
    if let reason = writer.failure {
      discard()
      return .none(reason: "its UTF-8 copy could not be written in \(folder.path) (\(reason))")
    }
    guard let decoded else {
      discard()
      return .none(reason: nil)
    }
    if decoded.damage != nil {
      guard let again = open() else {
        discard()
        return .unreadable("it could not be opened again")
      }
      let asUTF8 = UTF8Damage.countSequences {
        let block = again.read(upTo: blockBytes)
        return block.isEmpty ? nil : block
      }
      let (hashAgain, changeAgain) = again.finish()
      if let failure = again.failure {
        discard()
        return .unreadable(failure)
      }
      guard changeAgain == nil, hashAgain == sha256 else {
        discard()
        return .changed(changeAgain ?? "its bytes differed when it was read again")
      }
      if TextDecoding.mayBeUTF8(multibyteCharacters: asUTF8.multibyteCharacters, invalidSequences: asUTF8.invalidSequences) {
        discard()
        return .none(reason: nil)
      }
    }
    return .copied(
      TranscodedCopy(path: copyURL.path, sha256: sha256, size: file.consumed, encoding: decoded.encoding, damage: decoded.damage))
  }

  /// Removes the copy.
  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// Decodes blocks into a buffer and appends each block's text to the copy.
private struct CopyWriter {
  let handle: FileHandle
  var output: [UInt8]
  /// Why a write failed, once one did.
  var failure: String?
  /// Whether the first scalars written may still be a byte-order mark to leave out.
  var atStart = true

  init(handle: FileHandle, capacity: Int) {
    self.handle = handle
    output = [UInt8](repeating: 0, count: capacity)
  }

  /// Decodes UTF-16 as `RereadDecoding` does; nil when the bytes are not UTF-16.
  mutating func utf16(
    _ file: SequentialFile, blockBytes: Int, littleEndian: Bool, byteOrderMark: Bool
  ) -> (TextEncoding, UTF8Damage?)? {
    if byteOrderMark { _ = file.read(upTo: 2) }
    var transcoder = UTF16Transcoder(littleEndian: littleEndian, rejectsNUL: !byteOrderMark)
    while failure == nil {
      let block = file.read(upTo: blockBytes)
      if block.isEmpty { break }
      var written = 0
      let fed = output.withUnsafeMutableBufferPointer { output in
        block.withUnsafeBufferPointer { (try? transcoder.feed($0, into: output, at: &written)) != nil }
      }
      guard fed else { return nil }
      // A U+FEFF after UTF-16's mark (a second mark) is read whole, as a decoded text with one is.
      if atStart, written >= 3, output[0] == 0xEF, output[1] == 0xBB, output[2] == 0xBF { return nil }
      write(count: written, droppingMark: false)
    }
    guard (try? transcoder.finish()) != nil else { return nil }
    return (littleEndian ? .utf16LE : .utf16BE, nil)
  }

  /// Decodes GB18030 as `RereadDecoding` does, invalid sequences replaced; nil when the text is
  /// not plausible or its damage is not few.
  mutating func gb18030(_ file: SequentialFile, blockBytes: Int) -> (TextEncoding, UTF8Damage?)? {
    guard var repairer = GB18030Repairer() else { return nil }
    var counts = TextCounts()
    while failure == nil {
      let block = file.read(upTo: blockBytes)
      if block.isEmpty { break }
      var written = 0
      let fed = output.withUnsafeMutableBufferPointer { output in
        block.withUnsafeBufferPointer { repairer.feed($0, into: output, at: &written) }
      }
      guard fed else { return nil }
      counts.add(output, count: written)
      write(count: written, droppingMark: true)
    }
    var written = 0
    guard output.withUnsafeMutableBufferPointer({ repairer.end(into: $0, at: &written) }) else { return nil }
    counts.add(output, count: written)
    write(count: written, droppingMark: true)
    guard counts.isPlausible else { return nil }
    guard repairer.foundDamage else { return (.gb18030, nil) }
    let damage = repairer.finish(scalars: counts.scalars, multibyteLeads: counts.multibyteLeads)
    guard !damage.isEmpty, damage.replacesFew, damage.showsEncoding else { return nil }
    return (.gb18030, damage)
  }

  /// Appends the first `count` bytes of `output`, without a leading U+FEFF when `droppingMark`.
  private mutating func write(count: Int, droppingMark: Bool) {
    guard failure == nil, count > 0 else { return }
    var start = 0
    if atStart {
      if droppingMark, count >= 3, output[0] == 0xEF, output[1] == 0xBB, output[2] == 0xBF { start = 3 }
      atStart = false
    }
    do {
      try handle.write(contentsOf: output[start..<count])
    } catch {
      failure = "\(error)"
    }
  }
}

/// The counts `TextDecoding.isPlausibleText` and `GB18030.countText` take of a whole text, added
/// up block by block over its UTF-8 (each block whole scalars).
private struct TextCounts {
  var scalars = 0
  var odd = 0
  var multibyteLeads = 0

  /// Whether the text is plausible (`TextDecoding.isPlausibleText`).
  var isPlausible: Bool { odd * 20 <= scalars }

  mutating func add(_ bytes: [UInt8], count: Int) {
    bytes.withUnsafeBufferPointer { buffer in
      let text = UnsafeBufferPointer(rebasing: buffer[..<count])
      let (scalarCount, oddCount) = TextDecoding.plausibilityCounts(utf8: text)
      scalars += scalarCount
      odd += oddCount
      multibyteLeads += GB18030.multibyteLeads(utf8: text)
    }
  }
}
