import Ingest

/// The words the report's "who" cells show for a unit's speaker (unescaped).
///
/// A chat service event (a Telegram pin, title change or invitation, marked with
/// `TextUnit.serviceActionAttribute`) is something its actor did, not words the actor said: the
/// export's actor is the unit's speaker, and the name is followed by ` (action)` so that the
/// column says so, as the excerpt's `[service: …]` does. An event without a named actor shows
/// "system notice", as any system unit without a speaker does.
enum WhoLabel {
  /// The words after the actor's name.
  static let actionMark = " (action)"

  /// Whether `unit` is a chat service event.
  static func isAction(_ unit: TextUnit) -> Bool {
    unit.attributes[TextUnit.serviceActionAttribute] != nil
  }

  /// The speaker's name as the export writes it, marked as an action's actor where it is one;
  /// else why there is none ("speaker unknown", "system notice"); "" for document text.
  static func speaker(of unit: TextUnit) -> String {
    guard let speaker = unit.speaker else { return SpeakerAbsence(unit: unit)?.label ?? "" }
    return marked(speaker, isAction: isAction(unit))
  }

  /// `speaker · time` for a row of the context table or the source view.
  static func row(_ unit: TextUnit) -> String {
    let speaker = speaker(of: unit)
    guard let time = unit.time else { return speaker }
    return speaker.isEmpty ? time.iso8601 : speaker + " · " + time.iso8601
  }

  /// `name` followed by the action mark when it names the actor of a service event.
  static func marked(_ name: String, isAction: Bool) -> String {
    isAction && !name.isEmpty ? name + actionMark : name
  }
}
