#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lists every entry below a folder without following links out of it.
///
/// Folders are descended through their real paths only; a symbolic link is resolved and checked
/// against the real path of the root, and becomes either a readable entry (a file inside the
/// folder) or an entry carrying its problem.
struct FolderWalker {
  /// The root's resolved real path, as file-system bytes.
  let root: [UInt8]
  /// Reading options (the parse limit also caps the nested archives opened to list their members).
  let options: IngestOptions

  /// All entries, sorted by relative path (byte order of the UTF-8 path).
  func walk() -> [EvidenceEntry] {
    var entries: [EvidenceEntry] = []
    visit(folder: root, relative: "", into: &entries)
    return entries.sorted { UTF8Order.precedes($0.relativePath, $1.relativePath) }
  }

  private func visit(folder: [UInt8], relative: String, into entries: inout [EvidenceEntry]) {
    let names: [[UInt8]]
    switch Self.list(folder) {
    case .success(let listed): names = listed
    case .failure(let reason):
      if !relative.isEmpty {
        entries.append(
          EvidenceEntry(relativePath: relative, problem: .unreadableFolder(reason: reason.description), systemPath: folder))
      }
      return
    }
    for name in names {
      let path = folder + [UInt8(ascii: "/")] + name
      let display = FileName.display(name)
      let rel = relative.isEmpty ? display : relative + "/" + display
      guard let info = FileSystem.lstatMode(path) else {
        entries.append(
          EvidenceEntry(
            relativePath: rel, problem: .notRegularFile(kind: "vanished or cannot be examined"), systemPath: path))
        continue
      }
      switch info {
      case S_IFDIR: visit(folder: path, relative: rel, into: &entries)
      case S_IFREG:
        entries.append(EvidenceEntry(relativePath: rel, problem: nil, systemPath: path))
        entries += ArchiveMembers.entries(archive: path, relativePath: rel, options: options)
      case S_IFLNK: entries.append(link(at: path, relative: rel))
      default:
        entries.append(
          EvidenceEntry(relativePath: rel, problem: .notRegularFile(kind: FileSystem.kindName(info)), systemPath: path))
      }
    }
  }

  /// Resolves a symbolic link and decides what it becomes.
  private func link(at path: [UInt8], relative: String) -> EvidenceEntry {
    let target = FileSystem.readLink(path) ?? "?"
    switch FileSystem.realPath(path) {
    case .failure(let code):
      let problem: EvidenceEntry.Problem =
        code.code == ELOOP ? .linkLoop(target: target) : .brokenLink(target: target)
      return EvidenceEntry(relativePath: relative, problem: problem, systemPath: path)
    case .success(let resolved):
      guard Self.isInside(resolved, root: root) else {
        return EvidenceEntry(
          relativePath: relative, problem: .linkOutsideFolder(target: target), systemPath: path)
      }
      let mode = FileSystem.lstatMode(resolved)
      if mode == S_IFREG {
        return EvidenceEntry(relativePath: relative, problem: nil, systemPath: resolved)
      }
      if mode == S_IFDIR {
        if case .success(let parent) = FileSystem.realPath(FileSystem.parent(of: path)),
          Self.isInside(parent, root: resolved)
        {
          return EvidenceEntry(relativePath: relative, problem: .linkLoop(target: target), systemPath: path)
        }
        return EvidenceEntry(
          relativePath: relative, problem: .linkToFolderInside(target: target), systemPath: path)
      }
      return EvidenceEntry(
        relativePath: relative, problem: .notRegularFile(kind: FileSystem.kindName(mode ?? 0)), systemPath: path)
    }
  }

  /// True when `path` is `root` or lies below it.
  static func isInside(_ path: [UInt8], root: [UInt8]) -> Bool {
    if path == root { return true }
    let prefix = root.last == UInt8(ascii: "/") ? root : root + [UInt8(ascii: "/")]
    return path.starts(with: prefix)
  }

  /// The names in a folder, except `.` and `..`, or the reason it cannot be listed.
  static func list(_ folder: [UInt8]) -> Result<[[UInt8]], FolderListingError> {
    guard let dir = FileSystem.withPath(folder, { opendir($0) }) else {
      return .failure(FolderListingError(String(cString: strerror(errno))))
    }
    defer { closedir(dir) }
    var names: [[UInt8]] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix(while: { $0 != 0 }))
      }
      if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
      names.append(name)
    }
    return .success(names)
  }
}

/// Why a folder could not be listed (the system's message).
struct FolderListingError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
