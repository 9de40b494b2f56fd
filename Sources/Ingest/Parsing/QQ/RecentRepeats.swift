/// The `最近联系人` repeats of a QQ TXT file read in pieces, found as a whole read finds them
/// (`RecentContactDuplicates`) from sixteen-byte `MessageKey`s: the file's text is never held.
///
/// The survey keys, in file order, every message of a `最近联系人` block and every message of
/// another block in a conversation such a block has already shown (a repeat found later in the
/// file). The parse keys the messages of other blocks in those conversations while messages of
/// a `最近联系人` block are still to come (a repeat found earlier), and takes the survey's key for
/// each `最近联系人` message: it repeats a message of another block when either holds its key.
/// When the survey cannot know the conversations in time (a `消息对象` after messages of its
/// block), a second survey keys every message of another block in the final conversations.
struct RecentRepeats {
  /// The key of each message of a `最近联系人` block, in file order.
  private var recentKeys: [MessageKey] = []
  private var recentKeySet: Set<MessageKey> = []
  /// Keys of messages of other blocks, found by a survey.
  private var surveyedKeys: Set<MessageKey> = []
  /// Keys of messages of other blocks, found by the parse before a `最近联系人` message.
  private var parsedKeys: Set<MessageKey> = []
  /// The conversations of the `最近联系人` blocks seen so far, then of all of them.
  private var conversations: Set<String> = []
  /// Whether the parse keys messages of other blocks (not after a second survey).
  private var keysWhileParsing = true
  private var nextRecent = 0

  /// Takes a message of the survey, of `conversation`, in a `最近联系人` block when `isRecent`;
  /// `key` makes its key.
  mutating func survey(isRecent: Bool, conversation: String, key: () -> MessageKey) {
    if isRecent {
      recentKeys.append(key())
      if keysWhileParsing { conversations.insert(conversation) }
    } else if conversations.contains(conversation) {
      surveyedKeys.insert(key())
    }
  }

  /// Ends a survey; the conversations of the `最近联系人` blocks are `final`. Returns how many
  /// `最近联系人` messages repeat one of another block when the survey alone tells (after a
  /// second survey), else nil.
  mutating func endSurvey(conversations final: Set<String>) -> Int? {
    conversations = final
    recentKeySet = Set(recentKeys)
    surveyedKeys.formIntersection(recentKeySet)
    return keysWhileParsing ? nil : recentKeys.count { surveyedKeys.contains($0) }
  }

  /// Starts a second survey, which keys every message of another block in `final`, the
  /// conversations of the `最近联系人` blocks; the parse then keys none.
  mutating func startSecondSurvey(conversations final: Set<String>) {
    self = RecentRepeats()
    keysWhileParsing = false
    conversations = final
  }

  /// Takes a message of the parse, as `survey`; true when it is a `最近联系人` message that
  /// repeats a message of another block.
  mutating func isRepeat(isRecent: Bool, conversation: String, key: () -> MessageKey) -> Bool {
    guard nextRecent < recentKeys.count else { return false }
    if isRecent {
      let recent = recentKeys[nextRecent]
      nextRecent += 1
      let found = surveyedKeys.contains(recent) || parsedKeys.contains(recent)
      if nextRecent == recentKeys.count { self = RecentRepeats() }
      return found
    }
    if keysWhileParsing, conversations.contains(conversation) {
      let other = key()
      if recentKeySet.contains(other) { parsedKeys.insert(other) }
    }
    return false
  }
}
