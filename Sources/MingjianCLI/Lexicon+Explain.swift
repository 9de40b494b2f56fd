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
        FILE:LINE is cited as findings cite it: a file, or a member of a ZIP archive read in place
        (case.zip!/chats/a.txt:12, also case.zip/chats/a.txt:12). On an evidence line the
        explanation says whether the rule's speaker constraint counts the unit, with the roles
        --subject gives (as in a scan); a text given with --text is spoken by whoever the rule
        requires.

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
      help: "Name or account id of a subject (repeatable): decides the speaker's role on FILE:LINE, as in a scan.")
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
      if let text {
        explanation = scanner.explain(rule: rule, text: text)
      } else {
        let evidence = try evidenceLine()
        explanation = scanner.explain(rule: rule, unit: evidence.unit, path: evidence.path, subjects: Set(subjects))
      }
      guard let explanation else {
        printError("mingjian: no rule '\(rule)' in \(lexiconOptions.folder)")
        throw ExitStatus.fatal
      }
      print(explanation.render())
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
