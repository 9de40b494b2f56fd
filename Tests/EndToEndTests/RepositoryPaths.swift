import Foundation

/// Locations of the checked-in corpus, lexicons and built `mingjian` executable.
enum RepositoryPaths {
  /// The package root, found from this source file's path.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The shipped lexicon folder.
  static let lexicons = root.appendingPathComponent("lexicons")

  /// The demo evidence folder.
  static let demo = root.appendingPathComponent("corpus/demo")

  /// The demo's gold annotations.
  static let demoGold = root.appendingPathComponent("corpus/demo.gold.tsv")

  /// The `mingjian` executable built beside this test bundle.
  static var executable: URL {
    let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    while directory.path != "/" {
      let candidate = directory.appendingPathComponent("mingjian")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return root.appendingPathComponent(".build/debug/mingjian")
  }
}
