import Foundation
import Testing

@testable import Ingest
import TestSupport

/// A GB18030 file large enough to be decoded again from the file (`RereadDecoding`) with a few
/// bytes that are not GB18030 is read as a small one is: the same repaired text and the same
/// damage whatever the blocks it is read in, and, read in pieces, the units, warning and status
/// of a whole read of its bytes. The size from which a file is decoded again is lowered here, so
/// that small synthetic chats take the path a file of 16 MiB takes.
@Suite struct LargeDamagedGB18030Tests {
  /// `text` in GB18030.
  static func gb(_ text: String) throws -> [UInt8] { try #require(DecodingInPlaceTests.gb18030(text)) }

  /// A MemoTrace TXT export in GB18030 of `count` messages (header, body, blank line; lines end
  /// in `lineBreak`), whose bodies hold a four-byte character (😀) and whose message `n` has
  /// `damage[n]` spliced in before `OK`; the last message is the inculpatory one.
  static func chat(count: Int, damage: [Int: [UInt8]], lineBreak: String = "\n") throws -> [UInt8] {
    var bytes: [UInt8] = []
    for index in 1...count {
      let speaker = index % 2 == 0 ? "老周" : "小李"
      bytes += try gb("2023-05-01 21:\(String(format: "%02d", index % 60)):12 \(speaker)\(lineBreak)")
      if index == count {
        bytes += try gb("银行卡收购，一张八百，跑分结算\(lineBreak)\(lineBreak)")
      } else {
        bytes += try gb("第\(index)条😀，") + (damage[index] ?? []) + gb(" OK 收到\(lineBreak)\(lineBreak)")
      }
    }
    return bytes
  }

  /// Damaged chats: a byte no character holds in the first message, or as the first byte; a
  /// two-byte character and a four-byte one cut short (each read across a block boundary by some
  /// of the block sizes tried); damage in the last bytes (a four-byte character cut by the end of
  /// the file); several damaged spots; CRLF line breaks, whose CR and LF some blocks cut apart;
  /// and GB18030's byte-order mark, dropped from the text.
  static func damagedChats() throws -> [(name: String, bytes: [UInt8])] {
    let several: [Int: [UInt8]] = [1: [0xFF], 23: [0xD6], 40: [0x81, 0x30, 0x81], 61: [0x80, 0x80]]
    return [
      ("first message", try chat(count: 80, damage: [1: [0xFF]])),
      ("first byte", [0xFF] + (try chat(count: 80, damage: [:]))),
      ("cut two-byte character", try chat(count: 80, damage: [40: [0xD6]])),
      ("cut four-byte character", try chat(count: 80, damage: [40: [0x81, 0x30, 0x81]])),
      ("last bytes", try chat(count: 80, damage: [:]) + [0x81, 0x30]),
      ("several spots", try chat(count: 80, damage: several) + [0xD6]),
      ("CRLF", try chat(count: 80, damage: [2: [0x81], 50: [0xFF, 0x81, 0x30]], lineBreak: "\r\n")),
      ("byte-order mark", [0x84, 0x31, 0x95, 0x33] + (try chat(count: 80, damage: [3: [0xFF]]))),
    ]
  }

  /// Block sizes that cut every sequence of a chat at every place (one byte) or carry parts of one
  /// into the next block in other ways, and a few larger ones.
  static let blockSizes = [1, 2, 3, 5, 7, 64, 1_000, RereadDecoding.blockBytes]

  /// Writes `bytes` to a new file, runs `body` with its path, and removes the file.
  static func withFile<T>(_ bytes: [UInt8], _ body: ([UInt8]) throws -> T) throws -> T {
    let temporary = try TemporaryFolder("gbrepair")
    defer { temporary.remove() }
    let url = temporary.url.appendingPathComponent("chat.txt")
    try Data(bytes).write(to: url)
    return try body(Array(url.path.utf8))
  }

  /// Decodes the file at `path` (holding `bytes`) again as GB18030, `blockBytes` at a time;
  /// `opensAgain` says whether a third reading can open it.
  static func reread(
    _ bytes: [UInt8], at path: [UInt8], blockBytes: Int, opensAgain: Bool = true
  ) throws -> Result<DecodedText, RereadDecoding.Failure> {
    let file = try #require(SequentialFile(path: path, io: .system))
    return RereadDecoding.decode(
      file, size: bytes.count, plan: .gb18030, sha256: EvidenceReader.sha256Hex(bytes), blockBytes: blockBytes
    ) { opensAgain ? SequentialFile(path: path, io: .system) : nil }
  }

  @Test func blockByBlockRepairGivesTheRepairOfTheWholeBytes() throws {
    for (name, bytes) in try Self.damagedChats() {
      let whole = TextDecoding.decode(bytes)
      guard case .damaged(_, .gb18030, let damage) = whole else {
        Issue.record("\(name): expected damaged GB18030, got \(whole)")
        continue
      }
      #expect(damage.invalidSequences >= 1, "\(name)")
      try Self.withFile(bytes) { path in
        for blockBytes in Self.blockSizes {
          let reread = try Self.reread(bytes, at: path, blockBytes: blockBytes)
          #expect(reread == .success(whole), "\(name), blocks of \(blockBytes)")
        }
      }
    }
  }

  /// The damage found block by block is where it is: line, count and bytes.
  @Test func theDamageIsNamedWhereItIs() throws {
    let bytes = try Self.chat(count: 80, damage: [40: [0x81, 0x30]], lineBreak: "\r\n") + [0xD6]
    let decoded = try Self.withFile(bytes) { try Self.reread(bytes, at: $0, blockBytes: 7) }
    guard case .success(.damaged(let text, .gb18030, let damage)) = decoded else {
      Issue.record("expected damaged GB18030, got \(decoded)")
      return
    }
    let lines = SourceLines(text)
    #expect(lines[3 * 39 + 1] == "第40条😀，\u{FFFD}0 OK 收到")
    #expect(damage.lines == [3 * 39 + 2, lines.count])
    #expect(damage.invalidSequences == 2 && damage.invalidBytes == 2)
    let warning = damage.diagnostic(path: "张三.txt")
    #expect(warning.code == "invalid-gb18030" && warning.line == 3 * 39 + 2)
    #expect(
      warning.message
        == "bytes that are not GB18030 on lines \(3 * 39 + 2) and \(lines.count) were replaced by U+FFFD (2 invalid sequences, 2 bytes)"
    )
  }

  /// An undamaged chat, UTF-8 whose Chinese GB18030 would read with a few invalid sequences, and
  /// too much damage give what the bytes held whole give: the text, undecodable, undecodable.
  @Test func whatIsNotFewDamageIsReadAsBefore() throws {
    var utf8: [UInt8] = []
    for index in 0..<100 {
      utf8 += Array("2023-05-01 21:40:\(String(format: "%02d", index % 60)) 小李\n第\(index)条，".utf8)
      utf8 += [0xE8, 0x80] + Array("明天".utf8) + [0xE5] + Array("到了".utf8) + [0xE4, 0xBD] + Array("\n\n".utf8)
    }
    var dense: [UInt8] = []
    for index in 0..<50 { dense += try Self.gb("第\(index)条") + [0xFF] + Self.gb("好\n") }
    let clean = try Self.chat(count: 80, damage: [:])
    let cases: [(String, [UInt8], DecodedText)] = [
      ("undamaged", clean, .text(try #require(GB18030.decode(clean)), .gb18030)),
      ("UTF-8", utf8, .undecodable), ("dense damage", dense, .undecodable),
    ]
    for (name, bytes, expected) in cases {
      #expect(TextDecoding.decode(bytes) == expected, "\(name)")
      try Self.withFile(bytes) { path in
        for blockBytes in [1, 5, 4_096] {
          let reread = try Self.reread(bytes, at: path, blockBytes: blockBytes)
          #expect(reread == .success(expected), "\(name), blocks of \(blockBytes)")
        }
      }
    }
  }

  /// Whether damaged GB18030 may be UTF-8 is told by a third reading of the file, which must
  /// open; an undamaged file is read twice only.
  @Test func onlyDamagedTextIsReadAThirdTime() throws {
    let damaged = try Self.chat(count: 80, damage: [40: [0xD6]])
    let third = try Self.withFile(damaged) { try Self.reread(damaged, at: $0, blockBytes: 4_096, opensAgain: false) }
    #expect(third == .failure(.unreadable("it could not be opened again")))
    let clean = try Self.chat(count: 80, damage: [:])
    let twice = try Self.withFile(clean) { try Self.reread(clean, at: $0, blockBytes: 4_096, opensAgain: false) }
    #expect(twice == .success(TextDecoding.decode(clean)))
  }

  /// The UTF-8 sequences counted block by block (for the third reading) are those counted in the
  /// bytes held whole, wherever the blocks cut them; the characters of a repaired text are counted
  /// as its scalars.
  @Test func countsDoNotDependOnBlocks() throws {
    var random = SplitMix(seed: 0x4742_5250)
    let alphabet = Array("银行卡OK\n é😀\u{FFFD}𠀀，").map { Array(String($0).utf8) } + [[0x80], [0xFF], [0xE4, 0xBD], [0xF0, 0x9F]]
    for round in 0..<200 {
      let bytes = (0..<Int.random(in: 0...120, using: &random)).flatMap { _ in alphabet.randomElement(using: &random)! }
      let whole = try #require(UTF8Damage.measure(bytes[...]))
      let blockBytes = Int.random(in: 1...9, using: &random)
      var offset = 0
      let counted = UTF8Damage.countSequences {
        guard offset < bytes.count else { return nil }
        defer { offset += blockBytes }
        return Array(bytes[offset..<min(offset + blockBytes, bytes.count)])
      }
      #expect(counted.multibyteCharacters == whole.multibyteCharacters, "round \(round)")
      #expect(counted.invalidSequences == whole.invalidSequences, "round \(round)")
      let text = String(decoding: bytes, as: UTF8.self)
      var damage = UTF8Damage(encoding: .gb18030)
      GB18030.countText(text, into: &damage)
      #expect(damage.scalars == text.unicodeScalars.count, "round \(round)")
      #expect(damage.multibyteCharacters == text.unicodeScalars.filter { $0.value >= 0x80 }.count, "round \(round)")
    }
  }

  /// A large damaged file is sniffed as GB18030, not as binary data, and its bytes decoded as
  /// GB18030 without reading the file again (a read of bytes in memory) give the repair too.
  @Test func largeDamagedBytesAreSniffedAsGB18030AndRepaired() throws {
    for (name, bytes) in try Self.damagedChats() {
      let sniffed = TextDecoding.sniff(bytes, rereadFrom: bytes.count)
      guard case .gb18030 = sniffed else {
        Issue.record("\(name): sniffed \(sniffed)")
        continue
      }
      #expect(TextDecoding.decode(bytes, as: sniffed) == TextDecoding.decode(bytes), "\(name)")
    }
  }

  /// Reads `bytes` as the file `name` decoded again from the file and parsed in tiny pieces: the
  /// units handed over and left, how many pieces, and the manifest document.
  static func readInPieces(_ bytes: [UInt8], name: String) throws -> (
    units: [TextUnit], pieces: Int, document: EvidenceDocument
  ) {
    let policy = StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 1_000, maxPieceBytes: 64 * 1_024)
    return try withFile(bytes) { path in
      var units: [TextUnit] = []
      var pieces = 0
      let document = EvidenceReader.read(
        bytes: bytes, path: name, options: IngestOptions(), sieve: nil, streaming: policy,
        reread: { SequentialFile(path: path, io: .system) }, rereadFrom: 1_000
      ) { piece in
        units += piece.units
        pieces += 1
      }
      return (units + document.units, pieces, document)
    }
  }

  /// Read in pieces from the file, a damaged chat gives the units, warning, status and reason of
  /// a whole read of its bytes, and the units of its repaired text read as UTF-8: the same
  /// findings.
  @Test func aDamagedChatReadInPiecesIsReadAsWhole() throws {
    let chats: [(String, [UInt8])] = [
      ("张三.txt", try Self.chat(count: 300, damage: [1: [0xFF], 150: [0xD6], 299: [0x81, 0x30]])),
      ("全部消息记录.txt", try Self.gb(QQTXTPiecesTests.exportAll(recentFirst: false, lineBreak: "\r\n")) + [0x81]),
    ]
    for (name, bytes) in chats {
      let whole = EvidenceReader.read(data: Data(bytes), path: name)
      guard case .damaged(let repaired, _, _) = TextDecoding.decode(bytes) else {
        Issue.record("\(name): expected damaged GB18030")
        continue
      }
      let read = try Self.readInPieces(bytes, name: name)
      #expect(read.pieces > 3, "\(name)")
      #expect(read.document.diagnostics.contains { $0.code == "streamed" }, "\(name)")
      #expect(read.document.diagnostics.filter { $0.code != "streamed" } == whole.diagnostics, "\(name)")
      #expect(read.document.diagnostics.first?.code == "invalid-gb18030", "\(name)")
      #expect(read.document.status == .partial && whole.status == .partial, "\(name)")
      #expect(read.document.reason == whole.reason, "\(name)")
      #expect(read.document.encoding == "gb18030" && read.document.format == whole.format, "\(name)")
      #expect(read.document.sha256 == whole.sha256 && read.document.bytes == bytes.count, "\(name)")
      #expect(read.document.unitCount == whole.unitCount, "\(name)")
      #expect(read.units == whole.units, "\(name)")
      #expect(read.units == EvidenceReader.read(data: Data(repaired.utf8), path: name).units, "\(name)")
    }
  }

  /// An undamaged chat read in pieces from the file has no warning and is parsed.
  @Test func anUndamagedChatReadInPiecesIsUnchanged() throws {
    let bytes = try Self.chat(count: 300, damage: [:])
    let whole = EvidenceReader.read(data: Data(bytes), path: "张三.txt")
    let read = try Self.readInPieces(bytes, name: "张三.txt")
    #expect(whole.status == .parsed && read.document.status == .parsed)
    #expect(read.pieces > 3)
    #expect(read.units == whole.units)
    #expect(read.document.diagnostics.map(\.code) == ["streamed"])
  }
}
