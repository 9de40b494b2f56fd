extension StringProtocol {
  /// The first range of `needle`, compared as UTF-8 bytes (no Unicode folding): much faster than
  /// Foundation's `range(of:)` on hot paths, and exact, which is what log grammars need.
  func utf8Range(of needle: String) -> Range<Index>? {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first else { return nil }
    let bytes = utf8
    var start = bytes.startIndex
    while let candidate = bytes[start...].firstIndex(of: first) {
      var probe = candidate
      var matched = 0
      while matched < pattern.count, probe < bytes.endIndex, bytes[probe] == pattern[matched] {
        matched += 1
        probe = bytes.index(after: probe)
      }
      if matched == pattern.count { return candidate..<probe }
      start = bytes.index(after: candidate)
    }
    return nil
  }

  /// True when `needle` occurs, compared as UTF-8 bytes.
  func utf8Contains(_ needle: String) -> Bool { utf8Range(of: needle) != nil }
}
