import Foundation
import Testing

@testable import Ingest
import TestSupport

/// The registry of a scan's temporary files (`TemporaryFiles`): a file is registered when it is
/// made and dropped when it is removed, and `removeAll`, which an interrupted scan calls, removes
/// what is left and refuses what would be made after it.
@Suite struct TemporaryFilesTests {
  /// Makes an empty file at `path` through `registry`: whether it was made.
  static func makeFile(_ path: String, in registry: TemporaryFiles) -> Bool {
    registry.make(path) { FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) }
  }

  /// The names in `folder`.
  static func names(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func aMadeFileIsRegisteredUntilItIsRemoved() throws {
    let temporary = try TemporaryFolder("registry")
    defer { temporary.remove() }
    let registry = TemporaryFiles()
    let path = temporary.url.appendingPathComponent("mingjian-decoded-a.txt").path
    #expect(Self.makeFile(path, in: registry))
    #expect(registry.paths == [path])
    registry.remove(path)
    #expect(registry.paths.isEmpty)
    #expect(try Self.names(temporary.url).isEmpty)
  }

  @Test func aFileThatWasNotMadeIsNotRegistered() throws {
    struct Refused: Error {}
    let registry = TemporaryFiles()
    #expect(!registry.make("/nowhere/a") { false })
    #expect(throws: Refused.self) { try registry.make("/nowhere/b") { throw Refused() } }
    #expect(registry.paths.isEmpty)
  }

  @Test func aForgottenPathIsDroppedButNotRemoved() throws {
    let temporary = try TemporaryFolder("registry")
    defer { temporary.remove() }
    let registry = TemporaryFiles()
    let path = temporary.url.appendingPathComponent("kept.txt").path
    #expect(Self.makeFile(path, in: registry))
    registry.forget(path)
    #expect(registry.paths.isEmpty)
    #expect(try Self.names(temporary.url) == ["kept.txt"])
  }

  @Test func removeAllRemovesFilesAndFoldersAndRefusesLaterOnes() throws {
    let temporary = try TemporaryFolder("registry")
    defer { temporary.remove() }
    let registry = TemporaryFiles()
    let spill = temporary.url.appendingPathComponent("mingjian-spill-a")
    #expect(
      try registry.make(spill.path) {
        try FileManager.default.createDirectory(at: spill, withIntermediateDirectories: false)
        return FileManager.default.createFile(atPath: spill.appendingPathComponent("findings.spill").path, contents: nil)
      })
    for name in ["mingjian-decoded-a.txt", "mingjian-b.pdf"] {
      #expect(Self.makeFile(temporary.url.appendingPathComponent(name).path, in: registry))
    }
    #expect(registry.paths.count == 3)
    #expect(registry.removeAll() == 3)
    #expect(registry.paths.isEmpty)
    #expect(try Self.names(temporary.url).isEmpty)
    var ran = false
    #expect(!registry.make(temporary.url.appendingPathComponent("later.txt").path) { ran = true; return true })
    #expect(!ran, "a file was made after removeAll")
    #expect(registry.removeAll() == 0)
  }

  @Test func concurrentMakesAreAllRegisteredAndRemoved() throws {
    let temporary = try TemporaryFolder("registry")
    defer { temporary.remove() }
    let registry = TemporaryFiles()
    let folder = temporary.url
    DispatchQueue.concurrentPerform(iterations: 200) { index in
      _ = Self.makeFile(folder.appendingPathComponent("mingjian-decoded-\(index).txt").path, in: registry)
    }
    #expect(registry.paths.count == 200)
    #expect(try Self.names(folder).count == 200)
    DispatchQueue.concurrentPerform(iterations: 100) { index in
      registry.remove(folder.appendingPathComponent("mingjian-decoded-\(index).txt").path)
    }
    #expect(registry.paths.count == 100)
    #expect(registry.removeAll() == 100)
    #expect(try Self.names(folder).isEmpty)
  }
}
