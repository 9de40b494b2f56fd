/// A Telegram service message (`"type": "service"` in JSON, a `message service` block in HTML):
/// someone did something in the chat (pinned a message, changed the title, invited members).
/// It becomes a unit whose text says so, `[service: pin_message] message 41`, and whose speaker
/// is the actor, so that a finding on it reads as an action and the actor's role is decided as
/// for a message (see `TextUnit.serviceActionAttribute`).
enum TelegramServiceEvent {
  /// The unit text of an event: `[service: <action>]` (`[service]` when the action is not
  /// named), then the export's text or details, if any.
  static func text(action: String?, details: String) -> String {
    let label = action.map { "[service: \($0)]" } ?? "[service]"
    return details.isEmpty ? label : "\(label) \(details)"
  }

  /// The details a JSON service message gives besides its text: the members it names, the
  /// title it sets, the message it pins; with the file line of the first of them.
  static func details(_ message: JSONNode) -> (text: String, line: Int?) {
    var details: [String] = []
    var line: Int?
    for key in ["members", "title", "message_id"] {
      guard let node = message[key] else { continue }
      let values = node.string.map { key == "message_id" ? ["message \($0)"] : [$0] } ?? node.elements.compactMap(\.string)
      guard !values.isEmpty else { continue }
      line = line ?? node.line
      details += values
    }
    return (details.joined(separator: ", "), line)
  }

  /// The actor of an HTML service text, which Telegram Desktop writes as the actor's name then
  /// what they did (`Alice Example invited Carol`): the longest of `senders` (the page's sender
  /// names) that the text starts with, followed by a space; nil when none is (the actor cannot
  /// be told apart from the words after it).
  static func actor(of text: String, among senders: Set<String>) -> String? {
    senders.filter { !$0.isEmpty && text.hasPrefix($0 + " ") }.max { $0.count < $1.count }
  }
}
