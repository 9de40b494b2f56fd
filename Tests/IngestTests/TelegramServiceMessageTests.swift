import Foundation
import Testing

@testable import Ingest

/// A Telegram service message (a pin, a title change, an invitation) is an action, not speech:
/// a `system` unit whose text says it is a service event and whose speaker is the actor.
@Suite struct TelegramServiceMessageTests {
  /// A Telegram Desktop group export (`Fixtures/telegram-service/result.json`, also scanned by
  /// ReportTests' `TelegramServiceFindingTests`) whose first message is a service message.
  static var json: String {
    get throws { String(decoding: try Fixture.data("telegram-service/result.json"), as: UTF8.self) }
  }

  static let html = """
    <html><body>
    <div class="page_header"><div class="content"><div class="text bold">项目群</div></div></div>
    <div class="history">
     <div class="message service" id="message-1"><div class="body details">2 March 2023</div></div>
     <div class="message default clearfix" id="message101">
      <div class="body">
       <div class="pull_right date details" title="02.03.2023 20:11:00 UTC+08:00">20:11</div>
       <div class="from_name">张三</div>
       <div class="text">在吗</div>
      </div>
     </div>
     <div class="message service" id="message102"><div class="body details">张三 changed group title to «后台控制输赢代理群»</div></div>
     <div class="message default clearfix joined" id="message103">
      <div class="body">
       <div class="pull_right date details" title="02.03.2023 20:12:00 UTC+08:00">20:12</div>
       <div class="text">好的</div>
      </div>
     </div>
     <div class="message service" id="message104"><div class="body details">Bob Unknown invited 张三</div></div>
     <div class="message default clearfix" id="message105">
      <div class="body">
       <div class="pull_right date details" title="02.03.2023 20:13:00 UTC+08:00">20:13</div>
       <div class="from_name">张三三</div>
       <div class="text">收到</div>
      </div>
     </div>
     <div class="message service" id="message106"><div class="body details">张三三 pinned this message</div></div>
    </div>
    </body></html>

    """

  @Test func jsonServiceMessagesAreActionsOfTheirActor() throws {
    let document = EvidenceReader.read(data: Data(try Self.json.utf8), path: "result.json")
    #expect(document.format == .telegramJSON)
    let title = try #require(document.units.first { $0.attributes["messageID"] == "1" })
    #expect(title.kind == .system)
    #expect(title.speaker == "张三" && title.speakerID == "user1001")
    #expect(title.text == "[service: edit_group_title] 后台控制输赢代理群")
    #expect(title.attributes[TextUnit.serviceActionAttribute] == "edit_group_title")
    #expect(title.line == 6 && title.firstBodyLine == 13 && title.fileLine(ofTextLine: 0) == 13, "cited at its title's line")
    let pin = try #require(document.units.first { $0.attributes["messageID"] == "3" })
    #expect(pin.text == "[service: pin_message] message 2")
    let invite = try #require(document.units.first { $0.attributes["messageID"] == "4" })
    #expect(invite.text == "[service: invite_members] 王五, 赵六")
    #expect(invite.speaker == "李四")
    let unnamed = try #require(document.units.first { $0.attributes["messageID"] == "5" })
    #expect(unnamed.text == "[service]" && unnamed.speaker == nil)
    #expect(unnamed.attributes[TextUnit.serviceActionAttribute] == "service")
    let message = try #require(document.units.first { $0.attributes["messageID"] == "2" })
    #expect(message.kind == .message && message.text == "在吗" && message.attributes[TextUnit.serviceActionAttribute] == nil)
  }

  /// The actor of an HTML service text is the longest sender name of the page it starts with; a
  /// service block does not change whom a `joined` message inherits its sender from.
  @Test func htmlServiceMessagesNameTheirActorWhenThePageKnowsIt() throws {
    let document = EvidenceReader.read(data: Data(Self.html.utf8), path: "messages.html")
    #expect(document.format == .telegramHTML)
    let units = Dictionary(uniqueKeysWithValues: document.units.map { ($0.attributes["messageID"] ?? "", $0) })
    let title = try #require(units["message102"])
    #expect(title.kind == .system)
    #expect(title.speaker == "张三")
    #expect(title.text == "[service] 张三 changed group title to «后台控制输赢代理群»")
    #expect(title.attributes[TextUnit.serviceActionAttribute] == "service")
    #expect(units["message103"]?.speaker == "张三")
    #expect(units["message104"]?.speaker == nil, "an actor who sends nothing on the page is not guessed")
    #expect(units["message104"]?.text == "[service] Bob Unknown invited 张三")
    #expect(units["message106"]?.speaker == "张三三", "the longest sender name wins")
    #expect(units["message105"]?.attributes[TextUnit.serviceActionAttribute] == nil)
  }

  @Test func actorsAreWholeNamesFollowedByASpace() {
    let senders: Set<String> = ["Alice", "Alice Example", "Bob"]
    #expect(TelegramServiceEvent.actor(of: "Alice Example invited Bob", among: senders) == "Alice Example")
    #expect(TelegramServiceEvent.actor(of: "Alice invited Bob", among: senders) == "Alice")
    #expect(TelegramServiceEvent.actor(of: "Alicia invited Bob", among: senders) == nil)
    #expect(TelegramServiceEvent.actor(of: "Bob", among: senders) == nil)
  }
}
