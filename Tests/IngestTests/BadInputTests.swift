import Foundation
import Testing

@testable import Ingest

/// Files that are not text evidence, or cannot be read: every one gets a status and a reason.
@Suite struct BadInputTests {
  @Test func emptyFileIsAnError() throws {
    let document = try Fixture.document("bad/empty.txt")
    #expect(document.status == .error)
    #expect(document.reason == "bad/empty.txt: file is empty")
    #expect(document.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(document.units.isEmpty)
  }

  @Test func pngIsRecognisedByContentNotExtension() throws {
    let document = try Fixture.document("bad/photo.txt")
    #expect(document.status == .unsupported)
    #expect(document.format == .binary)
    #expect(document.encoding == nil)
    #expect(document.reason == "image (PNG), not text evidence")
  }

  @Test func silkVoiceMessage() throws {
    let document = try Fixture.document("bad/voice.amr")
    #expect(document.status == .unsupported)
    #expect(document.reason == "audio (SILK voice message), not text evidence")
  }

  @Test func nulBytesMeanBinary() throws {
    let document = try Fixture.document("bad/blob.dat")
    #expect(document.status == .unsupported)
    #expect(document.reason == "binary data (NUL bytes), not text evidence")
  }

  @Test func weChatDatPicture() {
    let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]
    let encoded = Data(jpeg.map { $0 ^ 0x5A })
    let document = EvidenceReader.read(data: encoded, path: "FileStorage/Image/2024-01/abc.dat")
    #expect(document.status == .unsupported)
    #expect(document.reason == "image (WeChat .dat, JPEG XOR-encoded), not text evidence")
  }

  @Test func controlBytesDoNotPassAsGB18030() {
    let bytes: [UInt8] = [0xB0, 0xA1, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F, 0x10, 0x11, 0x12]
    let document = EvidenceReader.read(data: Data(bytes), path: "blob.bin")
    #expect(document.status == .unsupported)
    #expect(TextDecoding.isPlausibleText("合同\t第一条\r\n"))
  }

  @Test func undecodableBytes() throws {
    let document = try Fixture.document("bad/undecodable.txt")
    #expect(document.status == .error)
    #expect(document.format == .unknown)
    #expect(document.reason == IngestError.undecodable(path: "bad/undecodable.txt").description)
  }

  static let signatures: [([UInt8], String)] = [
    ([0xFF, 0xD8, 0xFF, 0xE0], "image (JPEG)"),
    (Array("GIF89a..".utf8), "image (GIF)"),
    ([0, 0, 0, 0x18] + Array("ftypmp42".utf8), "video (MP4/MOV)"),
    (Array("#!AMR\n".utf8), "audio (AMR voice message)"),
    (Array("ID3".utf8) + [4, 0], "audio (MP3)"),
    (Array("SQLite format 3".utf8) + [0], "database (SQLite)"),
    ([0, 0, 0, 1] + Array("Bud1".utf8), "macOS Finder metadata (.DS_Store)"),
  ]

  @Test(arguments: signatures)
  func magicNumbers(bytes: [UInt8], kind: String) {
    #expect(BinarySignature.detect(bytes)?.kind == kind)
  }
}
