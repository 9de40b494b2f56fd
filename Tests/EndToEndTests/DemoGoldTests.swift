import Foundation
import Ingest
import Report
import Signals
import Testing

/// The demo case scanned in-process must match its hand-labelled gold both ways.
@Suite struct DemoGoldTests {
  let report: CaseReport
  let gold: GoldAnnotations

  init() throws {
    let lexicon = try LexiconLoader.load(directory: RepositoryPaths.lexicons)
    let pipeline = ScanPipeline(lexicon: lexicon, subjects: ["小李"])
    report = try pipeline.run(folder: RepositoryPaths.demo)
    gold = try GoldAnnotations(contentsOf: RepositoryPaths.demoGold)
  }

  @Test func findingsEqualGold() {
    let actual = GoldAnnotations.labels(of: report.findings)
    let missed = gold.expected.subtracting(actual).sorted().map(\.description)
    let unexpected = actual.subtracting(gold.expected).sorted().map(\.description)
    #expect(missed.isEmpty, "missed: \(missed)")
    #expect(unexpected.isEmpty, "unexpected: \(unexpected)")
  }

  @Test func trapLinesStaySilent() {
    let noisy = report.findings
      .filter { gold.traps.contains(.init(path: $0.path, line: $0.line)) }
      .map { "\($0.path):\($0.line) \($0.rule)" }
    #expect(noisy.isEmpty, "ordinary talk flagged: \(noisy)")
  }

  @Test func everyFindingCarriesItsCitation() {
    for finding in report.findings + report.suppressed {
      #expect(!finding.path.isEmpty && finding.line >= 1 && finding.endLine >= finding.line)
      #expect(!finding.rule.isEmpty && !finding.clauses.isEmpty && !finding.why.isEmpty)
    }
    for finding in report.findings where finding.path.hasSuffix("老周.txt") {
      #expect(finding.speaker != nil && finding.time != nil, "chat finding without speaker/time")
    }
  }

  @Test func manifestListsEveryFileWithItsStatus() {
    let byPath = Dictionary(uniqueKeysWithValues: report.documents.map { ($0.path, $0) })
    #expect(byPath.count == 4)
    #expect(byPath["QQ-技术外包交流群.txt"]?.encoding == "gb18030")
    #expect(byPath["QQ-技术外包交流群.txt"]?.format == .qqMessageManagerTXT)
    #expect(byPath["微信-老周.txt"]?.format == .wechatMemoTraceTXT)
    #expect(byPath["截图-转账记录.png"]?.status == .unsupported)
    #expect(byPath["截图-转账记录.png"]?.reason?.isEmpty == false)
    #expect(byPath["说明.txt"]?.status == .parsed)
  }

  @Test func subjectWordsAreToldApartFromWhatTheSubjectWasTold() {
    let roles = Set(report.findings.map(\.speakerRole))
    #expect(roles.contains(.subject) && roles.contains(.counterpart))
    for finding in report.findings where finding.speaker != nil {
      #expect((finding.speaker == "小李") == (finding.speakerRole == .subject))
    }
  }
}
