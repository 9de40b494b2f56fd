#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension StringProtocol {
  /// The first range of `needle`, compared as UTF-8 bytes (no Unicode folding): much faster than
  /// Foundation's `range(of:)` on hot paths, and exact, which is what log grammars need. Text in
  /// contiguous UTF-8 (native strings and their substrings) is searched with `memchr` and `memcmp`.
  func utf8Range(of needle: String) -> Range<Index>? {
    var pattern = needle
    let found: Int?? = utf8.withContiguousStorageIfAvailable { haystack in
      pattern.withUTF8 { pattern -> Int? in
        guard let base = haystack.baseAddress, let needle = pattern.baseAddress, pattern.count <= haystack.count
        else { return nil }
        let lastStart = haystack.count - pattern.count
        var offset = 0
        while offset <= lastStart {
          guard let hit = memchr(base + offset, Int32(needle.pointee), lastStart - offset + 1) else { return nil }
          let candidate = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
          if memcmp(base + candidate, needle, pattern.count) == 0 { return candidate }
          offset = candidate + 1
        }
        return nil
      }
    }
    guard let found else { return scanRange(of: Array(needle.utf8)) }
    guard let offset = found, !needle.isEmpty else { return nil }
    let start = utf8.index(utf8.startIndex, offsetBy: offset)
    return start..<utf8.index(start, offsetBy: needle.utf8.count)
  }

  /// True when `needle` occurs, compared as UTF-8 bytes.
  func utf8Contains(_ needle: String) -> Bool { utf8Range(of: needle) != nil }

  /// True when the text starts with `prefix`, compared as UTF-8 bytes: unlike `hasPrefix`, no
  /// grapheme breaking, which makes it cheap enough for a test on every line of a file.
  func utf8HasPrefix(_ prefix: String) -> Bool {
    utf8.starts(with: prefix.utf8)
  }

  /// The text after `prefix` when the text starts with it (compared as UTF-8 bytes), else nil.
  func utf8DroppingPrefix(_ prefix: String) -> SubSequence? {
    guard utf8HasPrefix(prefix) else { return nil }
    return self[utf8.index(startIndex, offsetBy: prefix.utf8.count)...]
  }

  /// `utf8Range(of:)` for text without contiguous UTF-8 storage, byte by byte.
  private func scanRange(of pattern: [UInt8]) -> Range<Index>? {
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
}

extension UnsafeBufferPointer<UInt8> {
  /// True when `pattern` (not empty) occurs in the bytes, as `utf8Contains` tells of a text.
  /// Searched with `memchr` and `memcmp`, as `utf8Range(of:)` searches contiguous text.
  func containsBytes(_ pattern: [UInt8]) -> Bool {
    guard let base = baseAddress, let first = pattern.first, pattern.count <= count else { return false }
    let lastStart = count - pattern.count
    var offset = 0
    while offset <= lastStart {
      guard let hit = memchr(base + offset, Int32(first), lastStart - offset + 1) else { return false }
      let candidate = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      let matches = pattern.withUnsafeBufferPointer { needle in
        needle.baseAddress.map { memcmp(base + candidate, $0, needle.count) == 0 } ?? false
      }
      if matches { return true }
      offset = candidate + 1
    }
    return false
  }
}
