import Foundation
import Testing

@testable import Ingest
import TestSupport

/// A large file in UTF-16 or GB18030 decoded again from the file gives what `TextDecoding.decode`
/// gives on its bytes, failures included, and a file that changed in between is reported.
@Suite struct RereadDecodingTests {
  /// Writes `bytes` to a file and decodes it again as its plan says; nil when there is no plan.
  static func reread(_ bytes: [UInt8], change: (([UInt8]) -> [UInt8])? = nil) throws -> Result<DecodedText, RereadDecoding.Failure>? {
    guard let plan = RereadDecoding.plan(TextDecoding.sniff(bytes)) else { return nil }
    let temporary = try TemporaryFolder("reread")
    defer { temporary.remove() }
    let url = temporary.url.appendingPathComponent("text")
    try Data(bytes).write(to: url)
    let file = try #require(SequentialFile(path: Array(url.path.utf8), io: .system))
    if let change { try Data(change(bytes)).write(to: url) }
    return RereadDecoding.decode(file, size: bytes.count, plan: plan, sha256: EvidenceReader.sha256Hex(bytes)) {
      SequentialFile(path: Array(url.path.utf8), io: .system)
    }
  }

  /// Texts in every shape `decode` tells apart: UTF-16 with and without a mark (valid, with an
  /// unpaired surrogate, with U+0000, of odd length), GB18030 (valid, with its mark, invalid,
  /// implausible), UTF-8 and binary data.
  static func samples() throws -> [[UInt8]] {
    var random = SplitMix(seed: 0x5245_5245)
    let alphabet = Array("银行卡收购一张八百好的OK\n\r\t 𠀀😀é€、，。ＡＢ【】跑分")
    var samples: [[UInt8]] = []
    for _ in 0..<120 {
      let text = String((0..<Int.random(in: 1...300, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
      let gb = try #require(DecodingInPlaceTests.gb18030(text))
      let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
      let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
      samples += [gb, [0x84, 0x31, 0x95, 0x33] + gb, gb + [0xFF], [0xFF, 0xFE] + le, [0xFE, 0xFF] + be, le, be]
      samples += [[0xFF, 0xFE] + le + [0x00, 0xD8], [0xFF, 0xFE] + le + [0x41], le + [0x00, 0x00] + le, Array(text.utf8)]
      samples.append([0x81, 0x30, 0x81, 0x30] + Array(repeating: 0x81, count: Int.random(in: 0...5, using: &random)) + gb)
    }
    samples.append(Array(repeating: 0xA1, count: 1) + Array(repeating: 0x01, count: 40))
    return samples
  }

  @Test func rereadGivesWhatDecodeGivesOnTheBytes() throws {
    var planned = 0
    var outcomes = Set<String>()
    for bytes in try Self.samples() {
      guard let reread = try Self.reread(bytes) else {
        if case .text(_, let encoding) = TextDecoding.decode(bytes) {
          #expect(encoding == .utf8 || encoding == .utf8BOM, "\(bytes.prefix(8))")
        }
        continue
      }
      planned += 1
      let expected = TextDecoding.decode(bytes)
      #expect(reread == .success(expected), "\(bytes.prefix(8))")
      switch expected {
      case .text(_, let encoding): outcomes.insert(encoding.rawValue)
      case .binary: outcomes.insert("binary")
      case .undecodable: outcomes.insert("undecodable")
      case .damaged(_, let encoding, _): outcomes.insert("damaged \(encoding.rawValue)")
      }
    }
    #expect(planned > 800)
    #expect(outcomes == ["gb18030", "utf-16le", "utf-16be", "binary", "undecodable"])
  }

  @Test func aFileThatChangedIsReported() throws {
    let gb = try #require(DecodingInPlaceTests.gb18030(String(repeating: "银行卡收购一张八百\n", count: 50)))
    func isChange(_ result: Result<DecodedText, RereadDecoding.Failure>?) -> Bool {
      if case .failure(.changed) = result { return true }
      return false
    }
    #expect(isChange(try Self.reread(gb) { bytes in bytes.map { $0 == 0x0A ? 0x20 : $0 } }))
    #expect(isChange(try Self.reread(gb) { Array($0.dropLast(10)) }))
    #expect(isChange(try Self.reread(gb) { $0 + [0x0A] }))
    #expect(try Self.reread(gb) == .success(TextDecoding.decode(gb)))
  }
}
