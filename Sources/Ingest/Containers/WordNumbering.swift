/// Word's automatic list numbering (`word/numbering.xml`), rebuilt so a numbered paragraph's text
/// starts with the label a reader sees: a heading typed as `开发内容` in a list whose level text
/// is `第%1条` with `chineseCounting` reads `第三条 开发内容`.
///
/// Counters run per list instance (`w:num`) and level in document order; a level restarts when a
/// shallower level of the same list advances. Supported number formats: decimal, Chinese
/// counting (一二三, also 千-style), Chinese legal (壹贰叁), 甲乙丙, letters, Roman numerals,
/// `none` (bullets get no label); other formats fall back to decimal. A paragraph numbered through
/// its paragraph style (`w:pStyle` → `word/styles.xml` `w:numPr`, inherited along `w:basedOn`) is
/// numbered like one with a direct `w:numPr`; its level is the paragraph's own `w:ilvl`, else the
/// style's, else the level of the list definition that names the style (`w:lvl/w:pStyle`), else 0.
/// Numbering on the document's default paragraph style (applied without any `w:pStyle`) is not applied.
struct WordNumbering: Sendable {
  /// One level of an abstract list definition.
  struct Level: Sendable, Equatable {
    var start = 1
    var format = "decimal"
    var text = ""
    var suffix = "tab"
    /// The paragraph style this level belongs to (`w:lvl/w:pStyle`), if any.
    var paragraphStyle: String?
  }

  /// The list numbering a paragraph style sets or inherits.
  struct StyleNumbering: Sendable, Equatable {
    /// The style's own `w:numPr/w:numId`, if any.
    var numID: String?
    /// The style's own `w:numPr/w:ilvl`, if any.
    var level: Int?
    /// The style it is based on (`w:basedOn`), if any.
    var basedOn: String?
  }

  /// A paragraph's list label and what Word puts between it and the text.
  struct Label: Sendable, Equatable {
    /// The label as shown (`第三条`, `1.`, `(a)`).
    let text: String
    /// A space for Word's tab or space suffix, empty for `nothing`.
    let separator: String
  }

  /// Levels by abstract list id, then level index.
  private var abstractLevels: [String: [Int: Level]] = [:]
  /// Abstract list id and start overrides by list instance id.
  private var instances: [String: (abstract: String, startOverrides: [Int: Int])] = [:]
  /// Current counters by list instance id, then level index.
  private var counters: [String: [Int: Int]] = [:]
  /// Numbering by paragraph style id (from `word/styles.xml`).
  private var styles: [String: StyleNumbering] = [:]

  /// Reads the definitions in a `word/numbering.xml` part; unreadable markup yields what was read.
  init(_ xml: [UInt8]) {
    var abstractID: String?
    var level: (index: Int, value: Level)?
    var instanceID: String?
    var overrideLevel: Int?
    var reader = XMLEventReader(xml)
    _ = reader.run { event in
      switch event {
      case .start(let name, let attributes, let selfClosing):
        let value = attributes["w:val"]
        switch name {
        case "w:abstractNum": abstractID = attributes["w:abstractNumId"]
        case "w:lvl" where abstractID != nil && !selfClosing:
          level = (Int(attributes["w:ilvl"] ?? "") ?? 0, Level())
        case "w:start": if let number = value.flatMap({ Int($0) }) { level?.value.start = number }
        case "w:numFmt": if let value { level?.value.format = value }
        case "w:lvlText": if let value { level?.value.text = value }
        case "w:suff": if let value { level?.value.suffix = value }
        case "w:pStyle": if let value { level?.value.paragraphStyle = value }
        case "w:num": instanceID = attributes["w:numId"]
        case "w:abstractNumId":
          if let instanceID, let value { instances[instanceID] = (value, [:]) }
        case "w:lvlOverride": overrideLevel = Int(attributes["w:ilvl"] ?? "")
        case "w:startOverride":
          if let instanceID, let overrideLevel, let number = value.flatMap({ Int($0) }) {
            instances[instanceID]?.startOverrides[overrideLevel] = number
          }
        default: break
        }
      case .end(let name):
        switch name {
        case "w:lvl":
          if let abstractID, let (index, value) = level { abstractLevels[abstractID, default: [:]][index] = value }
          level = nil
        case "w:abstractNum": abstractID = nil
        case "w:num": instanceID = nil
        case "w:lvlOverride": overrideLevel = nil
        default: break
        }
      case .text: break
      }
    }
  }

  /// No list definitions: no paragraph gets a label.
  static let empty = WordNumbering([])

  /// Reads the numbering of the paragraph styles in a `word/styles.xml` part.
  mutating func readStyles(_ xml: [UInt8]) {
    var current: (id: String, value: StyleNumbering)?
    var propertiesDepth = 0
    var reader = XMLEventReader(xml)
    _ = reader.run { event in
      switch event {
      case .start(let name, let attributes, let selfClosing):
        let value = attributes["w:val"]
        switch name {
        case "w:style" where !selfClosing:
          current = attributes["w:type"] == "paragraph" ? attributes["w:styleId"].map { ($0, StyleNumbering()) } : nil
        case "w:basedOn": current?.value.basedOn = value
        case "w:pPr": if !selfClosing { propertiesDepth += 1 }
        case "w:numId" where propertiesDepth > 0: current?.value.numID = value
        case "w:ilvl" where propertiesDepth > 0: current?.value.level = value.flatMap { Int($0) }
        default: break
        }
      case .end(let name):
        switch name {
        case "w:pPr": propertiesDepth = max(0, propertiesDepth - 1)
        case "w:style":
          if let (id, value) = current { styles[id] = value }
          current = nil
        default: break
        }
      case .text: break
      }
    }
  }

  /// The list and level of a paragraph from its direct `w:numId`/`w:ilvl` and its paragraph
  /// style, or nil when it is not numbered (no list, or `w:numId` 0, which switches a style's
  /// numbering off).
  func list(numID: String?, level: Int?, style: String?) -> (numID: String, level: Int)? {
    var styleNumID: String?
    var styleLevel: Int?
    var next = style
    var visited: Set<String> = []
    while let id = next, visited.insert(id).inserted, let numbering = styles[id] {
      styleNumID = styleNumID ?? numbering.numID
      styleLevel = styleLevel ?? numbering.level
      next = numbering.basedOn
    }
    guard let list = numID ?? styleNumID, list != "0" else { return nil }
    if let level = level ?? styleLevel { return (list, level) }
    let linked = style.flatMap { style in
      instances[list].flatMap { abstractLevels[$0.abstract] }?.first { $0.value.paragraphStyle == style }?.key
    }
    return (list, linked ?? 0)
  }

  /// Advances list `numID` at level `levelIndex` and returns the label to put before the
  /// paragraph's text, or nil when the list or level is not defined or shows nothing.
  mutating func nextLabel(numID: String, level levelIndex: Int) -> Label? {
    guard let instance = instances[numID], let levels = abstractLevels[instance.abstract],
      let level = levels[levelIndex], level.format != "bullet"
    else { return nil }
    var current = counters[numID, default: [:]]
    let start = { (index: Int) in instance.startOverrides[index] ?? levels[index]?.start ?? 1 }
    current[levelIndex] = current[levelIndex].map { $0 + 1 } ?? start(levelIndex)
    for deeper in current.keys where deeper > levelIndex { current[deeper] = nil }
    counters[numID] = current
    var label = ""
    var rest = Substring(level.text)
    while let percent = rest.firstIndex(of: "%") {
      label += rest[..<percent]
      let digit = rest.index(after: percent)
      guard digit < rest.endIndex, let number = rest[digit].wholeNumberValue, number >= 1 else {
        label += "%"
        rest = rest[digit...]
        continue
      }
      let index = number - 1
      let format = levels[index]?.format ?? "decimal"
      label += Self.formatted(current[index] ?? start(index), format: format)
      rest = rest[rest.index(after: digit)...]
    }
    label += rest
    guard !label.isEmpty else { return nil }
    return Label(text: label, separator: level.suffix == "nothing" ? "" : " ")
  }

  /// `number` written in the Word number format `format`.
  static func formatted(_ number: Int, format: String) -> String {
    switch format {
    case "none": ""
    case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand":
      ChineseNumeral.counting(number, digits: ChineseNumeral.plainDigits, units: ChineseNumeral.plainUnits)
    case "chineseLegalSimplified":
      ChineseNumeral.counting(number, digits: ChineseNumeral.legalDigits, units: ChineseNumeral.legalUnits)
    case "ideographTraditional":
      number >= 1 && number <= 10 ? String(Array("甲乙丙丁戊己庚辛壬癸")[number - 1]) : String(number)
    case "lowerLetter": letters(number).lowercased()
    case "upperLetter": letters(number)
    case "lowerRoman": roman(number).lowercased()
    case "upperRoman": roman(number)
    default: String(number)
    }
  }

  /// Word's letter numbering: A…Z, then AA…ZZ, AAA….
  private static func letters(_ number: Int) -> String {
    guard number >= 1 else { return String(number) }
    let letter = Character(UnicodeScalar(UInt8(65 + (number - 1) % 26)))
    return String(repeating: letter, count: (number - 1) / 26 + 1)
  }

  /// Roman numerals for 1…3999; other numbers in decimal.
  private static func roman(_ number: Int) -> String {
    guard number >= 1 && number < 4000 else { return String(number) }
    let table: [(Int, String)] = [
      (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]
    var rest = number
    var text = ""
    for (value, symbol) in table {
      while rest >= value {
        text += symbol
        rest -= value
      }
    }
    return text
  }
}
