import Foundation
import Ingest
import Testing

@testable import Report
import TestSupport

/// The spill's folder is in `TemporaryFiles` only while its file still has a name: a spill made
/// normally leaves the registry and its parent empty, and none is made once an interruption has
/// emptied the registry.
@Suite struct SpillRegistrationTests {
  @Test func aMadeSpillLeavesNothingRegisteredOrNamed() throws {
    let temporary = try TemporaryFolder("spill-parent")
    defer { temporary.remove() }
    let registry = TemporaryFiles()
    let spill = try FindingSpill(
      parent: temporary.url, evidenceFolder: temporary.url.appendingPathComponent("evidence"), registry: registry)
    let segment = spill.append(Data("block".utf8))
    #expect(spill.read(segment) == Data("block".utf8))
    #expect(registry.paths.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).isEmpty)
  }

  @Test func noSpillIsMadeOnceTheRegistryWasEmptiedByAnInterruption() throws {
    let temporary = try TemporaryFolder("spill-parent")
    defer { temporary.remove() }
    let registry = TemporaryFiles()
    registry.removeAll()
    #expect(throws: ScanError.self) {
      try FindingSpill(
        parent: temporary.url, evidenceFolder: temporary.url.appendingPathComponent("evidence"), registry: registry)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).isEmpty)
  }
}
