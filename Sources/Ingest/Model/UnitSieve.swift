/// Tells a chat parser which messages a scan needs whole, so that the others cost no more than
/// finding where they start and end.
///
/// A scan evaluates a rule on a unit only when the unit's text holds one of the rule's trigger
/// phrases; every other unit yields nothing. A parser given a sieve asks it (through the test it
/// makes) about each message's raw body, and builds the full `TextUnit` only for the messages
/// that pass and the `radius` messages on either side of one (the context a report shows around
/// a finding). The other messages are not built at all: each stretch of them becomes one
/// `elided` unit, a run that keeps their count (`TextUnit.span`), lines and conversation but not
/// their text, speakers or times. Unit counts, each message's position in its conversation (a
/// run counting as its span), line numbers and diagnostics are the same as without the sieve.
///
/// The parsers that take a sieve are MemoTrace TXT (v1 and 2.x), WeFlow TXT, wechat-dump TXT,
/// WhatsApp TXT, WechatExporter TXT and QQ message-manager TXT: line-record chat exports whose
/// message bodies are slices of the file. QQ message-manager TXT makes a run of each unread
/// message alone, as the carry between its pieces revises units by position. Only a piece of more than
/// `minimumUnits` messages is sieved, so that a document small enough for a report to show whole
/// never holds an elided unit.
///
/// A file read in pieces is sieved piece by piece (QQ TXT aside, whose `CarriedSieve` sees the
/// whole file): a piece cannot know whether a message of the piece before or after it passes, so
/// its first and last `radius` messages are built whole (`keepingRunEnds`), and a window around
/// a message that passes near a cut finds every message it reaches built.
public struct UnitSieve: Sendable {
  /// Messages built whole on either side of one that passes.
  public let radius: Int
  /// Pieces of at most this many messages are read without the sieve.
  public let minimumUnits: Int
  /// Whether the first and the last `radius` messages of every run are built whole, whatever
  /// passes: a run that is a piece of a file read in pieces may have a message that passes just
  /// beyond either end.
  private(set) var keepsRunEnds = false
  private let makeTest: @Sendable () -> (UnsafeBufferPointer<UInt8>) -> Bool

  /// Creates a sieve. `makeTest` makes the test for one run of messages of one conversation
  /// (a piece of a chat): the parser calls it once for each message of the run, in order, with
  /// the message's body (its raw UTF-8, lines separated by the file's own breaks), and it
  /// answers whether the message may matter to the scan. It may keep state from message to
  /// message (a price named a message before) and is used on one thread. It must never answer
  /// false for a message that matters: the parser then loses nothing.
  public init(
    radius: Int, minimumUnits: Int, makeTest: @escaping @Sendable () -> (UnsafeBufferPointer<UInt8>) -> Bool
  ) {
    self.radius = radius
    self.minimumUnits = minimumUnits
    self.makeTest = makeTest
  }

  /// A test for one run of messages of one conversation (see `init`).
  public func test() -> (UnsafeBufferPointer<UInt8>) -> Bool { makeTest() }

  /// This sieve for the runs of a file read in pieces, each sieved alone: it also builds whole
  /// the first and the last `radius` messages of each run (see `keepsRunEnds`).
  func keepingRunEnds() -> UnitSieve {
    var sieve = self
    sieve.keepsRunEnds = true
    return sieve
  }

  /// For `count` messages where `passes(i)` tells whether message `i` passes: whether each must
  /// be built whole (it passes, or one within `radius` of it does, or it is one of the first or
  /// last `radius` when `keepsRunEnds`). All true when `count` is at most `minimumUnits`.
  func wholeMessages(count: Int, passes: (Int) -> Bool) -> [Bool] {
    guard count > minimumUnits else { return Array(repeating: true, count: count) }
    var whole = Array(repeating: false, count: count)
    if keepsRunEnds {
      for index in 0..<min(radius, count) { whole[index] = true }
      for index in max(count - radius, 0)..<count { whole[index] = true }
    }
    var coveredThrough = -1
    for index in 0..<count where passes(index) {
      let low = max(index - radius, coveredThrough + 1)
      let high = min(index + radius, count - 1)
      if low <= high { for marked in low...high { whole[marked] = true } }
      coveredThrough = max(coveredThrough, high)
    }
    return whole
  }
}
