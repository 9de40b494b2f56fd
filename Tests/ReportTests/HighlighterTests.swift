import Testing

@testable import Report

@Suite struct HighlighterTests {
  func span(_ start: Int, _ end: Int, _ title: String, rank: Int = 2) -> HighlightSpan {
    HighlightSpan(start: start, end: end, title: title, style: "lvl-high", rank: rank)
  }

  @Test(arguments: [
    ("a&b", "a&amp;b"), ("<script>", "&lt;script&gt;"), ("\" onmouseover=", "&quot; onmouseover="),
    ("it's", "it&#39;s"), ("中文", "中文"),
  ])
  func escapesTheFiveSpecialCharacters(raw: String, expected: String) {
    #expect(HTML.escape(raw) == expected)
  }

  @Test func splitsLinesWithScalarOffsets() {
    let lines = Highlighter.lines(of: "做个菠菜平台\n后台\n")
    #expect(lines.map(\.start) == [0, 7, 10])
    #expect(lines.map(\.count) == [6, 2, 0])
    #expect(lines.map { String($0.text) } == ["做个菠菜平台", "后台", ""])
  }

  @Test func marksASpanOnItsLine() {
    let line = Highlighter.lines(of: "不做控制输赢的")[0]
    #expect(
      Highlighter.render(line, spans: [span(2, 6, "r · c")])
        == "不做<mark class=\"sig lvl-high\" title=\"r · c\">控制输赢</mark>的")
  }

  @Test func aSpanOnTheSecondLineLandsThere() {
    let lines = Highlighter.lines(of: "做个菠菜平台\n后台要能控制输赢")
    let spans = [span(11, 15, "t")]
    #expect(Highlighter.render(lines[0], spans: spans) == "做个菠菜平台")
    #expect(Highlighter.render(lines[1], spans: spans).contains(">控制输赢</mark>"))
  }

  @Test func aSpanAcrossALineBreakIsMarkedOnBothLines() {
    let lines = Highlighter.lines(of: "ab\ncd")
    let spans = [span(1, 4, "t")]
    #expect(Highlighter.render(lines[0], spans: spans).hasSuffix(">b</mark>"))
    #expect(
      Highlighter.render(lines[1], spans: spans).hasPrefix(
        "<mark class=\"sig lvl-high\" title=\"t\">c</mark>"))
  }

  @Test func overlappingSpansMergeTitlesAndTakeTheHighestRankedStyle() {
    let line = Highlighter.lines(of: "abcdef")[0]
    let low = HighlightSpan(start: 0, end: 4, title: "one", style: "suppressed", rank: 0)
    let high = HighlightSpan(start: 2, end: 6, title: "two", style: "lvl-high", rank: 3)
    #expect(
      Highlighter.render(line, spans: [low, high])
        == "<mark class=\"sig suppressed\" title=\"one\">ab</mark>"
        + "<mark class=\"sig lvl-high\" title=\"one\ntwo\">cd</mark>"
        + "<mark class=\"sig lvl-high\" title=\"two\">ef</mark>")
  }

  @Test func markedTextAndTitlesAreEscaped() {
    let line = Highlighter.lines(of: "<b>x</b>")[0]
    let html = Highlighter.render(line, spans: [span(0, 8, "\"><script>")])
    #expect(!html.contains("<b>"))
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;b&gt;x&lt;/b&gt;"))
  }

  @Test func longLinesAreShownAroundTheirHighlights() {
    let text = String(repeating: "甲", count: 5000) + "控制输赢" + String(repeating: "乙", count: 5000)
    let line = Highlighter.lines(of: text)[0]
    let html = Highlighter.render(line, spans: [span(5000, 5004, "t")])
    #expect(
      html
        == "<span class=\"elided\">…(4800 characters not shown)…</span>"
        + String(repeating: "甲", count: 200)
        + "<mark class=\"sig lvl-high\" title=\"t\">控制输赢</mark>"
        + String(repeating: "乙", count: 200)
        + "<span class=\"elided\">…(4800 characters not shown)…</span>")
  }

  @Test func longLinesWithoutHighlightsShowTheirBeginning() {
    let line = Highlighter.lines(of: String(repeating: "<", count: 4001))[0]
    #expect(
      Highlighter.render(line, spans: [])
        == String(repeating: "&lt;", count: 200)
        + "<span class=\"elided\">…(3801 characters not shown)…</span>")
  }

  @Test func nearbyWindowsInALongLineMerge() {
    let spans = [span(1000, 1002, "a"), span(1300, 1302, "b")]
    #expect(Highlighter.keptRanges(count: 9000, spans: spans) == [800..<1502])
    #expect(Highlighter.keptRanges(count: 30, spans: spans) == [0..<30])
  }

  @Test func outOfRangeSpansAreIgnored() {
    let line = Highlighter.lines(of: "abc")[0]
    #expect(Highlighter.render(line, spans: [span(5, 9, "t"), span(-3, 0, "t")]) == "abc")
  }
}
