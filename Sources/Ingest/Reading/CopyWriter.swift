import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What decoding an evidence file into a copy gave.
enum CopyDecoding: Equatable {
  /// Text in this encoding, with the invalid GB18030 sequences replaced, if any.
  case text(TextEncoding, UTF8Damage?)
  /// Not text in the encoding tried: bytes that do not decode, text that is not plausible, or
  /// GB18030 damaged in more than a few places.
  case notText
  /// Text that a whole read would not cut into the pieces the copy gives (see `TranscodedCopy`).
  case declined
}

/// Decodes blocks into a buffer and appends each block's text to a new copy.
struct CopyWriter {
  /// The copy.
  let url: URL
  let handle: FileHandle
  /// Where the copy is registered until it is removed.
  let registry: TemporaryFiles
  /// What the copy must start with.
  let head: TranscodedCopy.Head
  /// The bytes decoded at a time.
  let blockBytes: Int
  /// The text of a block: room for three bytes for each byte of a block and of a character the
  /// block before ended inside.
  private var output: [UInt8]
  /// Why a write failed, once one did.
  private(set) var failure: String?
  /// Whether the first scalars written may still be a byte-order mark to leave out.
  private var atStart = true
  /// The first bytes written, until `head` has been asked about them.
  private var opening: [UInt8] = []
  /// Whether `head` has been asked, and whether it refused the start (nothing more is written).
  private var headJudged = false
  private var refused = false

  /// A writer to a new, empty copy in `folder`, readable by its owner only and registered in
  /// `registry` until it is removed; nil when it cannot be made.
  init?(in folder: URL, head: TranscodedCopy.Head, blockBytes: Int, registry: TemporaryFiles) {
    let url = folder.appendingPathComponent("mingjian-decoded-\(UUID().uuidString).txt")
    let made = registry.make(url.path) {
      FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
    }
    guard made else { return nil }
    guard let handle = FileHandle(forWritingAtPath: url.path) else {
      registry.remove(url.path)
      return nil
    }
    self.url = url
    self.handle = handle
    self.registry = registry
    self.head = head
    self.blockBytes = blockBytes
    output = [UInt8](repeating: 0, count: 3 * (blockBytes + 8) + 16)
  }

  /// Ends the writing: the copy is complete.
  func close() {
    try? handle.close()
  }

  /// Ends the writing and removes the copy.
  func discard() {
    close()
    registry.remove(url.path)
  }

  /// Decodes UTF-16 as `RereadDecoding` does.
  mutating func utf16(_ file: SequentialFile, littleEndian: Bool, byteOrderMark: Bool) -> CopyDecoding {
    if byteOrderMark { _ = file.read(upTo: 2) }
    var transcoder = UTF16Transcoder(littleEndian: littleEndian, rejectsNUL: !byteOrderMark)
    while let block = next(file) {
      let written = copy(block, droppingMark: false) { input, output, count in
        (try? transcoder.feed(input, into: output, at: &count)) != nil
      }
      guard written != nil else { return .notText }
    }
    if refused { return .declined }
    guard (try? transcoder.finish()) != nil else { return .notText }
    return ended(.text(littleEndian ? .utf16LE : .utf16BE, nil))
  }

  /// Decodes GB18030 as `RereadDecoding` does, invalid sequences replaced: not text when it is not
  /// plausible or its damage is not few.
  mutating func gb18030(_ file: SequentialFile) -> CopyDecoding {
    guard var repairer = GB18030Repairer() else { return .notText }
    var counts = TextCounts()
    var asUTF8 = UTF8Damage.Tally()
    while let block = next(file) {
      if Self.holdsNUL(block) { return .declined }
      if !asUTF8.cannotReplaceFew(remaining: file.size - file.consumed) { asUTF8.add(block) }
      guard let count = copy(block, droppingMark: true, with: { repairer.feed($0, into: $1, at: &$2) }) else {
        return .notText
      }
      counts.add(output, count: count)
    }
    if refused { return .declined }
    guard let count = copyEnd(droppingMark: true, with: { repairer.end(into: $0, at: &$1) }) else { return .notText }
    counts.add(output, count: count)
    asUTF8.finish()
    if Self.mayBeTakenForUTF8(asUTF8.counts, validGB18030: !repairer.foundDamage) { return .declined }
    guard counts.isPlausible else { return .notText }
    guard repairer.foundDamage else { return ended(.text(.gb18030, nil)) }
    let damage = repairer.finish(scalars: counts.scalars, multibyteLeads: counts.multibyteLeads)
    guard !damage.isEmpty, damage.replacesFew, damage.showsEncoding else { return .notText }
    return ended(.text(.gb18030, damage))
  }

  /// Decodes Big5 as `RereadDecoding` does (`Big5.decode`): not text when the bytes are not valid
  /// Big5-HKSCS or their text is not plausible.
  mutating func big5(_ file: SequentialFile) -> CopyDecoding {
    guard let converter = IconvConverter(from: Big5.charset) else { return .notText }
    var counts = TextCounts()
    while let block = next(file) {
      guard let count = copy(block, droppingMark: false, with: { converter.feed($0, into: $1, at: &$2) }) else {
        return .notText
      }
      counts.add(output, count: count)
    }
    if refused { return .declined }
    guard let count = copyEnd(droppingMark: false, with: { converter.finish(into: $0, at: &$1) }) else { return .notText }
    counts.add(output, count: count)
    guard counts.isPlausible else { return .notText }
    return ended(.text(.big5, nil))
  }

  /// Whether a whole read of bytes that give `asUTF8` read as UTF-8 may take them for UTF-8
  /// before it tries GB18030 (`TextDecoding.sniff`): they are valid UTF-8, or their replacements
  /// would be few among enough well-formed characters, or in bytes that are not valid GB18030. A
  /// whole read may still give up on such bytes after their first 64 KiB (`UTF8Damage.measure`)
  /// and read them as GB18030; declining their copy then costs memory, never a different outcome.
  private static func mayBeTakenForUTF8(_ asUTF8: UTF8Damage, validGB18030: Bool) -> Bool {
    asUTF8.isEmpty || (asUTF8.replacesFew && (asUTF8.showsEncoding || !validGB18030))
  }

  /// Whether `block` holds a NUL byte, which makes a whole read take bytes that are not UTF-16 for
  /// binary data.
  private static func holdsNUL(_ block: [UInt8]) -> Bool {
    block.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }
  }

  /// The next block of `file`, or nil at its end, once a write failed or once the start was
  /// refused.
  private mutating func next(_ file: SequentialFile) -> [UInt8]? {
    guard failure == nil, !refused else { return nil }
    let block = file.read(upTo: blockBytes)
    return block.isEmpty ? nil : block
  }

  /// `decoded`, the text written whole, once `head` has been asked about its start: declined when
  /// the start was refused.
  private mutating func ended(_ decoded: CopyDecoding) -> CopyDecoding {
    judgeHead()
    return refused ? .declined : decoded
  }

  /// Decodes `block` into `output` with `feed` (input, output, bytes written so far) and appends
  /// the text to the copy: how many bytes of `output` it holds, or nil when the block does not
  /// decode.
  private mutating func copy(
    _ block: [UInt8], droppingMark: Bool,
    with feed: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>, inout Int) -> Bool
  ) -> Int? {
    var count = 0
    let fed = output.withUnsafeMutableBufferPointer { output in
      block.withUnsafeBufferPointer { feed($0, output, &count) }
    }
    guard fed else { return nil }
    write(count: count, droppingMark: droppingMark)
    return count
  }

  /// Lets `end` write into `output` what a decoder still holds at the end of the file and appends
  /// it to the copy: how many bytes of `output` it holds, or nil when the file ended inside a
  /// character.
  private mutating func copyEnd(
    droppingMark: Bool, with end: (UnsafeMutableBufferPointer<UInt8>, inout Int) -> Bool
  ) -> Int? {
    var count = 0
    guard output.withUnsafeMutableBufferPointer({ end($0, &count) }) else { return nil }
    write(count: count, droppingMark: droppingMark)
    return count
  }

  /// Appends the first `count` bytes of `output`, without a leading U+FEFF when `droppingMark`.
  private mutating func write(count: Int, droppingMark: Bool) {
    guard failure == nil, !refused, count > 0 else { return }
    var start = 0
    if atStart {
      if droppingMark, count >= 3, output[0] == 0xEF, output[1] == 0xBB, output[2] == 0xBF { start = 3 }
      atStart = false
    }
    if !headJudged {
      opening += output[start..<count]
      if opening.count >= head.bytes { judgeHead() }
      if refused { return }
    }
    do {
      try handle.write(contentsOf: output[start..<count])
    } catch {
      failure = "\(error)"
    }
  }

  /// Asks `head` about the copy's first bytes, once: the start is refused when it is U+FEFF (a
  /// whole read reads a text that starts with one whole, a piece's head being taken for UTF-8
  /// with its byte-order mark) or when `head` does not accept it.
  private mutating func judgeHead() {
    guard !headJudged else { return }
    headJudged = true
    refused = opening.starts(with: [0xEF, 0xBB, 0xBF]) || !head.accepts(opening)
    opening = []
  }
}

/// The counts `TextDecoding.isPlausibleText` and `GB18030.countText` take of a whole text, added
/// up block by block over its UTF-8 (each block whole scalars).
struct TextCounts {
  var scalars = 0
  var odd = 0
  var multibyteLeads = 0

  /// Whether the text is plausible (`TextDecoding.isPlausibleText`).
  var isPlausible: Bool { odd * 20 <= scalars }

  /// Adds the counts of the first `count` bytes of `bytes`, whole scalars.
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
