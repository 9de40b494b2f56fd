#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin wrappers over the POSIX calls the walker and reader need, on raw path bytes (file names
/// in evidence folders are not always valid UTF-8).
enum FileSystem {
  /// Calls `body` with a NUL-terminated C string of `path`.
  static func withPath<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
    let chars = path.map { CChar(bitPattern: $0) } + [0]
    return body(chars)
  }

  /// `read(2)`: reads up to `count` bytes into `buffer`; the count read, 0 at end, -1 on error.
  static func readBytes(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer?, count: Int) -> Int {
    read(descriptor, buffer, count)
  }

  /// The file-type bits (`S_IFMT`) of `path` without following a final link, or nil.
  static func lstatMode(_ path: [UInt8]) -> mode_t? {
    var info = stat()
    guard withPath(path, { lstat($0, &info) }) == 0 else { return nil }
    return info.st_mode & S_IFMT
  }

  /// The text of a symbolic link, or nil.
  static func readLink(_ path: [UInt8]) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = withPath(path) { readlink($0, &buffer, buffer.count - 1) }
    guard count >= 0 else { return nil }
    return FileName.display(buffer.prefix(count).map { UInt8(bitPattern: $0) })
  }

  /// The canonical absolute path, or the `errno` that stopped resolving it.
  static func realPath(_ path: [UInt8]) -> Result<[UInt8], SystemError> {
    guard let resolved = withPath(path, { realpath($0, nil) }) else {
      return .failure(SystemError(code: errno))
    }
    defer { free(resolved) }
    return .success(Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))))
  }

  /// The path without its last component.
  static func parent(of path: [UInt8]) -> [UInt8] {
    guard let slash = path.lastIndex(of: UInt8(ascii: "/")) else { return [UInt8(ascii: ".")] }
    return slash == 0 ? [UInt8(ascii: "/")] : Array(path[..<slash])
  }

  /// A person's name for a file type (`S_IFMT` bits).
  static func kindName(_ mode: mode_t) -> String {
    switch mode {
    case S_IFIFO: "named pipe"
    case S_IFSOCK: "socket"
    case S_IFCHR: "character device"
    case S_IFBLK: "block device"
    case S_IFDIR: "folder"
    default: "special file"
    }
  }
}

/// An `errno` value with the system's message.
struct SystemError: Error, Equatable, CustomStringConvertible {
  let code: Int32
  var description: String { String(cString: strerror(code)) }
}

/// File-name decoding for display.
enum FileName {
  /// The name as text: UTF-8 when valid, else GB18030 (names from Chinese zip tools), else with
  /// every non-ASCII byte written `%XX`, so that two different names never look the same.
  static func display(_ bytes: [UInt8]) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    if let text = GB18030.decode(bytes), TextDecoding.isPlausibleText(text) { return text }
    let digits = Array("0123456789ABCDEF".utf8)
    var escaped: [UInt8] = []
    for byte in bytes {
      if byte < 0x80 && byte != UInt8(ascii: "%") {
        escaped.append(byte)
      } else {
        escaped += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
      }
    }
    return String(decoding: escaped, as: UTF8.self)
  }
}
