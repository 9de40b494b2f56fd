import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the text layer of a PDF with poppler's `pdftotext -layout`: one `line` unit per
/// non-blank line of the extracted text, `line` numbered through the whole text and `page` set.
/// Without `pdftotext`, or without a text layer (a scan), the PDF is `unsupported` with the reason.
///
/// `pdftotext` reads the PDF on its standard input from a copy in the temporary folder that is
/// removed as soon as it is open: the copy never outlives the run, even when it is killed.
enum PDFTextReader {
  /// Seconds after which a `pdftotext` run is stopped (hostile or huge PDFs).
  static let timeoutSeconds = 120.0

  /// The `pdftotext` executable found on `PATH`, if any.
  static let executable: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("pdftotext") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Fills `document` (hash and size already set) from the PDF bytes, extracting with
  /// `executable` (default: `pdftotext` on `PATH`); the PDF's copy is made in `copyFolder` and is
  /// in `registry` until it loses its name.
  static func read(
    _ bytes: [UInt8], into document: inout EvidenceDocument, executable: URL? = executable,
    copyFolder: URL = FileManager.default.temporaryDirectory, registry: TemporaryFiles = .shared
  ) {
    document.format = .pdf
    guard let executable else {
      document.status = .unsupported
      document.reason = "pdftotext (poppler-utils) not installed"
      return
    }
    let text: String
    switch extract(bytes, with: executable, copyFolder: copyFolder, registry: registry) {
    case .failure(let problem):
      document.status = .error
      document.reason = "PDF text could not be extracted: \(problem.description)"
      return
    case .success(let extracted): text = extracted
    }
    var number = 0
    for (pageIndex, page) in text.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated() {
      for line in SourceLines(String(page)) {
        number += 1
        if !line.isBlank {
          document.units.append(TextUnit(kind: .line, line: number, text: String(line), page: pageIndex + 1))
        }
      }
    }
    if document.units.isEmpty {
      document.status = .unsupported
      document.reason = "PDF has no text layer (a scanned document?); OCR is not performed"
    } else {
      document.status = .parsed
    }
  }

  /// Runs `pdftotext -q -layout -enc UTF-8 - -` on an unnamed copy of `bytes` and returns its
  /// output.
  private static func extract(
    _ bytes: [UInt8], with executable: URL, copyFolder: URL, registry: TemporaryFiles
  ) -> Result<String, ExtractionError> {
    let input: FileHandle
    switch unnamedCopy(of: bytes, in: copyFolder, registry: registry) {
    case .failure(let problem): return .failure(problem)
    case .success(let copy): input = copy
    }
    defer { try? input.close() }
    let process = Process()
    process.executableURL = executable
    process.arguments = ["-q", "-layout", "-enc", "UTF-8", "-", "-"]
    process.standardInput = input
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return .failure(ExtractionError("pdftotext did not start (\(error.localizedDescription))"))
    }
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: watchdog)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      return .failure(
        ExtractionError(
          process.terminationReason == .uncaughtSignal
            ? "pdftotext was stopped after \(Int(timeoutSeconds)) seconds or crashed"
            : "pdftotext failed with status \(process.terminationStatus) (damaged or encrypted PDF?)"))
    }
    return .success(String(decoding: data, as: UTF8.self))
  }

  /// `bytes` in a new file in `folder`, readable by its owner only, removed as soon as it is open
  /// and read from its start through the returned handle.
  private static func unnamedCopy(
    of bytes: [UInt8], in folder: URL, registry: TemporaryFiles
  ) -> Result<FileHandle, ExtractionError> {
    let path = folder.appendingPathComponent("mingjian-\(UUID().uuidString).pdf").path
    var descriptor: Int32 = -1
    var openError: Int32 = 0
    let made = registry.make(path) {
      descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      openError = errno
      return descriptor >= 0
    }
    guard made else {
      let reason = descriptor < 0 && openError != 0 ? String(cString: strerror(openError)) : "the scan is being interrupted"
      return .failure(ExtractionError("cannot write a temporary copy (\(reason))"))
    }
    registry.remove(path)
    let copy = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      try copy.write(contentsOf: bytes)
      try copy.seek(toOffset: 0)
    } catch {
      try? copy.close()
      return .failure(ExtractionError("cannot write a temporary copy (\(error.localizedDescription))"))
    }
    return .success(copy)
  }

  /// Why extraction failed.
  struct ExtractionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
