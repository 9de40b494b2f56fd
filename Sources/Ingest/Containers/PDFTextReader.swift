import Foundation

/// Reads the text layer of a PDF with poppler's `pdftotext -layout`: one `line` unit per
/// non-blank line of the extracted text, `line` numbered through the whole text and `page` set.
/// Without `pdftotext`, or without a text layer (a scan), the PDF is `unsupported` with the reason.
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
  /// `executable` (default: `pdftotext` on `PATH`).
  static func read(_ bytes: [UInt8], into document: inout EvidenceDocument, executable: URL? = executable) {
    document.format = .pdf
    guard let executable else {
      document.status = .unsupported
      document.reason = "pdftotext (poppler-utils) not installed"
      return
    }
    let text: String
    switch extract(bytes, with: executable) {
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

  /// Runs `pdftotext -q -layout -enc UTF-8 <temporary copy> -` and returns its output.
  private static func extract(_ bytes: [UInt8], with executable: URL) -> Result<String, ExtractionError> {
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("mingjian-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: input) }
    do {
      try Data(bytes).write(to: input, options: .atomic)
    } catch {
      return .failure(ExtractionError("cannot write a temporary copy (\(error.localizedDescription))"))
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = ["-q", "-layout", "-enc", "UTF-8", input.path, "-"]
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

  /// Why extraction failed.
  struct ExtractionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
