import Foundation

/// One entry found below an evidence folder: a file to read, or a link or special file that
/// cannot be read, carried with the reason so that it still reaches the manifest.
public struct EvidenceEntry: Sendable, Hashable {
  /// Path relative to the evidence folder, `/`-separated.
  public var relativePath: String
  /// Why the entry cannot be read as a file, or nil for an ordinary readable file.
  public var problem: Problem?
  /// The file-system path to open (for a link inside the folder, its resolved target; for an
  /// archive member, the archive).
  var systemPath: [UInt8]
  /// The member's path inside the ZIP archive at `systemPath`, for files read in place.
  var archiveMember: String?
  /// For a file inside ZIPs nested in that member: the member path at each deeper level, the
  /// last one being the file's.
  var innerMembers: [String]

  /// Creates an entry for a file, link or special file.
  init(
    relativePath: String, problem: Problem?, systemPath: [UInt8], archiveMember: String? = nil, innerMembers: [String] = []
  ) {
    self.relativePath = relativePath
    self.problem = problem
    self.systemPath = systemPath
    self.archiveMember = archiveMember
    self.innerMembers = innerMembers
  }

  /// Where the entry is on disk (for a link inside the folder, its resolved target).
  public var url: URL { URL(fileURLWithPath: String(decoding: systemPath, as: UTF8.self)) }

  /// Why an entry found by the walker cannot be read as an ordinary file.
  public enum Problem: Sendable, Hashable, CustomStringConvertible {
    /// A symbolic link whose target lies outside the evidence folder; it is not followed.
    case linkOutsideFolder(target: String)
    /// A symbolic link that resolves to itself or to a folder containing it.
    case linkLoop(target: String)
    /// A symbolic link whose target does not exist.
    case brokenLink(target: String)
    /// A symbolic link to a folder inside the evidence folder; its files are read at their own path.
    case linkToFolderInside(target: String)
    /// A named pipe, socket or device: not a regular file.
    case notRegularFile(kind: String)
    /// A folder below the evidence folder that could not be listed.
    case unreadableFolder(reason: String)
    /// A symbolic link stored inside a ZIP archive.
    case linkInArchive
    /// A second member of a ZIP archive with the same name as an earlier one.
    case duplicateArchiveMember
    /// Members a ZIP archive declares that cannot be listed (the listing stops at the first
    /// damaged central-directory record).
    case unlistedArchiveMembers(count: Int)

    /// A sentence for the manifest.
    public var description: String {
      switch self {
      case .linkOutsideFolder(let target):
        "symbolic link points outside the evidence folder (to \(target)); not followed"
      case .linkLoop(let target): "symbolic link loop (\(target)); not followed"
      case .brokenLink(let target): "broken symbolic link: target \(target) does not exist"
      case .linkToFolderInside(let target):
        "symbolic link to the folder \(target) inside the evidence folder; its files are read at their own path"
      case .notRegularFile(let kind): "not a regular file (\(kind)); not read"
      case .unreadableFolder(let reason): "folder cannot be listed: \(reason)"
      case .linkInArchive: "symbolic link stored in the archive; not followed"
      case .duplicateArchiveMember: "the archive holds another member with the same name; only the first is read"
      case .unlistedArchiveMembers(let count):
        "the archive declares \(count) more member(s) after a damaged central-directory record; they cannot be read"
      }
    }

    /// The manifest status the problem leads to: only a link to a folder already read is benign.
    var status: DocumentStatus {
      if case .linkToFolderInside = self { return .unsupported }
      return .error
    }
  }
}
