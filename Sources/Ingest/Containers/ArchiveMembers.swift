import Crypto
import Foundation
import ZIPFoundation

/// ZIP archives read in place: each file inside a plain ZIP (not a DOCX/XLSX) becomes an entry
/// `archive.zip!/inner/path`, read from the archive without unpacking it to disk. Members that
/// are themselves archives are reported, not opened (one level).
enum ArchiveMembers {
  /// The member entries of the ZIP file at `archive`, or none when it is not a plain ZIP.
  static func entries(archive path: [UInt8], relativePath: String) -> [EvidenceEntry] {
    guard startsWithZipMagic(path), let container = try? ZipContainer.open(path: path),
      container.archive["[Content_Types].xml"] == nil
    else { return [] }
    var entries: [EvidenceEntry] = []
    var seen: [String: Int] = [:]
    for entry in container.archive {
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
    if container.unlistedCount > 0 {
      entries.append(
        EvidenceEntry(
          relativePath: "\(relativePath)!/(\(container.unlistedCount) unlisted members)",
          problem: .unlistedArchiveMembers(count: container.unlistedCount), systemPath: path))
    }
    return entries.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
  }

  /// Reads one member; never throws.
  static func read(_ entry: EvidenceEntry, member: String, options: IngestOptions) -> EvidenceDocument {
    let path = entry.relativePath
    func failure(_ reason: String) -> EvidenceDocument {
      EvidenceDocument(path: path, sha256: "", bytes: 0, format: .unknown, status: .error, reason: reason)
    }
    guard let container = try? ZipContainer.open(path: entry.systemPath) else {
      return failure("\(path): the archive can no longer be opened")
    }
    guard let item = container[member] else { return failure("\(path): the member is no longer in the archive") }
    do {
      if item.record.uncompressedSize > UInt64(options.maxParseBytes) {
        var hasher = SHA256()
        var size = 0
        try container.extract(item) { chunk in
          hasher.update(data: chunk)
          size += chunk.count
        }
        let hex = hasher.finalize().lowercaseHex
        return EvidenceDocument(
          path: path, sha256: hex, bytes: size, format: .unknown, status: .unsupported,
          reason: "archive member is \(size) bytes, above the \(options.maxParseBytes)-byte limit for parsing; hashed but not read")
      }
      return EvidenceReader.read(data: try container.data(item), path: path, options: options)
    } catch {
      return failure("\(path): \(error.description)")
    }
  }

  /// True when the file starts with a ZIP local-file header.
  private static func startsWithZipMagic(_ path: [UInt8]) -> Bool {
    FileBytes.readPrefix(path, count: 4) == [0x50, 0x4B, 0x03, 0x04]
  }
}
