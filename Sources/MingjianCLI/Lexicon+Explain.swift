import ArgumentParser
import Foundation
import Ingest
import Signals

extension MingjianCommand.Lexicon {
  /// `mingjian lexicon explain`: show how one rule evaluates on one text.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a rule's operator tree with per-node results on a text or an evidence line.",
      discussion: """
        FILE:LINE is cited as findings cite it: a file, or a member of a ZIP archive read in place \
        (case.zip!/chats/a.txt:12, also case.zip/chats/a.txt:12; nested archives \
        outer.zip!/inner.zip!/a.txt:3). On an evidence line the explanation says whether the \
        rule's speaker constraint counts the unit, with the roles a scan gives: the subjects are \
        those of the nearest case.yml in FILE's folder or a folder above it (for an archive \
        member, from the folder holding the archive), up to the filesystem root, with the \
        --subject values added, as scan adds them to the case.yml of the folder it scans. The \
        case.yml used is named in the output. A text given with --text is spoken by whoever the \
        rule requires.

        Examples:
          mingjian lexicon explain --rule tech.win-control --text "后台要能控制输赢"
          mingjian lexicon explain --rule tech.pay-offbook corpus/demo/微信-老周.txt:20
          mingjian lexicon explain --rule notice.continue case.zip!/chats/a.txt:12 --subject 张三
        """
    )

    @Option(help: "The rule id.")
    var rule: String

    @Option(help: "The text to evaluate.")
    var text: String?

    @Argument(help: "FILE:LINE of an evidence file or archive member; the unit covering that line is evaluated.")
    var location: String?

    @Option(
      name: .customLong("subject"),
      help: "Name or account id of a subject (repeatable; added to the subjects of the case.yml found above FILE): decides the speaker's role on FILE:LINE, as in a scan.")
    var subjects: [String] = []

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
      guard (text == nil) != (location == nil) else {
        throw ValidationError("give either --text or FILE:LINE")
      }
      if let location { _ = try EvidenceLocation(location) }
      guard subjects.isEmpty || location != nil else {
        throw ValidationError("--subject applies to FILE:LINE; a --text is spoken by whoever the rule requires")
      }
      guard subjects.allSatisfy({ !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
        throw ValidationError("--subject needs a name or account id; an empty one matches nobody")
      }
    }

    func run() throws {
      let lexicon = try lexiconOptions.load()
      let scanner = SignalScanner(lexicon: lexicon)
      let explanation: RuleExplanation?
      var caseFile: CaseFileBeside?
      if let text {
        explanation = scanner.explain(rule: rule, text: text)
      } else {
        let evidence = try evidenceLine()
        caseFile = try caseFileBeside(evidence.path)
        let named = CaseFile.subjects(caseFile?.caseFile, adding: subjects)
        explanation = scanner.explain(rule: rule, unit: evidence.unit, path: evidence.path, subjects: Set(named))
      }
      guard let explanation else {
        printError("mingjian: no rule '\(rule)' in \(lexiconOptions.folder)")
        throw ExitStatus.fatal
      }
      if let caseFile { print(caseFile.subjectsLine(adding: subjects)) }
      print(explanation.render())
    }

    /// The case.yml a scan of FILE's evidence folder reads, as `CaseFileBeside` finds it.
    private func caseFileBeside(_ path: String) throws -> CaseFileBeside? {
      do {
        return try CaseFileBeside.find(for: path)
      } catch {
        printError("mingjian: \(error)")
        throw ExitStatus.fatal
      }
    }

    /// The unit covering FILE:LINE, read in place when the file is an archive member.
    private func evidenceLine() throws -> EvidenceLine {
      let location = try EvidenceLocation(location ?? "")
      do {
        return try EvidenceLine.read(path: location.path, line: location.line)
      } catch {
        printError("mingjian: \(error)")
        throw ExitStatus.fatal
      }
    }
  }
}
