#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The byte order of UTF-8 strings, in which evidence entries are listed: `memcmp` over the two
/// strings' bytes where they are stored contiguously, as every path is. A folder of a phone's
/// chats lists thousands of paths sharing a long prefix, which an element-by-element comparison of
/// `utf8` views walked byte by byte.
enum UTF8Order {
  /// Whether `lhs` comes before `rhs` comparing their UTF-8 bytes (a prefix comes first).
  static func precedes(_ lhs: String, _ rhs: String) -> Bool {
    let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
      rhs.utf8.withContiguousStorageIfAvailable { right in
        guard let leftBytes = left.baseAddress, let rightBytes = right.baseAddress else { return left.count < right.count }
        let order = memcmp(leftBytes, rightBytes, min(left.count, right.count))
        return order != 0 ? order < 0 : left.count < right.count
      }
    }
    if let compared, let compared { return compared }
    return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
  }
}
