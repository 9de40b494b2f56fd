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
    Self.add(Array(conversation.utf8), to: &hasher)
    if let stamp = record.header {
      let header = QQHeader(line: source.line(record.headerLine), stamp: stamp)
      let sender = header.nickname == "系统消息" ? nil : header.accountID ?? header.nickname
      if let time = stamp.time.chatTime(options: source.options, raw: "") {
        Self.add([1] + withUnsafeBytes(of: time.epochSeconds.littleEndian, Array.init), to: &hasher)
      } else {
        Self.add([0] + Array(stamp.rawTime(in: source.line(record.headerLine)).utf8), to: &hasher)
      }
      Self.add(sender.map { [1] + Array($0.utf8) } ?? [0], to: &hasher)
    } else {
      Self.add([0], to: &hasher)
      Self.add([2] + Array(source.line(record.headerLine).utf8), to: &hasher)
    }
    if let body = record.body {
      for number in body {
        if number > body.lowerBound { hasher.update(data: [0x0A]) }
        source.lines.withUTF8(ofLines: (number - 1)...(number - 1)) { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
      }
    }
    let digest = Array(hasher.finalize())
    high = digest[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
    low = digest[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// Adds `field` preceded by its length, so that no two lists of fields hash the same bytes.
  private static func add(_ field: [UInt8], to hasher: inout SHA256) {
    hasher.update(data: withUnsafeBytes(of: UInt64(field.count).littleEndian, Array.init))
    hasher.update(data: field)
  }
}
