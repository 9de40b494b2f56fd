import Crypto
import Foundation
import Ingest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One stage of the per-byte floor of a scan (see `FloorCommand`); each does the work of the
/// stages before it and its own.
enum FloorStage: CaseIterable {
  case read, hash, validate, automaton, records

  /// A file to read and its size in bytes.
  struct File: Sendable {
    let url: URL
    let size: Int
  }

  /// How the stage is named in the table.
  var title: String {
    switch self {
    case .read: "read every byte"
    case .hash: "+ SHA-256"
    case .validate: "+ UTF-8 validation (as a String)"
    case .automaton: "+ lexicon automaton (the sieve's)"
    case .records: "+ records split, sieve per message"
    }
  }

  /// The regular files below `folder`, by path.
  static func files(below folder: URL) throws -> [File] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey])
    else { return [] }
    var files: [File] = []
    for case let url as URL in walker {
      let values = try url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
      if values.isRegularFile == true { files.append(File(url: url, size: values.fileSize ?? 0)) }
    }
    return files.sorted { $0.url.path < $1.url.path }
  }

  /// Does the stage's work on `file` as a scan does it (the bytes read straight into a buffer,
  /// hashed there; for validation, read into a String's storage, which validates them); returns a
  /// number that depends on all of it, or -1 when the file cannot be read or is not UTF-8.
  func run(on file: File, sieve: UnitSieve) -> Int {
    guard self != .read, self != .hash else {
      let bytes = try? [UInt8](unsafeUninitializedCapacity: file.size) { buffer, count in
        count = try Self.read(file, into: buffer)
      }
      guard let bytes else { return -1 }
      guard self == .hash else { return bytes.count }
      return bytes.count &+ Int(SHA256.hash(data: bytes).withUnsafeBytes { $0.first ?? 0 })
    }
    var digestByte: UInt8 = 0
    let text = try? String(unsafeUninitializedCapacity: file.size) { buffer in
      let count = try Self.read(file, into: buffer)
      digestByte = SHA256.hash(data: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<count]))
        .withUnsafeBytes { $0.first ?? 0 }
      return count
    }
    guard var text, text.utf8.count == file.size else { return -1 }
    let check = text.utf8.count &+ Int(digestByte)
    guard self != .validate else { return check }
    let passes = sieve.test()
    guard self == .records else { return text.withUTF8 { passes($0) } ? check &+ 1 : check }
    return check &+ text.withUTF8 { Self.passingRecords($0, passes: passes) }
  }

  /// How many records of a MemoTrace-shaped chat pass the sieve, found in one pass over the
  /// bytes as a parser fused with the sieve would find them: lines split at line feeds, a record
  /// opening at a line after a blank line that starts with a `YYYY-MM-DD HH:MM:SS ` stamp, and
  /// each record's body handed to the sieve as soon as the record closes. The least a parse
  /// that splits every message must do, whatever it builds afterwards.
  private static func passingRecords(_ bytes: UnsafeBufferPointer<UInt8>, passes: (UnsafeBufferPointer<UInt8>) -> Bool)
    -> Int
  {
    guard let base = bytes.baseAddress else { return 0 }
    var passing = 0
    var lineStart = 0
    var bodyStart = -1
    var bodyEnd = -1
    var previousBlank = true
    func close() {
      if bodyStart >= 0, bodyEnd > bodyStart, passes(UnsafeBufferPointer(rebasing: bytes[bodyStart..<bodyEnd])) {
        passing += 1
      }
      bodyStart = -1
    }
    while lineStart < bytes.count {
      let found = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
      let lineEnd = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
      let length = lineEnd - lineStart
      if length == 0 {
        previousBlank = true
      } else {
        if previousBlank, length > 20, isStamp(base + lineStart) {
          close()
          bodyStart = lineEnd + 1
          bodyEnd = bodyStart
        } else if bodyStart >= 0 {
          bodyEnd = lineEnd
        }
        previousBlank = false
      }
      lineStart = lineEnd + 1
    }
    close()
    return passing
  }

  /// Whether `line` opens with `YYYY-MM-DD HH:MM:SS ` (ASCII digits).
  private static func isStamp(_ line: UnsafePointer<UInt8>) -> Bool {
    for offset in 0..<20 {
      let byte = line[offset]
      switch offset {
      case 4, 7: guard byte == 0x2D else { return false }
      case 10, 19: guard byte == 0x20 else { return false }
      case 13, 16: guard byte == 0x3A else { return false }
      default: guard byte >= 0x30, byte <= 0x39 else { return false }
      }
    }
    return true
  }

  /// Why a file could not be read.
  struct Unreadable: Error {}

  /// Reads `file` into `buffer` with read(2), as the scan reads; returns the bytes read.
  private static func read(_ file: File, into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
    let descriptor = open(file.url.path, O_RDONLY)
    guard descriptor >= 0, let base = buffer.baseAddress else { throw Unreadable() }
    defer { close(descriptor) }
    var count = 0
    while count < buffer.count {
      let got = Foundation.read(descriptor, base + count, buffer.count - count)
      guard got > 0 else { break }
      count += got
    }
    return count
  }
}
