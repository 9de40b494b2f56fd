import Dispatch
import Foundation
import Ingest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a scan does when it is interrupted (Ctrl-C sends SIGINT, `kill` SIGTERM): it removes the
/// temporary files it has made and not yet removed (`TemporaryFiles`, decoded copies of evidence
/// among them), says how many on standard error, and ends with the conventional status, 128 plus
/// the signal's number (130 for SIGINT, 143 for SIGTERM).
///
/// The signals are ignored as signals and taken from dispatch sources instead, so that the
/// clean-up runs on an ordinary queue rather than in a signal handler, where removing files and
/// writing a message are not safe.
enum InterruptCleanup {
  /// The signals' sources, kept for the life of the process; set once, by `install`.
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  /// Removes `registry`'s files on SIGINT or SIGTERM, once `before` has run (it erases a
  /// progress line), and ends the process.
  static func install(registry: TemporaryFiles = .shared, before: @escaping @Sendable () -> Void = {}) {
    guard sources.isEmpty else { return }
    let queue = DispatchQueue(label: "mingjian.interrupt")
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler {
        before()
        let removed = registry.removeAll()
        printError("mingjian: interrupted: removed \(removed) temporary file(s)")
        _exit(128 + number)
      }
      source.resume()
      sources.append(source)
    }
  }
}
