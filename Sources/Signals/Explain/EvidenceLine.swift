import Foundation
import Ingest

/// The text unit covering one line of an evidence file, named as a finding cites it: a file on
/// disk (`聊天.txt:12`) or a member of a ZIP archive read in place (`case.zip!/chats/a.txt:12`,
/// also written `case.zip/chats/a.txt:12`; nested archives `outer.zip!/inner.zip!/a.txt:3`).
/// The member is read from the archive, as a scan reads it, without unpacking anything to disk.
public struct EvidenceLine: Sendable {
  /// The file's path: as given for a file on disk, in the cited `archive!/member` form for a member.
  public let path: String
  /// The unit covering the line.
  public let unit: TextUnit

  /// Reads the unit covering `line` (from 1) of the evidence at `path`.
  public static func read(path: String, line: Int, options: IngestOptions = IngestOptions()) throws(EvidenceLineError)
    -> EvidenceLine
  {
    if let archive = archivePath(in: path) {
      return try member(path, archive: archive, line: line, options: options)
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw FileManager.default.fileExists(atPath: path)
        ? .unreadable(path: path, reason: error.localizedDescription) : .fileNotFound(path: path)
    }
    let document = EvidenceReader.read(data: data, path: path, options: options)
    return try unit(of: document, path: path, line: line, lineCount: lineCount(data))
  }

  /// The archive on disk that `path` names a member of: the part before the first `!/`, or else,
  /// when `path` is not itself a file, its longest leading part that is a file; nil for a file.
  static func archivePath(in path: String) -> String? {
    if let mark = path.range(of: "!/") { return String(path[..<mark.lowerBound]) }
    guard !isFile(path) else { return nil }
    var prefix = path
    while let slash = prefix.lastIndex(of: "/"), slash > prefix.startIndex {
      prefix = String(prefix[..<slash])
      if isFile(prefix) { return prefix }
      if FileManager.default.fileExists(atPath: prefix) { return nil }
    }
    return nil
  }

  /// The unit at `line` of the archive member `path`, read through an evidence folder rooted at
  /// the archive's folder (whose walk lists the archive's members as a scan does).
  private static func member(_ path: String, archive: String, line: Int, options: IngestOptions) throws(EvidenceLineError)
    -> EvidenceLine
  {
    guard FileManager.default.fileExists(atPath: archive) else { throw .fileNotFound(path: archive) }
    let archiveURL = URL(fileURLWithPath: archive)
    let folder: EvidenceFolder
    do {
      folder = try EvidenceFolder(root: archiveURL.deletingLastPathComponent(), options: options)
    } catch {
      throw .unreadable(path: archive, reason: error.description)
    }
    let directory = String(archive.dropLast(archiveURL.lastPathComponent.count))
    let name = archiveURL.lastPathComponent
    let wanted = String(path.dropFirst(directory.count))
    let members = folder.entries().filter { $0.relativePath.hasPrefix(name + "!/") }
    guard !members.isEmpty else { throw .notAnArchive(path: path, file: archive) }
    let unmarked = { (text: String) in text.replacingOccurrences(of: "!/", with: "/") }
    guard
      let entry = members.first(where: { $0.relativePath == wanted })
        ?? members.first(where: { unmarked($0.relativePath) == unmarked(wanted) })
    else {
      let member = String(wanted.dropFirst(name.count)).drop { $0 == "!" || $0 == "/" }
      throw .memberMissing(
        archive: archive, member: String(member),
        members: members.filter { $0.problem == nil }.map { String($0.relativePath.dropFirst(name.count + 2)) })
    }
    let cited = directory + entry.relativePath
    let document = folder.read(entry)
    return try unit(of: document, path: cited, line: line, lineCount: nil)
  }

  /// The unit of `document` covering `line`; `lineCount` is the file's number of lines where
  /// known (a member's is not: its bytes stay in the archive).
  private static func unit(
    of document: EvidenceDocument, path: String, line: Int, lineCount: Int?
  ) throws(EvidenceLineError) -> EvidenceLine {
    guard document.status == .parsed || document.status == .partial else {
      throw .notParsed(path: path, status: document.status, reason: document.reason)
    }
    if let unit = document.unit(coveringLine: line) { return EvidenceLine(path: path, unit: unit) }
    let lastLine = document.units.map(\.endLine).max() ?? 0
    if let lineCount, line > lineCount { throw .lineOutOfRange(path: path, line: line, lineCount: lineCount) }
    if lineCount == nil, line > lastLine { throw .lineAfterLastUnit(path: path, line: line, lastLine: lastLine) }
    throw .noUnitAtLine(path: path, line: line)
  }

  /// The lines of a file: its line feeds, plus one for text after the last.
  private static func lineCount(_ data: Data) -> Int {
    let feeds = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    return feeds + (data.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
  }

  private static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }
}
