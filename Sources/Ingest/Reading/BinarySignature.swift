/// Recognises files that are not plain text by their leading bytes ("magic numbers").
struct BinarySignature: Sendable, Hashable {
  /// What the file is, for the manifest reason, e.g. `image (PNG)`.
  let kind: String

  private init(kind: String) { self.kind = kind }

  /// A ZIP archive (also DOCX, XLSX, PPTX): opened by `ZipDocumentReader`.
  static let zip = BinarySignature(kind: "archive (ZIP)")
  /// A PDF document: opened by `PDFTextReader`.
  static let pdf = BinarySignature(kind: "document (PDF)")

  /// A WeChat `.dat` picture: an image XOR-ed with one key byte. Recognised when the first three
  /// bytes XOR one key give a JPEG, PNG or GIF start. Only asked for data already known to be
  /// binary, as three bytes alone could occur in text.
  static func xorImage(_ bytes: some Collection<UInt8>) -> BinarySignature? {
    let head = Array(bytes.prefix(3))
    guard head.count == 3 else { return nil }
    for (magic, name) in [([0xFF, 0xD8, 0xFF], "JPEG"), ([0x89, 0x50, 0x4E], "PNG"), ([0x47, 0x49, 0x46], "GIF")] as [([UInt8], String)] {
      let key = head[0] ^ magic[0]
      if key != 0, head[1] ^ key == magic[1], head[2] ^ key == magic[2] {
        return BinarySignature(kind: "image (WeChat .dat, \(name) XOR-encoded)")
      }
    }
    return nil
  }

  /// The signature the bytes start with, or nil when none is known.
  static func detect(_ bytes: some Collection<UInt8>) -> BinarySignature? {
    // Asked of every file a scan reads: the head is compared in place, with no array or string
    // made for a comparison.
    let head = Array(bytes.prefix(16))
    func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
      head.count >= offset + magic.count && head[offset...].starts(with: magic)
    }
    func ascii(_ text: StaticString, at offset: Int = 0) -> Bool {
      text.withUTF8Buffer { head.count >= offset + $0.count && head[offset...].starts(with: $0) }
    }

    if starts([0x89, 0x50, 0x4E, 0x47]) { return .init(kind: "image (PNG)") }
    if starts([0xFF, 0xD8, 0xFF]) { return .init(kind: "image (JPEG)") }
    if ascii("GIF87a") || ascii("GIF89a") { return .init(kind: "image (GIF)") }
    if ascii("RIFF") && ascii("WEBP", at: 8) { return .init(kind: "image (WebP)") }
    if ascii("RIFF") && ascii("WAVE", at: 8) { return .init(kind: "audio (WAV)") }
    if ascii("RIFF") && ascii("AVI ", at: 8) { return .init(kind: "video (AVI)") }
    if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
      return .init(kind: "image (TIFF)")
    }
    if ascii("ftyp", at: 4) {
      let brand = String(decoding: head.dropFirst(8).prefix(4), as: UTF8.self)
      if ["heic", "heix", "mif1", "msf1"].contains(brand) { return .init(kind: "image (HEIC)") }
      if brand.hasPrefix("M4A") { return .init(kind: "audio (M4A)") }
      return .init(kind: "video (MP4/MOV)")
    }
    if ascii("ID3") || starts([0xFF, 0xFB]) || starts([0xFF, 0xF3]) || starts([0xFF, 0xF2]) {
      return .init(kind: "audio (MP3)")
    }
    if ascii("#!AMR") { return .init(kind: "audio (AMR voice message)") }
    if ascii("#!SILK") || ascii("#!SILK", at: 1) {
      return .init(kind: "audio (SILK voice message)")
    }
    if ascii("OggS") { return .init(kind: "audio (Ogg)") }
    if ascii("fLaC") { return .init(kind: "audio (FLAC)") }
    if starts([0x1A, 0x45, 0xDF, 0xA3]) { return .init(kind: "video (Matroska/WebM)") }
    if ascii("SQLite format 3") { return .init(kind: "database (SQLite)") }
    if ascii("%PDF-") { return .pdf }
    if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
    if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      return .init(kind: "legacy Office document (.doc/.xls/.wps, OLE)")
    }
    if starts([0x1F, 0x8B]) { return .init(kind: "archive (gzip)") }
    if ascii("7z") && starts([0xBC, 0xAF, 0x27, 0x1C], at: 2) { return .init(kind: "archive (7-Zip)") }
    if ascii("Rar!") { return .init(kind: "archive (RAR)") }
    if starts([0x7F, 0x45, 0x4C, 0x46]) { return .init(kind: "program (ELF)") }
    if ascii("MZ") && head.count >= 16 && head.contains(0) { return .init(kind: "program (Windows EXE/DLL)") }
    if starts([0x00, 0x00, 0x00, 0x01]) && ascii("Bud1", at: 4) {
      return .init(kind: "macOS Finder metadata (.DS_Store)")
    }
    return nil
  }
}
