import Foundation
import Testing

@testable import Ingest

/// Access to the files in `Fixtures/`.
enum Fixture {
  /// The fixtures folder inside the test bundle.
  static var root: URL {
    get throws {
      try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    }
  }

  /// The bytes of `Fixtures/<path>`.
  static func data(_ path: String) throws -> Data {
    try Data(contentsOf: root.appendingPathComponent(path))
  }

  /// `Fixtures/<path>` read as evidence at that relative path.
  static func document(_ path: String, options: IngestOptions = IngestOptions()) throws -> EvidenceDocument {
    EvidenceReader.read(data: try data(path), path: path, options: options)
  }
}

extension EvidenceDocument {
  /// The unit starting at `line`, if any.
  func unit(at line: Int) -> TextUnit? { units.first { $0.line == line } }
}
