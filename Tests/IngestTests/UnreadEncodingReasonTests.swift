import Foundation
import Testing

@testable import Ingest
import TestSupport

/// A file listed `unsupported` as not text says what was seen in it: NUL bytes, control bytes, a
/// broken UTF-16 pattern, or none of them (text in another encoding, most likely); Big5 text is
/// read.
@Suite struct UnreadEncodingReasonTests {
  /// A synthetic two-line chat in traditional Chinese, Big5-encoded (`老王：這個帳戶明天要用，
  /// 密碼發給你。` and `小陳：好的，收到。`). Its punctuation (A1 41, A1 43, A1 47) is in GB18030's
  /// user-defined area, so read as GB18030 it is mostly private-use characters.
  static let big5: [UInt8] = [
    0xA6, 0xD1, 0xA4, 0xFD, 0xA1, 0x47, 0xB3, 0x6F, 0xAD, 0xD3, 0xB1, 0x62, 0xA4, 0xE1, 0xA9, 0xFA, 0xA4, 0xD1,
    0xAD, 0x6E, 0xA5, 0xCE, 0xA1, 0x41, 0xB1, 0x4B, 0xBD, 0x58, 0xB5, 0x6F, 0xB5, 0xB9, 0xA7, 0x41, 0xA1, 0x43,
    0x0A, 0xA4, 0x70, 0xB3, 0xAF, 0xA1, 0x47, 0xA6, 0x6E, 0xAA, 0xBA, 0xA1, 0x41, 0xA6, 0xAC, 0xA8, 0xEC, 0xA1,
    0x43, 0x0A,
  ]

  /// Text in traditional Chinese saved in Big5 is read, not listed as unsupported.
  @Test func big5TextIsRead() {
    let document = EvidenceReader.read(data: Data(Self.big5), path: "聊天/老王.txt")
    #expect(document.status == .parsed)
    #expect(document.encoding == "big5")
    #expect(document.units.map(\.text).joined(separator: "\n") == "老王：這個帳戶明天要用，密碼發給你。\n小陳：好的，收到。")
  }

  /// Bytes without NUL or control bytes that GB18030 reads into too many private-use characters
  /// and that Big5 does not read either are named as text in another encoding, or binary data.
  @Test func textInNeitherGB18030NorBig5IsNamed() {
    let bytes = Array(repeating: [0xA1, 0x80, 0x41, 0x42, 0xA2, 0x90, 0x0A] as [UInt8], count: 40).flatMap { $0 }
    let document = EvidenceReader.read(data: Data(bytes), path: "聊天/other.txt")
    #expect(document.status == .unsupported)
    #expect(
      document.reason
        == "not UTF-8, UTF-16, GB18030 or Big5 text: another encoding, or binary data (no NUL or control bytes "
        + "were seen; read as GB18030, over one character in twenty would be a private-use character), not text evidence")
  }

  @Test func controlBytesAreNamed() {
    let bytes: [UInt8] = [0xB0, 0xA1, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F, 0x10, 0x11, 0x12]
    let document = EvidenceReader.read(data: Data(bytes), path: "blob.bin")
    #expect(document.status == .unsupported)
    #expect(document.reason == "binary data (control bytes; not UTF-8, UTF-16, GB18030 or Big5 text), not text evidence")
  }

  @Test func nulBytesAreNamed() {
    let document = EvidenceReader.read(data: Data([0x61, 0x62, 0x00, 0x63, 0x64, 0x00, 0x00, 0x65, 0x66]), path: "a.bin")
    #expect(document.status == .unsupported)
    #expect(document.reason == "binary data (NUL bytes), not text evidence")
  }

  /// Zero bytes at every other place look like UTF-16 without a byte-order mark; an unpaired
  /// surrogate (01 D8) then makes it invalid.
  @Test func aBrokenUTF16PatternIsNamed() {
    let bytes: [UInt8] = [0x41, 0x00, 0x42, 0x00, 0x01, 0xD8] + Array(repeating: [0x43, 0x00], count: 20).flatMap { $0 }
    let document = EvidenceReader.read(data: Data(bytes), path: "a.txt")
    #expect(document.status == .unsupported)
    #expect(document.reason == "binary data (zero bytes placed as in UTF-16 text, but not valid UTF-16), not text evidence")
  }

  /// A Big5 file large enough to be decoded again from the file (`RereadDecoding`) is read once
  /// more as Big5, with the text a whole read gives.
  @Test func aLargeBig5FileIsReadAgainAsBig5() throws {
    let bytes = Array(repeating: Self.big5, count: RereadDecoding.minimumBytes / Self.big5.count + 1).flatMap { $0 }
    let temporary = try TemporaryFolder("big5")
    defer { temporary.remove() }
    let url = temporary.url.appendingPathComponent("big5.txt")
    try Data(bytes).write(to: url)
    let document = EvidenceReader.read(
      bytes: bytes, path: "big5.txt", options: IngestOptions(), sieve: nil,
      reread: { SequentialFile(path: Array(url.path.utf8), io: .system) }
    ) { _ in }
    #expect(document.status == .parsed)
    #expect(document.encoding == "big5")
    #expect(document.units.first?.text.hasPrefix("老王：這個帳戶明天要用") == true)
  }
}
