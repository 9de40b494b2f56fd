import Foundation
import Ingest
import Report
import Signals
import Testing

/// One case in seven formats (Telegram JSON, WhatsApp TXT, a saved page, DOCX, EML): every
/// finding must cite the lines where its words stand in the original file.
@Suite struct MixedFormatCitationTests {
  static let folder = RepositoryPaths.root.appendingPathComponent("corpus/cases/mixed-formats")

  let report: CaseReport

  init() throws {
    let lexicon = try LexiconLoader.load(directory: RepositoryPaths.lexicons)
    report = try ScanPipeline(lexicon: lexicon, subjects: ["阿凯"]).run(folder: Self.folder)
  }

  @Test func everyFileIsParsedInItsOwnFormat() {
    let formats = Dictionary(uniqueKeysWithValues: report.documents.map { ($0.path, $0.format) })
    #expect(formats["telegram/result.json"] == .telegramJSON)
    #expect(formats["whatsapp/WhatsApp Chat with 钱老板.txt"] == .whatsAppTXT)
    #expect(formats["pages/风控设置.html"] == .html)
    #expect(formats["contracts/技术服务合同.docx"] == .docx)
    #expect(formats["mail/域名报价.eml"] == .eml)
    #expect(report.documents.allSatisfy { $0.status == .parsed })
  }

  @Test func matchedWordsStandOnTheCitedLinesOfTheOriginalFile() throws {
    let textFormats: Set<DocumentFormat> = [.telegramJSON, .whatsAppTXT, .html, .eml]
    let cited = report.findings.filter { finding in
      report.document(finding.path).map { textFormats.contains($0.format) } ?? false
    }
    #expect(cited.count >= 8)
    for finding in cited {
      let url = Self.folder.appendingPathComponent(finding.path)
      let lines = try String(contentsOf: url, encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false)
      let span = lines[(finding.line - 1)..<min(finding.endLine, lines.count)].joined(separator: "\n")
      for word in finding.matched {
        #expect(span.contains(word), "\(finding.path):\(finding.line)-\(finding.endLine) lacks “\(word)”")
      }
    }
  }

  @Test func scriptsStylesAndCommentsOfASavedPageAreNotEvidence() {
    let page = report.findings.filter { $0.path == "pages/风控设置.html" }
    #expect(page.map(\.line) == [12], "only the visible table row, never the <script> or comment")
  }
}
