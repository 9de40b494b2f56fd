import Foundation
import Testing

@testable import Ingest

/// libxml2 reads the page's decoded text where it stands (`LibXML2HTMLReader` hands it the
/// string's own UTF-8, with no buffer of libxml2's around it): the text is read once, to its last
/// byte, whatever its size and wherever it ends.
@Suite struct HTMLInPlaceInputTests {
  /// The last blocks of a page lie where libxml2 2.9.14 shrinks an input buffer (its last 500
  /// bytes); each block is read once, at its line.
  @Test func everyBlockIsReadOnceUpToTheEnd() {
    let count = 60
    let html = (0..<count).map { "<p>第\($0)段</p>" }.joined(separator: "\n")
    let blocks = HTMLBlockCollector.collect(html)
    #expect(blocks.map(\.text) == (0..<count).map { "第\($0)段" })
    #expect(blocks.map(\.line) == Array(1...count))
  }

  /// Text that runs to the last byte, with no markup after it, in a string short enough to be
  /// stored inline (15 bytes or fewer) and in a long one.
  @Test(arguments: ["<p>末尾", "<p>" + String(repeating: "末尾的字", count: 5_000)])
  func textRunsToTheLastByte(html: String) {
    let blocks = HTMLBlockCollector.collect(html)
    #expect(blocks.map(\.text) == [String(html.dropFirst(3))])
  }

  /// A NUL character inside the text does not end the input: libxml2 is given its length.
  @Test func aNULCharacterDoesNotEndTheInput() {
    let blocks = HTMLBlockCollector.collect("<p>前\u{0}后</p>\n<p>再后面</p>")
    #expect(blocks.last?.text == "再后面")
    #expect(blocks.last?.line == 2)
  }

  /// A name-like run of more than a hundred characters after `&` is kept whole. libxml2's copy of
  /// the input was reallocated while such a run was read when the page was about 6 KB long (the
  /// comment puts the run there), and the 1,020 characters read so far were lost.
  @Test func aLongRunAfterAnAmpersandIsKeptWhole() {
    let run = "&记票3" + String(repeating: "x", count: 1_200)
    let comment = "<!--" + String(repeating: "p", count: 5_000) + "-->"
    let blocks = HTMLBlockCollector.collect("<html><body>\n" + comment + "\n<p>" + run + "</p>\n<p>后面</p>")
    #expect(blocks.map(\.text) == [run, "后面"])
    #expect(blocks.map(\.line) == [3, 4])
  }

  /// A CRLF page goes to libxml2 as it was decoded (libxml2 counts its lines at the line feeds);
  /// a page with a lone carriage return goes with its lines joined by `\n`.
  @Test func onlyALoneCarriageReturnMakesTheReaderJoinTheLines() {
    func source(_ text: String) -> SourceText {
      SourceText(text: text, path: "page.html", encoding: .utf8, options: IngestOptions())
    }
    let crlf = "<html><body>\r\n<p>一</p>\r\n\r\n<p>二\r\n三</p>\r\n"
    #expect(source(crlf).htmlReaderText == crlf)
    #expect(source("<p>一</p>\r<p>二</p>\r\n").htmlReaderText == "<p>一</p>\n<p>二</p>")
    #expect(source("<p>一</p>\r\n<p>二</p>\r").htmlReaderText == "<p>一</p>\n<p>二</p>")
  }

  /// A page saved with CRLF breaks gives the units and diagnostics of the same page with LF.
  @Test func aCRLFPageReadsLikeItsLFCopy() {
    var html = "<!DOCTYPE html>\n<html><head><title>标题</title></head>\n<body>\n"
    for index in 0..<40 {
      html += "<div><span>2023-05-01 10:00:\(index)</span>\n<p>第\(index)条<br>\n\n换行 " + String(repeating: "长", count: index * 30) + "</p></div>\n"
    }
    html += "<table><tr><td>卡号</td>\n<td>一百张</td></tr></table>\n</body></html>\n"
    let lf = EvidenceReader.read(data: Data(html.utf8), path: "page.html")
    let crlf = EvidenceReader.read(data: Data(html.replacingOccurrences(of: "\n", with: "\r\n").utf8), path: "page.html")
    #expect(lf.units.count == 82)
    #expect(crlf.units == lf.units)
    #expect(crlf.diagnostics == lf.diagnostics)
  }
}
