import Ingest

/// Remembers, per price rule and conversation, the latest unit that named a service, so that
/// an amount in a later unit (“三千块”) can be compared with the service named before it
/// (“帮我做个交易所”).
struct ServiceMentions: Sendable {
  /// A unit that named a service.
  struct Mention: Sendable {
    var unit: TextUnit
    /// The unit's position in its conversation.
    var ordinal: Int
    var service: ServicePrice
    /// The phrase as written.
    var text: String
  }

  private var latest: [String: [String: Mention]] = [:]

  /// Records the latest service named by a unit.
  mutating func record(rule: String, conversation: String, mention: Mention) {
    latest[rule, default: [:]][conversation] = mention
  }

  /// The service named in one of the `within` units before `ordinal` of the conversation.
  func mention(rule: String, conversation: String, before ordinal: Int, within: Int) -> Mention? {
    guard let found = latest[rule]?[conversation], found.ordinal < ordinal, ordinal - found.ordinal <= within else {
      return nil
    }
    return found
  }
}
