/// A fixed list of words that `MoneyParser` looks for at a position of its scalars, each kept as
/// its scalars: a word kept as a `String` is decoded again at every comparison, and the parser
/// compares a dozen lists at every amount it reads.
struct ScalarWords: Sendable {
  /// The words' scalars, in the order listed.
  let words: [[Unicode.Scalar]]

  /// The list of `words`.
  init(_ words: [String]) {
    self.words = words.map { Array($0.unicodeScalars) }
  }
}
