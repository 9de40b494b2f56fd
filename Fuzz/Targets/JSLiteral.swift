/// Fuzz target `jsliteral`: the line-tracking JSON / JavaScript-literal reader and the two
/// formats built on it (MemoTrace HTML's `const chatMessages = [...]`, Telegram `result.json`).
/// The first input byte picks the entry point, the rest is the text.
enum JSLiteralTarget {
  /// Checks that every node of `node`'s tree spans `1 <= line <= endLine <= lineCount`.
  static func checkTree(_ node: JSONNode, lineCount: Int, context: String) {
    UnitInvariants.require(
      node.line >= 1 && node.line <= node.endLine && node.endLine <= max(lineCount, 1),
      "\(context): JSON node lines \(node.line)-\(node.endLine) outside 1...\(lineCount)")
    switch node.value {
    case .object(let members): members.forEach { checkTree($0.value, lineCount: lineCount, context: context) }
    case .array(let items): items.forEach { checkTree($0, lineCount: lineCount, context: context) }
    default: break
    }
  }

  /// Runs the entry point `choice` on `payload`.
  static func run(choice: Int, payload: [UInt8]) {
    let source = FuzzInput.source(payload, path: "fuzz/result.json")
    let text = source.lines.joined(separator: "\n")
    let lineCount = source.lines.count
    switch choice {
    case 0:
      let (root, error) = LineTrackingJSON.parse(text)
      if let root { checkTree(root, lineCount: lineCount, context: "LineTrackingJSON.parse") }
      if let error { UnitInvariants.require(error.line >= 1 && error.line <= max(lineCount, 1), "parse error line \(error.line) of \(lineCount)") }
    case 1:
      guard let (root, error) = LineTrackingJSON.parseJavaScript(text, after: MemoTraceHTMLParser.marker) else { return }
      if let root { checkTree(root, lineCount: lineCount, context: "LineTrackingJSON.parseJavaScript") }
      if let error { UnitInvariants.require(error.line >= 1 && error.line <= max(lineCount, 1), "JS error line \(error.line) of \(lineCount)") }
    case 2:
      FuzzInput.parseAndCheck(MemoTraceHTMLParser(), FuzzInput.source(payload, path: "fuzz/测试群.html"))
    default:
      FuzzInput.parseAndCheck(TelegramJSONParser(), source)
    }
  }
}

/// libFuzzer's entry point for the `jsliteral` target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSLiteral(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let (choice, payload) = FuzzInput.split(FuzzInput.bytes(data, count), choices: 4)
  JSLiteralTarget.run(choice: choice, payload: payload)
  return 0
}
