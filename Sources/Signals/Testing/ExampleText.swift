import Foundation
import Ingest

/// An example's text with its `⟦ ⟧` highlight markers taken out.
struct MarkedText: Equatable {
  /// The text without markers.
  var text: String
  /// The expected highlight, in scalar offsets of `text`: from the first `⟦` to the last `⟧`.
  var highlight: Range<Int>?

  /// Strips `⟦` and `⟧` from `source`.
  init(_ source: String) {
    var view = String.UnicodeScalarView()
    var start: Int?
    var end: Int?
    for scalar in source.unicodeScalars {
      switch scalar {
      case "⟦": start = start ?? view.count
      case "⟧": end = view.count
      default: view.append(scalar)
      }
    }
    text = String(view)
    if let start, let end, start <= end { highlight = start..<end } else { highlight = nil }
  }
}

/// Builds text units from examples and annotated test lines.
enum ExampleUnits {
  /// The speaker name of the subject in examples.
  static let subject = "我"
  /// The speaker name of the counterpart in examples.
  static let counterpart = "对方"

  /// One unit holding `text`, spoken by whoever `constraint` requires.
  static func textUnit(_ text: String, line: Int = 1, for constraint: SpeakerConstraint) -> TextUnit {
    switch constraint {
    case .any: TextUnit(kind: .line, line: line, text: text)
    case .subject: TextUnit(kind: .message, line: line, text: text, speaker: subject, conversation: "example")
    case .counterpart: TextUnit(kind: .message, line: line, text: text, speaker: counterpart, conversation: "example")
    }
  }

  /// The units of a chat example in the canonical form `[time] 我|对方: text`; a line that does
  /// not start with `[` continues the previous message. Markers are stripped; each unit's
  /// highlight is returned beside it.
  static func chatUnits(_ source: String) -> [(unit: TextUnit, highlight: Range<Int>?)] {
    var result: [(unit: TextUnit, highlight: Range<Int>?)] = []
    var body: [String] = []
    var header: (line: Int, time: ChatTime?, speaker: String)?

    func flush(endLine: Int) {
      guard let current = header else { return }
      let marked = MarkedText(body.joined(separator: "\n"))
      let unit = TextUnit(
        kind: .message, line: current.line, endLine: endLine, text: marked.text, speaker: current.speaker,
        time: current.time, conversation: "example")
      result.append((unit, marked.highlight))
    }

    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if let parsed = parseHeader(trimmed) {
        flush(endLine: index)
        header = (index + 1, parsed.time, parsed.speaker)
        body = [parsed.text]
      } else if header != nil, !trimmed.isEmpty {
        body.append(line)
      }
    }
    flush(endLine: max(lines.count, 1))
    return result
  }

  /// `[2023-03-02 20:16] 对方: text` → time, speaker and text.
  private static func parseHeader(_ line: String) -> (time: ChatTime?, speaker: String, text: String)? {
    guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
    let stamp = String(line[line.index(after: line.startIndex)..<close])
    let rest = line[line.index(after: close)...]
    guard let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
    let speaker = rest[..<colon].trimmingCharacters(in: .whitespaces)
    guard !speaker.isEmpty else { return nil }
    let text = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return (parseTime(stamp), speaker, text)
  }

  /// `YYYY-MM-DD HH:MM[:SS]` read as Asia/Shanghai time.
  private static func parseTime(_ stamp: String) -> ChatTime? {
    let fields = stamp.split(whereSeparator: { "-: ".contains($0) }).compactMap { Int($0) }
    guard fields.count >= 5 else { return nil }
    return ChatTime(
      year: fields[0], month: fields[1], day: fields[2], hour: fields[3], minute: fields[4],
      second: fields.count > 5 ? fields[5] : 0, raw: stamp)
  }
}
