/// The unit sieve of a file read in pieces, deciding exactly what `SourceText.elidable` decides
/// for the whole file: one test runs over every message of the file in order, and a message is
/// built whole when one within `radius` of it passes, in whichever piece that one lies.
///
/// A message near the end of a piece that no pass reaches yet stays open: it is handed over
/// elided, and its whole unit is kept (at most `radius` of them) until a later pass reaches it,
/// when the unit is revised, or until no later message can.
struct CarriedSieve {
  private let radius: Int
  private let passes: (UnsafeBufferPointer<UInt8>) -> Bool
  /// The last message (index in the file) a pass reaches so far.
  private var coveredThrough = -1
  /// The messages decided so far.
  private(set) var count = 0
  /// Elided messages a later pass may still reach, ascending, with their whole units.
  private var open: [(index: Int, unit: TextUnit)] = []

  /// The sieve of a file of `messages` messages; nil when every message is read whole (no
  /// sieve, or no more than its `minimumUnits` messages).
  init?(_ sieve: UnitSieve?, messages: Int) {
    guard let sieve, messages > sieve.minimumUnits else { return nil }
    radius = sieve.radius
    passes = sieve.test()
    open.reserveCapacity(sieve.radius)
  }

  /// The messages, from the first, that will not be revised any more.
  var settled: Int { open.first?.index ?? count }

  /// Decides the next `messages` messages, those of one piece of `source`: `textLines(i)` gives
  /// the lines that hold all of message `i`'s text (as for `SourceText.elidable`) and
  /// `wholeUnit(i)` its whole unit with true line numbers. Returns whether each is built whole,
  /// and the earlier messages a pass of this piece reaches, with their whole units.
  mutating func decide(
    _ messages: Int, in source: SourceText, textLines: (Int) -> ClosedRange<Int>, wholeUnit: (Int) -> TextUnit
  ) -> (whole: [Bool], revised: [(index: Int, unit: TextUnit)]) {
    let base = count
    var whole = (0..<messages).map { base + $0 <= coveredThrough }
    var revised: [(index: Int, unit: TextUnit)] = []
    source.lines.withLineBytes { bytes in
      for position in 0..<messages {
        let lines = textLines(position)
        guard passes(bytes.utf8(ofLines: (lines.lowerBound - 1)...(lines.upperBound - 1))) else { continue }
        let pass = base + position
        while let last = open.last, last.index >= pass - radius {
          revised.append(last)
          open.removeLast()
        }
        let low = max(pass - radius, base, coveredThrough + 1)
        let high = min(pass + radius, base + messages - 1)
        if low <= high { for index in low...high { whole[index - base] = true } }
        coveredThrough = max(coveredThrough, pass + radius)
      }
    }
    count += messages
    open.removeAll { $0.index < count - radius }
    for position in max(0, messages - radius)..<messages where !whole[position] {
      open.append((base + position, wholeUnit(position)))
    }
    return (whole, revised)
  }
}
