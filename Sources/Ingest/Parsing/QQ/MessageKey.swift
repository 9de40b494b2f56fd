import Crypto

/// What identifies a QQ message across the blocks of an export (see `RecentContactDuplicates`):
/// the first 128 bits of the SHA-256 of its conversation, time, sender and text.
///
/// Sixteen bytes stand for a message of any length, so a large file read in pieces can remember
/// the messages of the conversations a `最近联系人` block repeats without their text. Two
/// different messages are taken for one only when their digests agree in all 128 bits: among
/// ten million messages the chance that any two do is below 10⁻²⁴. A whole read and a read in
/// pieces use the same keys, so they always agree.
struct MessageKey: Hashable, Sendable {
  private let high: UInt64
  private let low: UInt64

  /// The key of `record`, a message of `conversation` in `source`: its time as an instant (as
  /// written when the time is not valid), its sender's account (else nickname; none for a system
  /// message) and its body lines joined with `\n`. A record whose header could not be read has
  /// no time, and its header line as written stands for the sender, so that it repeats only a
  /// message whose header is unreadable in the same way.
  init(_ record: HeaderRecords<QQHeader.Stamp>.Record, conversation: String, source: SourceText) {
    var hasher = SHA256()
    var conversation = conversation
    conversation.withUTF8 { Self.add(UnsafeRawBufferPointer($0), to: &hasher) }
    if let stamp = record.header {
      let line = source.line(record.headerLine)
      let header = QQHeader(line: line, stamp: stamp)
      let sender = header.nickname == "系统消息" ? nil : header.accountID ?? header.nickname
      if let time = stamp.time.chatTime(options: source.options, raw: "") {
        withUnsafeBytes(of: time.epochSeconds.littleEndian) { Self.add($0, tag: 1, to: &hasher) }
      } else {
        var raw = stamp.rawTime(in: line)
        raw.withUTF8 { Self.add(UnsafeRawBufferPointer($0), tag: 0, to: &hasher) }
      }
      if var sender {
        sender.withUTF8 { Self.add(UnsafeRawBufferPointer($0), tag: 1, to: &hasher) }
      } else {
        Self.add(UnsafeRawBufferPointer(start: nil, count: 0), tag: 0, to: &hasher)
      }
    } else {
      Self.add(UnsafeRawBufferPointer(start: nil, count: 0), tag: 0, to: &hasher)
      source.lines.withUTF8(ofLines: (record.headerLine - 1)...(record.headerLine - 1)) {
        Self.add(UnsafeRawBufferPointer($0), tag: 2, to: &hasher)
      }
    }
    if let body = record.body {
      for number in body {
        if number > body.lowerBound { withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) } }
        source.lines.withUTF8(ofLines: (number - 1)...(number - 1)) { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
      }
    }
    (high, low) = hasher.finalize().withUnsafeBytes { digest in
      (
        digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) },
        digest.dropFirst(8).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
      )
    }
  }

  /// Adds `field` preceded by its length, so that no two lists of fields hash the same bytes.
  private static func add(_ field: UnsafeRawBufferPointer, to hasher: inout SHA256) {
    withUnsafeBytes(of: UInt64(field.count).littleEndian) { hasher.update(bufferPointer: $0) }
    hasher.update(bufferPointer: field)
  }

  /// Adds `tag` and `field` as one field (the tag byte first, counted in the length).
  private static func add(_ field: UnsafeRawBufferPointer, tag: UInt8, to hasher: inout SHA256) {
    withUnsafeBytes(of: UInt64(field.count + 1).littleEndian) { hasher.update(bufferPointer: $0) }
    withUnsafeBytes(of: tag) { hasher.update(bufferPointer: $0) }
    hasher.update(bufferPointer: field)
  }
}
