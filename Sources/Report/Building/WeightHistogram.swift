/// How many (document, rule) pairs gave a clause each weight. Rules have a handful of distinct
/// weights, so they are kept in a short list searched in order rather than hashed.
struct WeightHistogram: Sendable {
  private var pairs: [(weight: Double, count: Int)] = []

  /// Counts `count` more pairs of `weight`.
  mutating func add(_ weight: Double, count: Int = 1) {
    if let index = pairs.firstIndex(where: { $0.weight == weight }) {
      pairs[index].count += count
    } else {
      pairs.append((weight, count))
    }
  }

  /// Adds the pairs counted in `other`.
  mutating func merge(_ other: WeightHistogram) {
    for pair in other.pairs { add(pair.weight, count: pair.count) }
  }

  /// Each pair's weight, in ascending order of weight: the order `ClauseScore.noisyOR` takes them.
  var ascending: [Double] {
    pairs.sorted { $0.weight < $1.weight }.flatMap { Array(repeating: $0.weight, count: $0.count) }
  }
}
