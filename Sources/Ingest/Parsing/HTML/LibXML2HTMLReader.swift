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

  /// The visible text blocks of the HTML `text`. Whenever `batchSize` blocks are done they are
  /// handed to `deliver` instead of being kept, so a large page never holds all its blocks at
  /// once; the result holds the blocks not delivered.
  ///
  /// libxml2 reads the text's own UTF-8 where it stands (see `context(reading:count:)`):
  /// `withCString` hands over the storage of a native string without copying it (a string without
  /// contiguous UTF-8 storage is copied once by the standard library) and guarantees the NUL
  /// after its last byte, which libxml2's parser reads as the end of its input.
  static func read(
    _ text: String, batchSize: Int = .max, deliver: ([HTMLBlockCollector.Block]) -> Void = { _ in }
  ) -> Result {
    withoutActuallyEscaping(deliver) { deliver in
      text.withCString { start in
        read(start, count: text.utf8.count, batch: Batch(size: max(batchSize, 1), deliver: deliver))
      }
    }
  }

  /// Where finished blocks go while the page is read.
  private struct Batch {
    let size: Int
    let deliver: ([HTMLBlockCollector.Block]) -> Void
  }

  /// Reads the `count` UTF-8 bytes at `start`, which a NUL byte follows.
  private static func read(_ start: UnsafePointer<CChar>, count: Int, batch: Batch) -> Result {
    guard count > 0 else { return Result(blocks: []) }
    guard count <= Int(Int32.max) else { return Result(blocks: [], problem: .tooLarge(bytes: count)) }
    _ = initialized
    guard let context = context(reading: start, count: count) else {
      return Result(blocks: [], problem: .parserUnavailable)
    }
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
    if consumed >= 0, consumed < count {
      let message = context.pointee.lastError.message.map { String(cString: $0) }
      result.problem = .stopped(line: state.pointee.line, reason: message?.trimmingSpaces ?? "")
    }
    return result
  }

  /// An HTML parser context over the `count` bytes at `start` as they stand, or nil when libxml2
  /// cannot allocate one.
  ///
  /// `htmlCreateMemoryParserCtxt` would copy the whole input into a buffer of libxml2's own (as
  /// large as the page, rounded up to a power of two). Here the input stream has no buffer at all:
  /// its `base`, `cur` and `end` point into the bytes, the shape libxml2 gives a string input
  /// (`xmlNewStringInputStream`), but with the length given, so a NUL character inside the text
  /// does not end it. Without a buffer libxml2 never grows, shrinks, re-encodes or frees the input
  /// (`input->free` stays nil) and never writes to it; it reads the byte after the last one as the
  /// end of the input, as it does in its own buffers, which it ends with a NUL: here that NUL is
  /// the one `String.withCString` guarantees (see `read(_:batchSize:deliver:)`).
  ///
  /// A static input buffer (`xmlParserInputBufferCreateStatic`) would not do: libxml2 2.9.14
  /// shrinks it by moving its start without moving the input's `base`, and the parser then reads
  /// the page again from near its beginning. libxml2's own copy had a fault of its own: when the
  /// copy was reallocated while a long name after `&` was being read, the part of the name read
  /// so far was lost from the text; an input that never moves keeps it.
  private static func context(reading start: UnsafePointer<CChar>, count: Int) -> htmlParserCtxtPtr? {
    guard let context = htmlNewParserCtxt() else { return nil }
    guard let input = xmlNewInputStream(context) else {
      htmlFreeParserCtxt(context)
      return nil
    }
    let bytes = UnsafeRawPointer(start).assumingMemoryBound(to: xmlChar.self)
    input.pointee.base = bytes
    input.pointee.cur = bytes
    input.pointee.end = bytes + count
    input.pointee.length = Int32(count)
    // From here the context owns the input; `inputPush` frees it itself when it fails.
    guard inputPush(context, input) >= 0 else {
      htmlFreeParserCtxt(context)
      return nil
    }
    return context
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
