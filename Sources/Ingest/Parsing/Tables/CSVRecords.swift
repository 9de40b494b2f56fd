/// RFC 4180 CSV records read from physical lines, each field knowing the line it starts on, one
/// record at a time so that a large table is never held whole.
///
/// Quoted fields may span lines (the break is kept as `\n`); doubled quotes are unescaped.
enum CSVRecords {
  /// One field and the 1-based line its value starts on.
  struct Field: Sendable {
    let value: String
    let line: Int
  }

  /// One record and the lines it spans.
  struct Record: Sendable {
    let fields: [Field]
    let firstLine: Int
    let lastLine: Int
  }

  /// Reads `source` as comma-separated values, handing each record (the header included) to
  /// `body` in file order; blank lines between records are skipped. Returns the first line of a
  /// record the file ended inside (a quoted field never closed), which is not handed over.
  static func read(_ source: SourceText, _ body: (Record) -> Void) -> Int? {
    var fields: [Field] = []
    var value = ""
    var fieldLine = 1
    var recordLine = 1
    var inQuotes = false
    var fieldStarted = false
    var lineNumber = 0
    for line in source.lines {
      lineNumber += 1
      if !inQuotes {
        if line.isEmpty { continue }
        recordLine = lineNumber
        fieldLine = lineNumber
      } else {
        value.append("\n")
      }
      var scalars = line.unicodeScalars[...]
      while let scalar = scalars.first {
        scalars = scalars.dropFirst()
        if inQuotes {
          if scalar == "\"" {
            if scalars.first == "\"" {
              value.unicodeScalars.append("\"")
              scalars = scalars.dropFirst()
            } else {
              inQuotes = false
            }
          } else {
            value.unicodeScalars.append(scalar)
          }
        } else if scalar == "," {
          fields.append(Field(value: value, line: fieldLine))
          value = ""
          fieldStarted = false
          fieldLine = lineNumber
        } else if scalar == "\"" && !fieldStarted {
          inQuotes = true
          fieldStarted = true
        } else {
          value.unicodeScalars.append(scalar)
          fieldStarted = true
        }
      }
      if !inQuotes {
        fields.append(Field(value: value, line: fieldLine))
        body(Record(fields: fields, firstLine: recordLine, lastLine: lineNumber))
        fields = []
        value = ""
        fieldStarted = false
      }
    }
    return inQuotes ? recordLine : nil
  }

  /// The first record's values (the header row), if the file has one of more than one field: nil
  /// for a first non-empty line without a `,` byte (a one-field row is the header of no chat
  /// table), told from its bytes in place, as is the line's length; only a line that may be a
  /// header row is taken as a `Substring` and split.
  static func headerRow(_ source: SourceText) -> [String]? {
    var position: Int?
    source.lines.forEachUTF8(prefix: Int.max) { index, bytes in
      guard !bytes.isEmpty else { return true }
      if bytes.count <= headerRowLimit, bytes.contains(0x2C) { position = index }
      return false
    }
    guard let position else { return nil }
    return source.lines[position].split(separator: ",", omittingEmptySubsequences: false).map {
      String($0).trimmingQuotes
    }
  }
}

extension CSVRecords {
  /// The longest first line taken for a header row (bytes); a longer one (a page saved on one
  /// line, say) is no CSV header, and splitting it would cost the time of the whole file.
  static let headerRowLimit = 4_096
}

extension String {
  /// The text without one pair of surrounding double quotes.
  var trimmingQuotes: String {
    count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
  }
}
