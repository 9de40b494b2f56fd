/// Tells a WhatsApp line that was meant as a message header but does not parse (a digit lost or
/// turned into a letter, a field too long, its delimiter damaged) from a continuation line, so
/// that the message under it is not given to the previous speaker.
///
/// WhatsApp writes no blank line between messages, so any line may be a header; an attempt must
/// therefore keep the header's frame, and only its numbers or its delimiter may be damaged. It
/// opens (after invisible marks and an optional `[`) with a date of three fields of one to four
/// characters, each holding an ASCII digit (the first opening with one; the others may be letters
/// or `?`, `*`, `#`, `_` standing for unreadable digits), separated by `-`, `/` or `.`; then an
/// optional `.` and `,`, white space, an optional `klo` or 上午-style word, a clock of two or three
/// such fields of one or two characters separated by `:` or `.` with at least two ASCII digits in
/// all, an optional AM/PM-like marker; and then
///
/// - the header's own delimiter: `] ` after a `[`, else ` - ` or `: `; or
/// - a damaged one, when what follows holds the `name: ` of a sender and does not open with an
///   ASCII digit: white space and up to two characters standing for the delimiter (`-`, `–`, `—`,
///   `−`, `－`, `~`, `_`, `=`, `]`, `)`, `}`, `】`, `］`, `|`) with or without the white space
///   around them; or, with none of these characters, white space alone after a `[` date (its `]`
///   lost) or after a date followed by a `,` (Android's `date, time`, its ` - ` lost).
///
/// So `3/6/18, 1:5X p.m. - Alex: hi`, `[12/03/2O23, 10:06:40] 老周: 好`, `3/6/18, 1:55 p.m. – 老周:
/// 好`, `3/6/18, 1:55 p.m.-老周: 好`, `3/6/18, 1:55 p.m. 老周: 好` and `[12/03/2023, 10:06:40 老周:
/// 好` are attempts, while `3/6/18 见面`, `12.5.2023 10.00 在银行`, `2023/03/01 10:06 到账`,
/// `2023/03/01 10:06 到账: 五千`, `2023/03/01 10:06-10:30 开会` and `2023/03/01 10:06 — 到了` are not.
enum WhatsAppHeaderAttempt {
  /// For a line that is an attempt at a header (see the type's comment): what follows its
  /// delimiter, the `name: text` or notice of the message; nil for any other line. Meant for
  /// lines `WhatsAppHeader.parse` does not read.
  static func rest(_ line: Substring) -> Substring? {
    var reader = TextCursor(line)
    reader.skip(while: WhatsAppHeader.isInvisible)
    let bracketed = reader.take("[")
    guard let lead = reader.peek, isDigit(lead) else { return nil }
    guard Self.field(&reader, maximum: 4) > 0, reader.take(oneOf: ["-", "/", "."]) != nil else { return nil }
    reader.skip(while: { $0 == " " })
    guard Self.field(&reader, maximum: 4) > 0, reader.take(oneOf: ["-", "/", "."]) != nil else { return nil }
    reader.skip(while: { $0 == " " })
    guard Self.field(&reader, maximum: 4) > 0 else { return nil }
    _ = reader.take(".")
    let comma = reader.take(",")
    guard reader.skip(while: \.isWhitespaceScalar) > 0 else { return nil }
    if reader.take("klo") { reader.skip(while: \.isWhitespaceScalar) }
    for (word, _) in WhatsAppHeader.prefixMarkers where reader.take(word) {
      reader.skip(while: \.isWhitespaceScalar)
      break
    }
    guard let hourLead = reader.peek, isDigit(hourLead) else { return nil }
    var clockDigits = Self.field(&reader, maximum: 2)
    guard reader.take(oneOf: [":", "."]) != nil else { return nil }
    clockDigits += Self.field(&reader, maximum: 2)
    var probe = reader
    if probe.take(oneOf: [":", "."]) != nil, probe.peek.map(Self.isDigitLike) == true {
      clockDigits += Self.field(&probe, maximum: 2)
      reader = probe
    }
    guard clockDigits >= 2 else { return nil }
    let clockEnd = reader
    var marker = reader
    marker.skip(while: \.isWhitespaceScalar)
    if marker.skip(while: { "aApPmM.".unicodeScalars.contains($0) }, maximum: 5) > 0 { reader = marker }
    if let rest = delimited(reader, bracketed: bracketed) { return rest }
    // What looked like a marker may open the name after a lost delimiter (`13:55 Amy: hi`).
    return damagedDelimiter(reader, bracketed: bracketed, comma: comma)
      ?? damagedDelimiter(clockEnd, bracketed: bracketed, comma: comma)
  }

  /// What follows the header's own delimiter at `reader` (`] ` after a `[`, else ` - ` or `: `), or
  /// nil when it is not there.
  private static func delimited(_ cursor: TextCursor, bracketed: Bool) -> Substring? {
    var reader = cursor
    if bracketed {
      guard reader.take("]"), reader.skip(while: \.isWhitespaceScalar) > 0 else { return nil }
      return reader.rest
    }
    if reader.take(":") {
      return reader.skip(while: \.isWhitespaceScalar) > 0 ? reader.rest : nil
    }
    guard reader.skip(while: \.isWhitespaceScalar) > 0, reader.take("-"), reader.skip(while: \.isWhitespaceScalar) > 0
    else { return nil }
    return reader.rest
  }

  /// Characters that may stand for a damaged delimiter.
  static let delimiterLike: [Unicode.Scalar] = ["-", "–", "—", "−", "－", "~", "_", "=", "]", ")", "}", "】", "］", "|"]

  /// What follows a damaged delimiter at `reader` (see the type's comment), or nil.
  private static func damagedDelimiter(_ cursor: TextCursor, bracketed: Bool, comma: Bool) -> Substring? {
    var reader = cursor
    let spaced = reader.skip(while: \.isWhitespaceScalar) > 0
    let marks = reader.skip(while: { delimiterLike.contains($0) }, maximum: 2)
    reader.skip(while: \.isWhitespaceScalar)
    guard marks > 0 || (spaced && (bracketed || comma)) else { return nil }
    let rest = reader.rest
    guard let lead = rest.unicodeScalars.first, !isDigit(lead), rest.utf8Range(of: ": ") != nil else { return nil }
    return rest
  }

  /// Whether `scalar` is an ASCII digit.
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  /// A character that may stand in a damaged date or clock for a digit (as in `HeaderAttempt`).
  static func isDigitLike(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && HeaderAttempt.isDigitLike(UInt8(scalar.value))
  }

  /// Reads up to `maximum` digit-like scalars; returns how many ASCII digits they held (0 when
  /// none was read or none was a digit).
  static func field(_ cursor: inout TextCursor, maximum: Int) -> Int {
    var digits = 0
    cursor.skip(
      while: { scalar in
        guard WhatsAppHeaderAttempt.isDigitLike(scalar) else { return false }
        if WhatsAppHeaderAttempt.isDigit(scalar) { digits += 1 }
        return true
      }, maximum: maximum)
    return digits
  }
}
