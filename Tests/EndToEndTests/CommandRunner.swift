import Foundation

/// Runs the built `mingjian` executable and captures what it printed.
struct CommandRunner {
  /// What one run produced.
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `mingjian` with `arguments` in `folder` (by default the package root).
  static func run(_ arguments: [String], in folder: URL = RepositoryPaths.root) throws -> Outcome {
    let process = Process()
    process.executableURL = RepositoryPaths.executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}
