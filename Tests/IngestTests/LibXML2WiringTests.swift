import CLibXML2
import Foundation
import Testing

/// The libxml2 system-library target builds beside Foundation and parses HTML with line numbers.
///
/// Guards the `shim.h` work-around for the ICU clash. Saved pages and HTML e-mail bodies are read
/// through libxml2's SAX parser (`LibXML2HTMLReader`); QQ MHT and Telegram HTML still use the
/// line-tracking tokenizer in `Sources/Ingest/Parsing/HTML`.
@Suite struct LibXML2WiringTests {
  @Test func htmlReadMemoryRecoversBrokenMarkupWithLineNumbers() throws {
    let html = "<html><body>\n<p>第一行\n<p>后台控制输赢<b>未闭合\n</body>"
    let bytes = Array(html.utf8)
    let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
    let document = try #require(
      bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { pointer in
          pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            htmlReadMemory($0, Int32(buffer.count), "test.html", "UTF-8", options)
          }
        } ?? nil
      })
    defer { xmlFreeDoc(document) }
    var lines: [Int: String] = [:]
    func walk(_ node: xmlNodePtr?) {
      var current = node
      while let node = current {
        if node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name,
          String(cString: name) == "p", let content = xmlNodeGetContent(node)
        {
          lines[Int(xmlGetLineNo(node))] = String(cString: content)
          free(content)  // libxml2 allocates with malloc unless xmlMemSetup changed it
        }
        walk(node.pointee.children)
        current = node.pointee.next
      }
    }
    walk(xmlDocGetRootElement(document))
    #expect(lines[2]?.hasPrefix("第一行") == true)
    #expect(lines[3]?.hasPrefix("后台控制输赢") == true)
  }
}
