import ArgumentParser

/// The exit codes every subcommand uses: 0 done, 1 tests failed or threshold met, 2 usage or
/// fatal error.
enum ExitStatus {
  /// Tests failed, or a `--fail-on` threshold was met.
  static let failed = ExitCode(1)
  /// A usage error or a fatal error (lexicon failed to load, evidence folder missing).
  static let fatal = ExitCode(2)
}
