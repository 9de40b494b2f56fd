import Crypto
import Foundation
import ZIPFoundation

/// ZIP archives read in place: each file inside a plain ZIP (not a DOCX/XLSX) becomes an entry
/// `archive.zip!/inner/path`, read from the archive without unpacking it to disk. Members that
/// are themselves archives are reported, not opened (one level).
enum ArchiveMembers {
  /// The member entries of the ZIP file at `archive`, or none when it is not a plain ZIP.
  static func entries(archive path: [UInt8], relativePath: String) -> [EvidenceEntry] {
    guard startsWithZipMagic(path), let archive = open(path),
      archive["[Content_Types].xml"] == nil
    else { return [] }
    var entries: [EvidenceEntry] = []
    var seen: [String: Int] = [:]
    for entry in archive {
      let member = entry.path
      seen[member, default: 0] += 1
      if let count = seen[member], count > 1 {
        entries.append(
          EvidenceEntry(
            relativePath: "\(relativePath)!/\(member) (\(count))", problem: .duplicateArchiveMember, systemPath: path,
            archiveMember: member))
        continue
      }
      switch entry.type {
      case .file:
        entries.append(
          EvidenceEntry(relativePath: "\(relativePath)!/\(member)", problem: nil, systemPath: path, archiveMember: member))
      case .symlink:
        entries.append(
          EvidenceEntry(
            relativePath: "\(relativePath)!/\(member)", problem: .linkInArchive, systemPath: path, archiveMember: member))
      case .directory:
        continue
      }
    }
    return entries.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
  }

  /// Reads one member; never throws.
  static func read(_ entry: EvidenceEntry, member: String, options: IngestOptions) -> EvidenceDocument {
    let path = entry.relativePath
    func failure(_ reason: String) -> EvidenceDocument {
      EvidenceDocument(path: path, sha256: "", bytes: 0, format: .unknown, status: .error, reason: reason)
    }
    guard let archive = open(entry.systemPath) else {
      return failure("\(path): the archive can no longer be opened")
    }
    guard let item = archive[member] else { return failure("\(path): the member is no longer in the archive") }
    do {
      if item.uncompressedSize > UInt64(options.maxParseBytes) {
        var hasher = SHA256()
        var size = 0
        _ = try archive.extract(item) { chunk in
          hasher.update(data: chunk)
          size += chunk.count
        }
        let hex = hasher.finalize().lowercaseHex
        return EvidenceDocument(
          path: path, sha256: hex, bytes: size, format: .unknown, status: .unsupported,
          reason: "archive member is \(size) bytes, above the \(options.maxParseBytes)-byte limit for parsing; hashed but not read")
      }
      var data = Data()
      _ = try archive.extract(item) { chunk in data.append(chunk) }
      return EvidenceReader.read(data: data, path: path, options: options)
    } catch {
      return failure("\(path): the member cannot be decompressed (\(error))")
    }
  }

  /// The archive at `path` opened read-only, or nil when it is not a readable ZIP.
  private static func open(_ path: [UInt8]) -> Archive? {
    do {
      return try Archive(url: URL(fileURLWithPath: String(decoding: path, as: UTF8.self)), accessMode: .read, pathEncoding: nil)
    } catch {
      return nil
    }
  }

  /// True when the file starts with a ZIP local-file header.
  private static func startsWithZipMagic(_ path: [UInt8]) -> Bool {
    FileBytes.readPrefix(path, count: 4) == [0x50, 0x4B, 0x03, 0x04]
  }
}
