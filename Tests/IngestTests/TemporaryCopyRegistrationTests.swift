import Foundation
import Testing

@testable import Ingest
import TestSupport

/// The readers that make temporary copies register each in `TemporaryFiles` while it has a name
/// and drop it when it is removed: a read that ends normally leaves the registry empty, and a
/// registry emptied by an interruption lets no copy be made afterwards.
@Suite struct TemporaryCopyRegistrationTests {
  /// The names in `folder`.
  static func names(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
  }

  /// Makes a GB18030 copy of `bytes` in `folder` with `registry`, telling `onHead` the registered
  /// paths when the copy's start is judged.
  static func copy(
    _ bytes: [UInt8], in folder: URL, registry: TemporaryFiles, accepts: Bool = true,
    onHead: @escaping ([String]) -> Void = { _ in }
  ) throws -> TranscodedCopy.Outcome {
    let head = TranscodedCopy.Head(bytes: 1_000) { _ in
      onHead(registry.paths)
      return accepts
    }
    return try LargeDamagedGB18030Tests.withFile(bytes) { path in
      TranscodedCopy.make(plan: .gb18030, in: folder, head: head, blockBytes: 4_096, registry: registry) {
        SequentialFile(path: path, io: .system)
      }
    }
  }

  @Test func aDecodedCopyIsRegisteredFromItsMakingToItsRemoval() throws {
    let copies = try TemporaryFolder("copies")
    defer { copies.remove() }
    let registry = TemporaryFiles()
    var whileWritten: [String] = []
    let made = try Self.copy(
      try LargeDamagedGB18030Tests.chat(count: 300, damage: [:]), in: copies.url, registry: registry
    ) { whileWritten = $0 }
    guard case .copied(let copy) = made else {
      Issue.record("no copy was made")
      return
    }
    #expect(whileWritten == [copy.path])
    #expect(URL(fileURLWithPath: copy.path).lastPathComponent.hasPrefix("mingjian-decoded-"))
    #expect(registry.paths == [copy.path])
    copy.remove()
    #expect(registry.paths.isEmpty)
    #expect(try Self.names(copies.url).isEmpty)
  }

  @Test func aCopyGivenUpIsRemovedAndDropped() throws {
    let copies = try TemporaryFolder("copies")
    defer { copies.remove() }
    let registry = TemporaryFiles()
    var whileWritten: [String] = []
    let made = try Self.copy(
      try LargeDamagedGB18030Tests.chat(count: 300, damage: [:]), in: copies.url, registry: registry, accepts: false
    ) { whileWritten = $0 }
    guard case .none(reason: nil) = made else {
      Issue.record("a copy whose start was refused was kept")
      return
    }
    #expect(whileWritten.count == 1)
    #expect(registry.paths.isEmpty)
    #expect(try Self.names(copies.url).isEmpty)
  }

  @Test func noCopyIsMadeOnceTheRegistryWasEmptiedByAnInterruption() throws {
    let copies = try TemporaryFolder("copies")
    defer { copies.remove() }
    let registry = TemporaryFiles()
    registry.removeAll()
    let made = try Self.copy(try LargeDamagedGB18030Tests.chat(count: 300, damage: [:]), in: copies.url, registry: registry)
    guard case .none(reason: let reason?) = made else {
      Issue.record("a copy was made after the registry was emptied")
      return
    }
    #expect(reason.hasPrefix("its UTF-8 copy could not be made in"))
    #expect(try Self.names(copies.url).isEmpty)
  }

  @Test func aFolderReadThroughACopyLeavesTheRegistryEmpty() throws {
    let evidence = try TemporaryFolder("copypath")
    defer { evidence.remove() }
    let copies = try TemporaryFolder("copies")
    defer { copies.remove() }
    try Data(try LargeDamagedGB18030Tests.chat(count: 300, damage: [:]))
      .write(to: evidence.url.appendingPathComponent("张三.txt"))
    var folder = try EvidenceFolder(root: evidence.url, options: IngestOptions())
    let registry = TemporaryFiles()
    folder.temporaryFiles = registry
    folder.decodedCopyFolder = copies.url
    folder.decodedCopyFromBytes = 1_000
    let entry = try #require(folder.entries().first)
    var registeredWhileRead: Set<Int> = []
    let document = folder.read(entry, streaming: DecodedCopyTests.policy) { _ in
      registeredWhileRead.insert(registry.paths.count)
    }
    #expect(document.encoding == "gb18030")
    #expect(registeredWhileRead == [1])
    #expect(registry.paths.isEmpty)
    #expect(try Self.names(copies.url).isEmpty)
  }

  @Test(.enabled(if: PDFTests.installed, "pdftotext (poppler-utils) is not installed"))
  func aPDFIsReadWithItsCopyRegisteredNowhere() throws {
    let copies = try TemporaryFolder("pdfcopies")
    defer { copies.remove() }
    let registry = TemporaryFiles()
    var document = EvidenceDocument(path: "agreement.pdf", sha256: "", bytes: 0, format: .unknown, status: .error)
    PDFTextReader.read(
      Array(try Fixture.data("pdf/agreement.pdf")), into: &document, copyFolder: copies.url, registry: registry)
    #expect(document.units.map(\.text) == ["Service Agreement", "Party A pays 30000 yuan", "Page two line"])
    #expect(registry.paths.isEmpty)
    #expect(try Self.names(copies.url).isEmpty)
  }

  /// A stand-in for `pdftotext` that prints how many files the copy folder holds while it runs
  /// and how many bytes it read on its standard input.
  @Test func pdftotextReadsTheCopyOnItsInputWhileTheCopyHasNoName() throws {
    let copies = try TemporaryFolder("pdfcopies")
    defer { copies.remove() }
    let tools = try TemporaryFolder("pdftools")
    defer { tools.remove() }
    let standIn = tools.url.appendingPathComponent("pdftotext")
    let script = """
      #!/bin/sh
      echo "named: $(ls -A '\(copies.url.path)' | wc -l | tr -d ' ')"
      echo "bytes: $(wc -c | tr -d ' ')"
      """
    try Data(script.utf8).write(to: standIn)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: standIn.path)
    let registry = TemporaryFiles()
    let bytes = Array("%PDF-1.4 synthetic".utf8)
    var document = EvidenceDocument(path: "a.pdf", sha256: "", bytes: bytes.count, format: .unknown, status: .error)
    PDFTextReader.read(bytes, into: &document, executable: standIn, copyFolder: copies.url, registry: registry)
    #expect(document.units.map(\.text) == ["named: 0", "bytes: \(bytes.count)"])
    #expect(registry.paths.isEmpty)
    #expect(try Self.names(copies.url).isEmpty)
  }
}
