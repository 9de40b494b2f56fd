#if canImport(Glibc)
  import Glibc
#endif

/// Hands memory freed by a large file's read back to the system.
///
/// A scan keeps freed heap memory for the next file's buffers (`ScanPipeline` sets glibc's trim
/// threshold out of reach, which saves most page faults). After a large export, read whole or in
/// pieces, that kept memory is as large as the export's parse, and it lies in the arenas of the
/// threads that parsed and scanned it, where another worker's next large file cannot reuse it.
/// Returning it once such a file is done keeps large exports read one after the other from
/// adding up.
enum FreedMemory {
  /// Files from this size on are followed by a trim.
  static let trimAfterBytes = 32 << 20

  /// Returns freed heap memory of every arena to the system (glibc's `malloc_trim`); no effect
  /// outside glibc.
  static func release() {
    #if canImport(Glibc)
      // malloc_trim is in <malloc.h>, which the Glibc module does not export; it is looked up.
      typealias MallocTrim = @convention(c) (Int) -> Int32
      guard let symbol = dlsym(nil, "malloc_trim") else { return }
      _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    #endif
  }
}
