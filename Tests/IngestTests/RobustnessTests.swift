import Foundation
import Testing

@testable import Ingest

/// Every fixture, whole and cut short at several points, reads without a crash into a document
/// whose units point at lines that exist.
@Suite struct RobustnessTests {
  /// Formats whose `line` is not a physical line of the file.
  static let nonTextLocations: Set<DocumentFormat> = [.docx, .xlsx, .pdf]

  static func fixturePaths() throws -> [String] {
    let root = try Fixture.root
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    var paths: [String] = []
    while let url = enumerator?.nextObject() as? URL {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        paths.append(String(url.path.dropFirst(root.path.count + 1)))
      }
    }
    return paths.sorted()
  }

  @Test func cutFixturesKeepLocationsValid() throws {
    let paths = try Self.fixturePaths()
    #expect(paths.count >= 40)
    for path in paths {
      let data = try Fixture.data(path)
      for fraction in [1.0, 0.9, 0.5, 0.13] {
        let cut = data.prefix(Int(Double(data.count) * fraction))
        let document = EvidenceReader.read(data: Data(cut), path: path)
        #expect(document.bytes == cut.count)
        #expect(document.unitCount == document.units.count && !document.isExcerpted)
        #expect((document.status == .parsed) == (document.reason == nil), "\(path) \(fraction)")
        for unit in document.units {
          let textLineCount = unit.text.split(separator: "\n", omittingEmptySubsequences: false).count
          if let map = unit.textLines { #expect(map.count == textLineCount, "\(path) \(unit.line)") }
          let last = unit.fileLine(ofTextLine: textLineCount - 1)
          #expect(unit.fileLine(ofTextLine: 0) >= unit.line && last <= unit.endLine, "\(path) \(fraction) \(unit.line)")
        }
        guard !Self.nonTextLocations.contains(document.format), document.encoding != nil else { continue }
        let lineCount = max(1, SourceLines(String(decoding: cut, as: UTF8.self)).count)
        for unit in document.units {
          #expect(unit.line >= 1 && unit.line <= unit.endLine, "\(path) \(fraction) \(unit.line)-\(unit.endLine)")
          #expect(unit.firstBodyLine >= unit.line && unit.firstBodyLine <= unit.endLine, "\(path) \(fraction) \(unit.line)")
          if document.encoding?.hasPrefix("utf-8") == true {
            #expect(unit.endLine <= lineCount, "\(path) \(fraction) \(unit.endLine) > \(lineCount)")
          }
        }
      }
    }
  }

  @Test func randomBytesNeverCrash() {
    var generator = SplitMix(seed: 2026)
    for length in [1, 2, 3, 17, 256, 4096] {
      for _ in 0..<20 {
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let document = EvidenceReader.read(data: Data(bytes), path: "random.bin")
        #expect(document.sha256.count == 64)
        #expect((document.status == .parsed) == (document.reason == nil))
        #expect(document.status != .parsed || document.encoding != nil)
      }
    }
  }
}

/// A small deterministic random generator for reproducible noise.
struct SplitMix: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
