import Ingest

/// Why `FILE:LINE` names no unit that `lexicon explain` can evaluate.
public enum EvidenceLineError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Neither the file nor an archive holding it exists.
  case fileNotFound(path: String)
  /// The file (or archive) exists but cannot be read.
  case unreadable(path: String, reason: String)
  /// The path goes on below a file that is not a ZIP archive read in place.
  case notAnArchive(path: String, file: String)
  /// The archive has no member of that name; `members` are the files it does hold.
  case memberMissing(archive: String, member: String, members: [String])
  /// The file was read but not parsed into text units (unsupported, damaged, too large).
  case notParsed(path: String, status: DocumentStatus, reason: String?)
  /// The line is past the end of the file, which has `lineCount` lines.
  case lineOutOfRange(path: String, line: Int, lineCount: Int)
  /// The line is past the last text unit of an archive member, which ends at `lastLine`.
  case lineAfterLastUnit(path: String, line: Int, lastLine: Int)
  /// The line is inside the file but in no text unit (a blank line, a header, markup).
  case noUnitAtLine(path: String, line: Int)

  /// A sentence naming the file and what is wrong.
  public var description: String {
    switch self {
    case .fileNotFound(let path):
      return "\(path): no such file"
    case .unreadable(let path, let reason):
      return "\(path): cannot be read: \(reason)"
    case .notAnArchive(let path, let file):
      return "\(path): \(file) is a file but not a ZIP archive whose members are read in place, so it has no member below it"
    case .memberMissing(let archive, let member, let members):
      let shown = members.prefix(10).joined(separator: ", ")
      let more = members.count > 10 ? " and \(members.count - 10) more" : ""
      let held = members.isEmpty ? "it holds no readable file" : "it holds \(shown)\(more)"
      return "\(archive): the archive has no member \(member) (\(held))"
    case .notParsed(let path, let status, let reason):
      return "\(path): not read as text (\(status.rawValue)\(reason.map { ": " + $0 } ?? ""))"
    case .lineOutOfRange(let path, let line, let lineCount):
      return "\(path): line \(line) is out of range; the file has \(lineCount) line\(lineCount == 1 ? "" : "s")"
    case .lineAfterLastUnit(let path, let line, let lastLine):
      return "\(path): line \(line) is out of range; the member's last text unit ends at line \(lastLine)"
    case .noUnitAtLine(let path, let line):
      return "\(path): line \(line) is not inside any text unit (a blank line, a header or markup)"
    }
  }
}
