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
        Examples:
          mingjian lexicon explain --rule tech.win-control --text "后台要能控制输赢"
          mingjian lexicon explain --rule tech.pay-offbook corpus/demo/微信-老周.txt:20
        """
    )

    @Option(help: "The rule id.")
    var rule: String

    @Option(help: "The text to evaluate.")
    var text: String?

    @Argument(help: "FILE:LINE of an evidence file; the unit covering that line is evaluated.")
    var location: String?

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
      guard (text == nil) != (location == nil) else {
        throw ValidationError("give either --text or FILE:LINE")
      }
      if let location { _ = try EvidenceLocation(location) }
    }

    func run() throws {
      let lexicon = try lexiconOptions.load()
      let sample = try text ?? unitText()
      guard let explanation = SignalScanner(lexicon: lexicon).explain(rule: rule, text: sample) else {
        printError("mingjian: no rule '\(rule)' in \(lexiconOptions.folder)")
        throw ExitStatus.fatal
      }
      print(explanation.render())
    }

    /// The text of the unit covering FILE:LINE.
    private func unitText() throws -> String {
      let location = try EvidenceLocation(location ?? "")
      let (path, line) = (location.path, location.line)
      if let member = path.range(of: "!/") {
        printError(
          "mingjian: \(path) is a member of the archive \(path[..<member.lowerBound]): extract it and give the extracted file's path, or give the unit's text with --text")
        throw ExitStatus.fatal
      }
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        let reason = FileManager.default.fileExists(atPath: path) ? error.localizedDescription : "no such file"
        printError("mingjian: cannot read \(path): \(reason)")
        throw ExitStatus.fatal
      }
      let document = EvidenceReader.read(data: data, path: path)
      guard let unit = document.unit(coveringLine: line) else {
        printError("mingjian: \(path):\(line) is not inside any text unit (\(document.status.rawValue)\(document.reason.map { ": " + $0 } ?? ""))")
        throw ExitStatus.fatal
      }
      return unit.text
    }
  }
}
