import Foundation

/// Fuzz target `reader`: the public entry `EvidenceReader.read`, which sniffs binary signatures
/// (ZIP for DOCX/XLSX, PDF), decodes UTF-8/UTF-16/GB18030 and detects the format from content.
/// The first input byte picks the file name; detection never looks at it, but names set the
/// conversation (file stem, WhatsApp's `WhatsApp Chat with X`) and appear in every reason.
enum EvidenceReaderTarget {
  /// File names exporters write, one per format family.
  static let paths = [
    "聊天记录/张三.txt", "WhatsApp Chat with 测试.txt", "_chat.txt", "result.json", "messages.html",
    "测试群.html", "QQ/消息记录.mht", "邮件/通知.eml", "chat.csv", "合同.docx", "流水.xlsx", "报告.pdf",
  ]
  /// Formats whose unit positions are paragraphs, rows or extracted lines, not lines of the bytes.
  static let containerFormats: Set<DocumentFormat> = [.docx, .xlsx, .pdf]

  /// Reads `payload` as the file `paths[choice]` and checks the document.
  static func run(choice: Int, payload: [UInt8]) {
    let path = paths[choice]
    let document = EvidenceReader.read(data: Data(payload), path: path)
    UnitInvariants.check(document)
    let context = "EvidenceReader on \(path) as \(document.format.rawValue)"
    if containerFormats.contains(document.format) {
      UnitInvariants.checkPositions(document.units, context: context)
    } else {
      switch TextDecoding.decode(payload) {
      case .text(let text, _), .damaged(let text, _, _):
        UnitInvariants.check(document.units, lineCount: SourceLines(text).count, context: context)
      case .binary, .undecodable:
        UnitInvariants.require(document.units.isEmpty, "\(context): units from undecodable bytes")
      }
    }
  }
}

/// libFuzzer's entry point for the `reader` target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvidenceReader(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let (choice, payload) = FuzzInput.split(FuzzInput.bytes(data, count), choices: EvidenceReaderTarget.paths.count)
  EvidenceReaderTarget.run(choice: choice, payload: payload)
  return 0
}
