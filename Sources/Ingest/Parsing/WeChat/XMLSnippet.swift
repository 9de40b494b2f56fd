/// Pulling single values out of the small XML payloads WeChat stores in message content
/// (`<appmsg>`, `<wcpayinfo>`, `<refermsg>`), without a full XML parse.
enum XMLSnippet {
  /// The text of the first `<tag>…</tag>` element, CDATA unwrapped and entities decoded, or nil.
  static func text(of tag: String, in xml: some StringProtocol) -> String? {
    guard let open = xml.range(of: "<\(tag)>") ?? xml.range(of: "<\(tag) ") else { return nil }
    var start = open.upperBound
    if xml[open].hasSuffix(" ") {
      guard let close = xml[start...].firstIndex(of: ">") else { return nil }
      start = xml.index(after: close)
    }
    guard let end = xml[start...].range(of: "</\(tag)>") else { return nil }
    let inner = xml[start..<end.lowerBound]
    if inner.hasPrefix("<![CDATA["), inner.hasSuffix("]]>") {
      return String(inner.dropFirst(9).dropLast(3))
    }
    return TextEscapes.htmlUnescape(inner)
  }
}
