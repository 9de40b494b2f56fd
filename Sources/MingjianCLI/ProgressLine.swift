import Foundation
import Report

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A scan's progress on standard error, shown only when it is a terminal (never in a pipe or a
/// log): one line, `mingjian: scanned 120 of 4210 files, 1.3 GB read (12 s)`, rewritten in place
/// at most five times a second and erased when the scan is over, so the summary that follows
/// stands alone. The bytes move while one large file is read in pieces.
final class ProgressLine: @unchecked Sendable {
  private let lock = NSLock()
  private let started = DispatchTime.now().uptimeNanoseconds
  private var lastShown: UInt64 = 0
  private var showing = false

  /// A progress line when standard error is a terminal; nil otherwise.
  static func onTerminal() -> ProgressLine? {
    isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
  }

  /// What a scan tells this line.
  var progress: ScanProgress {
    ScanProgress { [self] status in show(status) }
  }

  private func show(_ status: ScanProgress.Status) {
    let now = DispatchTime.now().uptimeNanoseconds
    lock.lock()
    defer { lock.unlock() }
    guard status.filesDone == status.files || now - lastShown >= 200_000_000 else { return }
    lastShown = now
    showing = true
    let seconds = (now - started) / 1_000_000_000
    write(
      "\r\u{1B}[Kmingjian: scanned \(status.filesDone) of \(status.files) files, "
        + "\(Self.size(status.bytesRead)) read (\(seconds) s)")
  }

  /// `bytes` in MB below a gigabyte, else in GB with one decimal.
  private static func size(_ bytes: Int) -> String {
    bytes < 1 << 30 ? "\(bytes >> 20) MB" : String(format: "%.1f GB", Double(bytes) / Double(1 << 30))
  }

  /// Erases the line, if it was shown.
  func erase() {
    lock.lock()
    defer { lock.unlock() }
    if showing { write("\r\u{1B}[K") }
    showing = false
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
