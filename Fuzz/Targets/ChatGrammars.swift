/// Fuzz target `chat`: the first input byte picks one chat grammar, the rest is its text.
/// Each grammar is run directly, without detection, so every rule is reachable from any bytes.
enum ChatGrammarsTarget {
  /// The chat grammars under test, in a fixed order (the seed corpus's first bytes index it).
  static let parsers: [any DocumentParser] = [
    MemoTraceTXTParser(),
    MemoTraceV2TXTParser(),
    MemoTraceAITXTParser(),
    WeFlowTXTParser(),
    WechatExporterTXTParser(),
    WechatDumpTXTParser(),
    MemoTraceCSVParser(generation: .v1),
    MemoTraceCSVParser(generation: .v2),
    QQMessageManagerTXTParser(),
    QQMHTParser(),
    WhatsAppTXTParser(),
    TelegramHTMLParser(),
    ChatTableCSVParser(),
    EMLParser(),
  ]
}

/// libFuzzer's entry point for the `chat` target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChatGrammars(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let (choice, payload) = FuzzInput.split(FuzzInput.bytes(data, count), choices: ChatGrammarsTarget.parsers.count)
  let parser = ChatGrammarsTarget.parsers[choice]
  FuzzInput.parseAndCheck(parser, FuzzInput.source(payload, path: "fuzz/WhatsApp Chat with 测试.txt"))
  return 0
}
