import Foundation
import Testing

@testable import Report
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A chat in traditional Chinese saved in Big5 is read and its traditional wording found by the
/// simplified lexicons, cited with its encoding.
@Suite struct Big5ScanTests {
  /// `text` in Big5-HKSCS, by iconv.
  static func big5(_ text: String) throws -> [UInt8] {
    let descriptor = iconv_open("BIG5-HKSCS", "UTF-8")
    guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { throw CocoaError(.featureUnsupported) }
    defer { iconv_close(descriptor) }
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 2 + 16)
    let written = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer = inBuffer.baseAddress
        var inLeft = inBuffer.count
        var outPointer = outBuffer.baseAddress
        var outLeft = outBuffer.count
        let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        return result == -1 ? -1 : outBuffer.count - outLeft
      }
    }
    guard written >= 0 else { throw CocoaError(.fileReadInapplicableStringEncoding) }
    return output[..<written].map { UInt8(bitPattern: $0) }
  }

  @Test func traditionalWordingInBig5IsFound() throws {
    let temporary = try TemporaryFolder("big5")
    defer { temporary.remove() }
    let folder = temporary.url
    let chat = "2023-06-01 10:00:00 小李\n後台要能控制輸贏，機率我們自己調\n\n2023-06-01 10:01:00 老周\n好的，明天給你報價\n\n"
    try Data(try Self.big5(chat)).write(to: folder.appendingPathComponent("小李.txt"))
    let report = try ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: ["小李"]).run(folder: folder)
    let document = try #require(report.documents.first)
    #expect(document.encoding == "big5" && document.status == .parsed)
    let finding = try #require(report.findings.first { $0.matched.contains("控制輸贏") })
    #expect(finding.line == 1 && finding.speaker == "小李")
  }
}
