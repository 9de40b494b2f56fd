import Foundation

/// A failure to copy spilled findings into a findings file (`FindingSpill.copy(_:to:)`), in words.
struct SpillCopyError: LocalizedError {
  /// What went wrong, e.g. the system's error text.
  let reason: String

  var errorDescription: String? { reason }
}
