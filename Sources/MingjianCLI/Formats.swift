import ArgumentParser
import Ingest

extension MingjianCommand {
  /// `mingjian formats`: the evidence formats the tool reads and how each is recognised.
  struct Formats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the evidence formats read, with the id used in reports and how each is detected."
    )

    func run() throws {
      for format in DocumentFormat.allCases {
        print("\(format.rawValue.padding(toLength: 26, withPad: " ", startingAt: 0)) \(format.title)")
        print("    detected by: \(format.detection)")
      }
    }
  }
}
