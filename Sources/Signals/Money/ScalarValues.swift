/// A small fixed table from scalars to integers (the numerals and units of `MoneyParser`), read
/// for nearly every scalar of a unit with amounts: a binary search over the sorted scalar values
/// costs less than hashing the scalar for a dictionary.
struct ScalarValues: ExpressibleByDictionaryLiteral, Sendable {
  /// The scalar values, ascending.
  private let scalars: [UInt32]
  /// `values[i]` belongs to `scalars[i]`.
  private let values: [Int]

  /// The table of `elements`; a scalar listed twice keeps its first value.
  init(dictionaryLiteral elements: (Unicode.Scalar, Int)...) {
    var seen = Set<UInt32>()
    let entries = elements.filter { seen.insert($0.0.value).inserted }.sorted { $0.0.value < $1.0.value }
    scalars = entries.map(\.0.value)
    values = entries.map(\.1)
  }

  /// The scalars of the table.
  var keys: [Unicode.Scalar] { scalars.compactMap(Unicode.Scalar.init) }

  /// The value of `scalar`, or nil when the table does not hold it.
  subscript(_ scalar: Unicode.Scalar) -> Int? {
    var low = 0
    var high = scalars.count
    while low < high {
      let middle = (low + high) / 2
      if scalars[middle] < scalar.value { low = middle + 1 } else { high = middle }
    }
    return low < scalars.count && scalars[low] == scalar.value ? values[low] : nil
  }
}
