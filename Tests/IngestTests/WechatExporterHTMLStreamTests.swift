import Testing

@testable import Ingest

/// WechatExporter HTML messages are handed over while the page is read, each with the name the
/// whole page's `<title>` gives, wherever the title stands.
@Suite struct WechatExporterHTMLStreamTests {
  static func page(titleBefore: String?, titleAfter: String?, count: Int) -> [UInt8] {
    let messages = (0..<count).map { index in
      """
      <div class="msg chat left " msgid="\(index)" msgtype="1"><div class="nt-box"><span class="dspname left" wxId="wxid_a">演示乙</span> 2021-03-04 12:\(String(format: "%02d", index % 60)):00</div>
      <div class="content-box"><span class="dont-break-out msg-text"><pre>第\(index)条</pre></span></div></div>
      """
    }
    let head = titleBefore.map { "<head><title>\($0)</title></head>" } ?? "<head></head>"
    let tail = titleAfter.map { "<TITLE>\($0)</TITLE>" } ?? ""
    return Array("<html>\(head)<body><div class=\"msgs\">\n\(messages.joined(separator: "\n"))\n</div>\(tail)</body></html>\n".utf8)
  }

  static func read(_ bytes: [UInt8]) -> [(id: String, name: String?)] {
    var seen: [(id: String, name: String?)] = []
    bytes.withUnsafeBufferPointer { page in
      WechatExporterHTMLMessages.read(page) { message, name in seen.append((message.id, name)) }
    }
    return seen
  }

  @Test func aTitleInTheHeadNamesEveryMessage() {
    let seen = Self.read(Self.page(titleBefore: "演示乙 - 微信聊天记录", titleAfter: nil, count: 50))
    #expect(seen.map(\.id) == (0..<50).map(String.init))
    #expect(seen.allSatisfy { $0.name == "演示乙" })
  }

  @Test func aTitleAfterTheMessagesStillNamesEveryMessage() {
    let late = Self.read(Self.page(titleBefore: nil, titleAfter: "迟到的标题", count: 20))
    #expect(late.count == 20 && late.allSatisfy { $0.name == "迟到的标题" })
    let both = Self.read(Self.page(titleBefore: "前", titleAfter: "后", count: 20))
    #expect(both.count == 20 && both.allSatisfy { $0.name == "前后" })
  }

  @Test func aPageWithoutATitleHasNoName() {
    let seen = Self.read(Self.page(titleBefore: nil, titleAfter: nil, count: 3))
    #expect(seen.count == 3 && seen.allSatisfy { $0.name == nil })
  }
}
