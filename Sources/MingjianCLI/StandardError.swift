import Foundation

/// Writes a line to standard error, for messages that must not mix with a command's output.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
