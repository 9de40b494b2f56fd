import Foundation
import ZIPFoundation

/// Opens ZIP bytes as a read-only archive backed by a temporary file that is unlinked once open.
///
/// ZIPFoundation's in-memory archive (`Archive(data:)`) traps with "Range requires lowerBound <=
/// upperBound" when a damaged header makes it seek past the end of the data, which would stop the
/// whole scan; a file-backed archive reads nothing there and throws instead.
enum ZipArchiveFile {
  /// The archive of `bytes`; throws when the bytes cannot be written out or are not a ZIP archive.
  static func open(_ bytes: [UInt8]) throws -> Archive {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mingjian-\(UUID().uuidString).zip")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try Archive(url: url, accessMode: .read, pathEncoding: nil)
  }
}
