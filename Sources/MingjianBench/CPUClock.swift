import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall and CPU time (user + system, all threads) since it was made.
struct CPUClock {
  private let wallStart = DispatchTime.now().uptimeNanoseconds
  private let cpuStart = CPUClock.processCPUSeconds()

  /// Wall seconds and CPU seconds since the clock was made.
  func elapsed() -> (wall: Double, cpu: Double) {
    (Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9, Self.processCPUSeconds() - cpuStart)
  }

  private static func processCPUSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }
}
