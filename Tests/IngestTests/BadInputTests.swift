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
    #expect(document.reason == "binary data (contains NUL bytes), not text evidence")
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
