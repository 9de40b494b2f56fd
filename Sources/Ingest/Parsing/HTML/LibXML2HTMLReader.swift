import CLibXML2

/// Reads HTML with libxml2's streaming (SAX) HTML parser, which recovers from broken markup as a
/// browser does, and hands element and text events to an `HTMLBlockBuilder`. No tree is built.
///
/// The text is UTF-8 already decoded by the reader, so the page's own `<meta charset>` is ignored
/// (`HTML_PARSE_IGNORE_ENC`): a GB18030 page has been turned into UTF-8 before it gets here.
/// Script and style content arrives as CDATA blocks and comments as comment events; neither ever
/// becomes text. Lines come from the parser context's `input->line`, a
/// C `int`, so they stay exact past line 65,535 (unlike the 16-bit line of a libxml2 tree node).
enum LibXML2HTMLReader {
  /// What a read produced.
  struct Result {
    /// The blocks of visible text, in document order.
    var blocks: [HTMLBlockCollector.Block]
    /// Why part of the text is missing, when it is.
    var problem: HTMLReadProblem?
  }

  /// libxml2's text buffer: `htmlParseCharData` hands text over in pieces of at least this many
  /// bytes while it is still positioned on the last byte of the piece (`HTML_PARSER_BIG_BUFFER_SIZE`).
  static let textPieceSize = 1_000

  /// Parser options: recover from any markup, never touch the network, stay silent, keep the
  /// decoding done by the reader.
  static let options = Int32(
    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
      | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

  /// `xmlInitParser` must run once before parsers are used from several threads.
  private static let initialized: Void = xmlInitParser()

  /// The visible text blocks of the UTF-8 HTML `bytes`. Whenever `batchSize` blocks are done they
  /// are handed to `deliver` instead of being kept, so a large page never holds all its blocks at
  /// once; the result holds the blocks not delivered.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, batchSize: Int = .max, deliver: ([HTMLBlockCollector.Block]) -> Void = { _ in }
  ) -> Result {
    withoutActuallyEscaping(deliver) { deliver in
      read(bytes, batch: Batch(size: max(batchSize, 1), deliver: deliver))
    }
  }

  /// Where finished blocks go while the page is read.
  private struct Batch {
    let size: Int
    let deliver: ([HTMLBlockCollector.Block]) -> Void
  }

  private static func read(_ bytes: UnsafeBufferPointer<UInt8>, batch: Batch) -> Result {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return Result(blocks: []) }
    guard bytes.count <= Int(Int32.max) else { return Result(blocks: [], problem: .tooLarge(bytes: bytes.count)) }
    _ = initialized
    let created = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
      htmlCreateMemoryParserCtxt($0, Int32(bytes.count))
    }
    guard let context = created else { return Result(blocks: [], problem: .parserUnavailable) }
    defer { htmlFreeParserCtxt(context) }
    htmlCtxtUseOptions(context, options)
    // What `xmlSwitchEncoding(UTF-8)` sets; without it libxml2 reads bytes above 0x7F as ISO-8859-1.
    context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
    context.pointee.sax.pointee = handler
    // The callbacks reach their state through a plain pointer: no reference counting and no
    // dynamic exclusivity checks per event.
    let state = UnsafeMutablePointer<SAXState>.allocate(capacity: 1)
    state.initialize(to: SAXState(context: context, batch: batch))
    defer {
      state.deinitialize(count: 1)
      state.deallocate()
    }
    context.pointee.userData = UnsafeMutableRawPointer(state)
    _ = htmlParseDocument(context)
    state.pointee.builder.finish()
    var result = Result(blocks: state.pointee.builder.blocks)
    let consumed = Int(xmlByteConsumed(context))
    if consumed >= 0, consumed < bytes.count {
      let message = context.pointee.lastError.message.map { String(cString: $0) }
      result.problem = .stopped(line: state.pointee.line, reason: message?.trimmingSpaces ?? "")
    }
    return result
  }

  /// The SAX callbacks: element starts and ends, text and white space. Script and style content
  /// comes as CDATA blocks, dropped by an empty handler; everything else (comments, processing
  /// instructions, errors) has no handler and is dropped by libxml2.
  private static var handler: htmlSAXHandler {
    var handler = htmlSAXHandler()
    handler.startElement = { context, name, _ in
      guard let context, let name else { return }
      let state = SAXState.from(context)
      let role = state.pointee.roles.role(of: name)
      state.pointee.builder.start(role)
      state.pointee.deliverFullBatch()
    }
    handler.endElement = { context, name in
      guard let context, let name else { return }
      let state = SAXState.from(context)
      let role = state.pointee.roles.role(of: name)
      state.pointee.builder.end(role)
      state.pointee.deliverFullBatch()
    }
    handler.characters = { context, characters, length in
      guard let context, let characters, length > 0 else { return }
      SAXState.from(context).pointee.text(UnsafeBufferPointer(start: characters, count: Int(length)))
    }
    handler.ignorableWhitespace = handler.characters
    handler.cdataBlock = { _, _, _ in }
    return handler
  }

  /// What the callbacks share: the parser context (for its line), the block builder and where
  /// full batches of blocks go.
  private struct SAXState {
    let context: htmlParserCtxtPtr
    let batch: Batch
    var builder = HTMLBlockBuilder()
    var roles = HTMLElementRoleCache()

    init(context: htmlParserCtxtPtr, batch: Batch) {
      self.context = context
      self.batch = batch
    }

    /// Hands the finished blocks over once there are a batch of them (blocks finish only when
    /// an element starts or ends).
    mutating func deliverFullBatch() {
      if builder.blocks.count >= batch.size { batch.deliver(builder.takeBlocks()) }
    }

    static func from(_ pointer: UnsafeMutableRawPointer) -> UnsafeMutablePointer<SAXState> {
      pointer.assumingMemoryBound(to: SAXState.self)
    }

    /// The parser's current line.
    var line: Int { context.pointee.input.map { Int($0.pointee.line) } ?? 1 }

    /// Text handed over by the parser. A piece of `textPieceSize` bytes or more comes while the
    /// parser still stands on its last byte; when that byte is a line break, the parser has not
    /// counted it yet.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
      var endLine = line
      if bytes.count >= LibXML2HTMLReader.textPieceSize, bytes.last == 0x0A,
        let current = context.pointee.input?.pointee.cur, current.pointee == 0x0A
      {
        endLine += 1
      }
      builder.text(bytes, endLine: endLine)
    }
  }
}

/// Why libxml2 could not read all of an HTML text.
enum HTMLReadProblem: Error, Equatable, CustomStringConvertible {
  /// The text is longer than libxml2's `int` sizes allow.
  case tooLarge(bytes: Int)
  /// libxml2 could not create a parser (out of memory).
  case parserUnavailable
  /// The parser stopped before the end of the text.
  case stopped(line: Int, reason: String)

  /// A sentence for the report.
  var description: String {
    switch self {
    case .tooLarge(let bytes):
      return "the HTML is \(bytes) bytes long, more than the HTML parser can take (2 GiB); its text is not read"
    case .parserUnavailable:
      return "the HTML parser could not be started (out of memory); the text is not read"
    case .stopped(let line, let reason):
      let detail = reason.isEmpty ? "" : " (\(reason))"
      return "the HTML parser stopped at line \(line)\(detail); the text after it is missing"
    }
  }
}
