import Crypto
import Foundation
import Testing

@testable import Ingest

/// A large QQ MHT export is read through its HTML part only: the units and hash of a whole read,
/// the pictures after it hashed and counted, an export above the parse limit still read.
@Suite struct MHTTextHeadTests {
  static let boundary = "----=_NextPart_TEST_0042"

  /// A QQ MHT export: `rows` message rows over several days (some with pictures, some on two
  /// lines), then `pictures` base64 picture parts of a few lines each; `nested` puts a
  /// multipart/alternative part before the HTML part.
  static func export(rows: Int, pictures: Int, lineBreak: String = "\r\n", bom: Bool = false, nested: Bool = false)
    -> [UInt8]
  {
    var lines = [
      "From: <Save by Tencent MsgMgr>", "Subject: Tencent IM Message", "MIME-Version: 1.0",
      "Content-Type:multipart/related;", "\tcharset=\"utf-8\"", "\ttype=\"text/html\";", "\tboundary=\"\(boundary)\"", "",
    ]
    if nested {
      lines += [
        "--\(boundary)", "Content-Type: multipart/alternative; boundary=\"inner\"", "", "--inner",
        "Content-Type: text/plain", "", "预览", "--inner--", "",
      ]
    }
    lines += [
      "--\(boundary)", "Content-Type:text/html", "Content-Transfer-Encoding:7bit", "",
      "<html><head><title>QQ Message</title></head><body><table width=100% cellspacing=0>",
      "<tr><td><div style=padding-left:10px;>消息分组:我的QQ群</div></td></tr>",
      "<tr><td><div style=padding-left:10px;>消息对象:项目群</div></td></tr>",
    ]
    for row in 0..<rows {
      if row % 50 == 0 {
        lines.append("<tr><td style=border-bottom-width:1px;color:#3568BB;>日期: 2023/5/\(1 + row / 50)</td></tr>")
      }
      let sender = row % 3 == 0 ? "老周(10001)" : "小李(10002)"
      var body = "<font color='000000'>第\(row)条，接口做了AES加密</font>"
      if row % 7 == 2 { body += "<IMG src=\"{\(row)}.dat\">" }
      let header = "<tr><td><div style=color:#006EFE;padding-left:10px;><div style=float:left;margin-right:6px;>\(sender)</div>"
        + "\(10 + row % 12):\(String(format: "%02d", row % 60)):05</div><div style=padding-left:20px;>"
      if row % 5 == 4 {
        lines += [header, "\(body)<br><font color='000000'>补充一句</font></div></td></tr>"]
      } else {
        lines.append(header + body + "</div></td></tr>")
      }
    }
    lines += ["</table></body></html>", ""]
    for picture in 0..<pictures {
      lines += [
        "--\(boundary)", "Content-Type:image/jpeg", "Content-Location:{\(picture)}.dat", "Content-Transfer-Encoding:base64", "",
      ]
      lines += (0..<4).map { _ in String(repeating: "/9j/4AAQSkZJRgABAQAAAQABAAD", count: 3) }
      lines.append("")
    }
    lines.append("--\(boundary)--")
    return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array((lines.joined(separator: lineBreak) + lineBreak).utf8)
  }

  static let policy = StreamingPolicy(thresholdBytes: 1_000)

  /// The line of the boundary that ends the HTML part.
  static func htmlEndLine(_ bytes: [UInt8]) -> Int {
    let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.firstIndex { $0.hasPrefix("</table>") } ?? 0) + 3
  }

  @Test(arguments: [("\r\n", false), ("\n", false), ("\r\n", true)])
  func theHeadGivesTheUnitsOfAWholeRead(lineBreak: String, bom: Bool) throws {
    let bytes = Self.export(rows: 600, pictures: 40, lineBreak: lineBreak, bom: bom)
    let (temporary, folder, entry) = try StreamedReadingTests.folder("项目群.mht", bytes)
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let streamed = StreamedReadingTests.streamed(folder, entry, policy: Self.policy)
    #expect(whole.format == .qqMHT)
    #expect(whole.units.count == 600)
    #expect(whole.diagnostics.isEmpty)
    #expect(streamed.units == whole.units)
    #expect(streamed.document.unitCount == 600)
    #expect(streamed.document.sha256 == whole.sha256)
    #expect(streamed.document.sha256 == SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
    #expect(streamed.document.bytes == bytes.count)
    #expect(streamed.document.format == .qqMHT)
    #expect(streamed.document.status == .parsed)
    let note = try #require(streamed.document.diagnostics.first)
    #expect(streamed.document.diagnostics.count == 1)
    #expect(note.code == "mht-head" && note.severity == .note)
    let headLines = Self.htmlEndLine(bytes) - 1
    #expect(note.message.hasPrefix("read through line \(headLines), where its HTML part ends; the 40 MIME parts after it ("))
    #expect(streamed.units.last.map { $0.endLine < headLines } == true)
  }

  /// Line breaks do not move citations: an export with CR or CRLF breaks, read in place, cites
  /// the lines its LF twin cites.
  @Test(arguments: ["\r", "\r\n"])
  func unitsCiteTheSameLinesWhateverTheBreaks(lineBreak: String) throws {
    func units(_ lineBreak: String) throws -> [TextUnit] {
      let (temporary, folder, entry) = try StreamedReadingTests.folder("项目群.mht", Self.export(rows: 200, pictures: 3, lineBreak: lineBreak))
      defer { temporary.remove() }
      return StreamedReadingTests.streamed(folder, entry, policy: Self.policy).units
    }
    let reference = try units("\n")
    #expect(reference.count == 200)
    #expect(try units(lineBreak) == reference)
  }

  @Test func anExportAboveTheParseLimitIsReadWhenItsHTMLPartFits() throws {
    let bytes = Self.export(rows: 300, pictures: 2_000)
    let htmlBytes = String(decoding: bytes, as: UTF8.self).components(separatedBy: "</table>")[0].utf8.count
    let (temporary, unlimited, entry) = try StreamedReadingTests.folder("项目群.mht", bytes)
    defer { temporary.remove() }
    let limited = try EvidenceFolder(root: temporary.url, options: IngestOptions(maxParseBytes: htmlBytes * 2))
    #expect(bytes.count > htmlBytes * 4)
    #expect(limited.read(entry).status == .unsupported)
    let streamed = StreamedReadingTests.streamed(limited, entry, policy: Self.policy)
    #expect(streamed.document.status == .parsed)
    #expect(streamed.units == unlimited.read(entry).units)
    #expect(streamed.document.diagnostics.first?.message.contains("the 2000 MIME parts after it") == true)
  }

  @Test func anHTMLPartAboveTheLimitIsHashedButNotRead() throws {
    let bytes = Self.export(rows: 300, pictures: 3)
    let (temporary, _, entry) = try StreamedReadingTests.folder("项目群.mht", bytes)
    defer { temporary.remove() }
    let limited = try EvidenceFolder(root: temporary.url, options: IngestOptions(maxParseBytes: 4_096))
    let streamed = StreamedReadingTests.streamed(limited, entry, policy: Self.policy)
    #expect(streamed.units.isEmpty)
    #expect(streamed.document.status == .unsupported)
    #expect(streamed.document.format == .qqMHT)
    #expect(streamed.document.bytes == bytes.count)
    #expect(streamed.document.sha256 == SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
    #expect(
      streamed.document.reason
        == "QQ MHT export: its HTML part (from line 10) runs past 4096 bytes, the limit for parsing; hashed but not read")
  }

  /// A NUL byte or a byte that is not UTF-8 in the HTML part: the head is not decoded in place,
  /// and the file is read whole, as the ordinary decoding judges it.
  @Test(arguments: [UInt8(0x00), 0xFF])
  func anExportWhoseHeadIsNotUTF8TextIsReadWhole(byte: UInt8) throws {
    var bytes = Self.export(rows: 80, pictures: 5)
    let needle = Array("第40条".utf8)
    let offset = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
    bytes.insert(byte, at: offset)
    let (temporary, folder, entry) = try StreamedReadingTests.folder("项目群.mht", bytes)
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let streamed = StreamedReadingTests.streamed(folder, entry, policy: Self.policy)
    #expect(streamed.document.diagnostics.allSatisfy { $0.code != "mht-head" })
    #expect(streamed.units == whole.units)
    #expect(streamed.document.status == whole.status && streamed.document.format == whole.format)
    #expect(streamed.document.sha256 == whole.sha256)
  }

  @Test func anExportWithANestedMultipartIsReadWhole() throws {
    let bytes = Self.export(rows: 100, pictures: 5, nested: true)
    let (temporary, folder, entry) = try StreamedReadingTests.folder("项目群.mht", bytes)
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let streamed = StreamedReadingTests.streamed(folder, entry, policy: Self.policy)
    #expect(whole.units.count == 100)
    #expect(streamed.units == whole.units)
    #expect(streamed.document.diagnostics == whole.diagnostics)
  }

  @Test func anExportWithoutAnHTMLPartWarnsAsAWholeRead() throws {
    var text = String(decoding: Self.export(rows: 40, pictures: 3), as: UTF8.self)
    text = text.replacingOccurrences(of: "Content-Type:text/html", with: "Content-Type:text/plain")
    let (temporary, folder, entry) = try StreamedReadingTests.folder("项目群.mht", Array(text.utf8))
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let streamed = StreamedReadingTests.streamed(folder, entry, policy: Self.policy)
    #expect(whole.diagnostics.map(\.message) == ["no text/html part found in this QQ MHT file"])
    #expect(streamed.document.diagnostics == whole.diagnostics)
    #expect(streamed.units.isEmpty)
    #expect(streamed.document.sha256 == whole.sha256)
  }

  /// A seeded generator, so that the random exports are the same on every run.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state ^ (state >> 29)
    }
  }

  /// A QQ MHT export varied at random in what the head reader must follow like `MIMEPart`:
  /// parts before and after the HTML part, header case and folding, boundary lines with trailing
  /// spaces, a missing closing boundary, an epilogue, a second HTML part, line breaks.
  static func randomExport(_ random: inout SeededGenerator) -> [UInt8] {
    let boundary = "----=_Part_\(Int.random(in: 1...999, using: &random))"
    let lineBreak = Bool.random(using: &random) ? "\r\n" : "\n"
    func delimiter(_ closing: Bool = false) -> String {
      "--\(boundary)\(closing ? "--" : "")" + String(repeating: " ", count: Int.random(in: 0...2, using: &random))
    }
    func picture(_ index: Int) -> [String] {
      let type = Bool.random(using: &random) ? "Content-Type:image/jpeg" : "content-type: IMAGE/PNG"
      return [delimiter(), type, "Content-Location:{\(index)}.dat", "", "/9j/4AAQSkZJRgAB\(index)", ""]
    }
    var lines = ["From: <Save by Tencent MsgMgr>", "Subject: Tencent IM Message", "MIME-Version: 1.0"]
    lines += Bool.random(using: &random)
      ? ["Content-Type:multipart/related;", "\tcharset=\"utf-8\"", "\ttype=\"text/html\";", "\tboundary=\"\(boundary)\""]
      : ["content-type: multipart/related; type=\"text/html\"; boundary=\(boundary)"]
    lines.append("")
    if Bool.random(using: &random) { lines.append("This is a multi-part message in MIME format.") }
    for index in 0..<Int.random(in: 0...2, using: &random) { lines += picture(index) }
    let html = Self.export(rows: Int.random(in: 1...40, using: &random), pictures: 0, lineBreak: "\n")
    let htmlLines = String(decoding: html, as: UTF8.self).components(separatedBy: "\n")
    let start = (htmlLines.firstIndex { $0.hasPrefix("--") } ?? 0) + 1
    let end = htmlLines.firstIndex { $0.hasPrefix("</table>") } ?? htmlLines.count - 1
    let htmlType = Bool.random(using: &random) ? "Content-Type:text/html" : "Content-Type: Text/HTML;\n charset=utf-8"
    lines += [delimiter(), htmlType, "Content-Transfer-Encoding:7bit", ""] + htmlLines[(start + 3)...end] + [""]
    if Int.random(in: 0...4, using: &random) == 0 {
      lines += [delimiter(), "Content-Type:text/html", "", "<html><body>第二个页面</body></html>", ""]
    }
    for index in 10..<(10 + Int.random(in: 0...3, using: &random)) { lines += picture(index) }
    if Bool.random(using: &random) { lines.append(delimiter(true)) }
    if Bool.random(using: &random) { lines += ["", "epilogue"] }
    return Array(lines.joined(separator: lineBreak).utf8) + (Bool.random(using: &random) ? Array(lineBreak.utf8) : [])
  }

  @Test func randomExportsReadThroughTheirHeadAsWhole() throws {
    var random = SeededGenerator(state: 42)
    var cut = 0
    var withUnits = 0
    for round in 0..<150 {
      let bytes = Self.randomExport(&random)
      let (temporary, folder, entry) = try StreamedReadingTests.folder("项目群.mht", bytes)
      defer { temporary.remove() }
      let whole = folder.read(entry)
      let streamed = StreamedReadingTests.streamed(folder, entry, policy: StreamingPolicy(thresholdBytes: 10))
      #expect(whole.format == .qqMHT, "round \(round)")
      #expect(streamed.units == whole.units, "round \(round)")
      #expect(streamed.document.diagnostics.filter { $0.code != "mht-head" } == whole.diagnostics, "round \(round)")
      #expect(streamed.document.sha256 == whole.sha256, "round \(round)")
      if streamed.document.diagnostics.contains(where: { $0.code == "mht-head" }) { cut += 1 }
      if !whole.units.isEmpty { withUnits += 1 }
    }
    #expect(cut >= 60, "exports whose pictures after the HTML part were skipped: \(cut)")
    #expect(withUnits >= 140, "exports with messages: \(withUnits)")
  }

  @Test(arguments: EvidenceFolderTests.Change.allCases)
  func anExportThatChangesWhileReadIsAnError(change: EvidenceFolderTests.Change) throws {
    let bytes = Self.export(rows: 50, pictures: 10)
    let (temporary, _, entry) = try StreamedReadingTests.folder("项目群.mht", bytes)
    defer { temporary.remove() }
    let folder = try EvidenceFolder(
      root: temporary.url, options: IngestOptions(), io: EvidenceFolderTests.ChangingStatus(perOpenedFile: true, change.apply).io)
    let streamed = StreamedReadingTests.streamed(folder, entry, policy: Self.policy)
    #expect(streamed.units.isEmpty)
    #expect(streamed.document.status == .error)
    #expect(streamed.document.sha256.isEmpty)
    #expect(streamed.document.reason?.hasPrefix("项目群.mht: file changed while it was being read (") == true)
  }

  /// What the scan's whole-read budget held each time a file was opened.
  final class ReservationLog: @unchecked Sendable {
    private let lock = NSLock()
    var budget: WholeReadBudget?
    private(set) var reserved: [Int] = []

    func record() {
      lock.lock()
      reserved.append(budget?.reservedBytes ?? -1)
      lock.unlock()
    }
  }

  /// A head's size is known only once it is read, so the export reserves its size (up to the
  /// parse limit) before its head is read: two large exports are never read side by side.
  @Test func theHeadIsReadUnderAReservationOfTheFileSize() throws {
    let bytes = Self.export(rows: 300, pictures: 20)
    let (temporary, _, entry) = try StreamedReadingTests.folder("项目群.mht", bytes)
    defer { temporary.remove() }
    let log = ReservationLog()
    let io = FileIO { descriptor in
      log.record()
      return FileStatus.of(descriptor)
    }
    let folder = try EvidenceFolder(root: temporary.url, options: IngestOptions(), io: io)
    log.budget = folder.wholeReads
    let streamed = StreamedReadingTests.streamed(folder, entry, policy: Self.policy)
    #expect(streamed.document.format == .qqMHT)
    #expect(streamed.units.count == 300)
    #expect(streamed.document.diagnostics.contains { $0.code == "mht-head" })
    #expect(log.reserved.contains(bytes.count))
    #expect(log.reserved.allSatisfy { $0 == 0 || $0 == bytes.count })
  }
}
