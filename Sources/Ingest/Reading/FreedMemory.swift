#if canImport(Glibc)
  import Glibc
#endif

/// How a scan's freed heap memory is kept for the next file and handed back after a large one
/// (glibc's allocator; no effect elsewhere).
///
/// A scan reads file after file, each with buffers of a few megabytes (bytes, decoded text, line,
/// record and unit arrays), and memory is bounded by what one file or piece needs at a time.
/// glibc by default serves such buffers by mmap and returns them when freed, or trims the heap
/// top, so every file faults fresh zeroed pages in again (on the 100 MB benchmark 183,000 page
/// faults, a sixth of the CPU time). `keepForReuse` makes buffers up to 32 MiB come from the heap
/// and keeps freed heap memory: 30,000 faults, about 13 % less CPU, peak memory about 10 MB higher.
/// After a large export, read whole or in pieces, that kept memory is as large as the export's
/// parse and lies in the arenas of the threads that parsed and scanned it, where another worker's
/// next large file cannot reuse it: `release` hands it back once such a file is done, so large
/// exports read one after the other do not add up.
public enum FreedMemory {
  /// Files from this size on are followed by `release`.
  static let trimAfterBytes = 32 << 20

  /// Serves buffers up to 32 MiB from the heap and keeps freed heap memory (larger buffers, a
  /// whole large page, are still mapped and returned). Process-wide.
  public static func keepForReuse() {
    #if canImport(Glibc)
      // mallopt is in <malloc.h>, which the Glibc module does not export; it is looked up
      // instead. There -3 is M_MMAP_THRESHOLD and -1 M_TRIM_THRESHOLD.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(nil, "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      _ = mallopt(-3, 32 << 20)
      _ = mallopt(-1, Int32.max)
    #endif
  }

  /// Returns freed heap memory of every arena to the system (glibc's `malloc_trim`).
  static func release() {
    #if canImport(Glibc)
      // malloc_trim is in <malloc.h> too.
      typealias MallocTrim = @convention(c) (Int) -> Int32
      guard let symbol = dlsym(nil, "malloc_trim") else { return }
      _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    #endif
  }
}
