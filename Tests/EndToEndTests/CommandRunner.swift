import Foundation

/// Runs the built `mingjian` executable and captures what it printed.
struct CommandRunner {
  /// What one run produced.
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// A run that has been started and not yet waited for, so that a test can signal it.
  struct Started {
    let process: Process
    let out: Pipe
    let err: Pipe

    /// Waits for the run to end and returns what it printed.
    func finish() -> Outcome {
      let stdout = out.fileHandleForReading.readDataToEndOfFile()
      let stderr = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return Outcome(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
    }
  }

  /// Runs `mingjian` with `arguments` in `folder` (by default the package root).
  static func run(_ arguments: [String], in folder: URL = RepositoryPaths.root) throws -> Outcome {
    try start(arguments, in: folder).finish()
  }

  /// Starts `mingjian` with `arguments` in `folder`, with `environment` added to this process's.
  static func start(
    _ arguments: [String], in folder: URL = RepositoryPaths.root, environment: [String: String] = [:]
  ) throws -> Started {
    let process = Process()
    process.executableURL = RepositoryPaths.executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let started = Started(process: process, out: Pipe(), err: Pipe())
    process.standardOutput = started.out
    process.standardError = started.err
    try process.run()
    return started
  }
}
