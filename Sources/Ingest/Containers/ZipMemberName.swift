import Foundation
import ZIPFoundation

/// A ZIP member's name decoded from the raw bytes of its central-directory record.
///
/// The ZIP format knows two encodings: UTF-8 when general-purpose bit 11 is set, else CP437. In
/// practice names without the flag are in the encoding of the machine that made the archive:
/// UTF-8 from Info-ZIP `zip` on Linux and macOS (which may add the Unicode Path extra field
/// 0x7075), GBK/GB18030 from Chinese Windows. So a name is decoded as
/// 1. UTF-8 when bit 11 is set and the bytes are valid UTF-8;
/// 2. the Unicode Path extra field's UTF-8 name, when that field is version 1, its CRC-32 is
///    the raw name's (so it was written for this name, not left over from a rename) and its
///    name is valid UTF-8;
/// 3. UTF-8 when the bytes are valid UTF-8;
/// 4. GB18030 when they decode to plausible text (`TextDecoding.isPlausibleText`);
/// 5. CP437, every byte a character.
///
/// Control characters (a line break could forge a line in a citation) are written `%XX`, as
/// is `%` itself in a name that has any, so that two different names never look the same.
enum ZipMemberName {
  /// The name of the raw bytes `raw`, with the record's general-purpose `flags` and the data
  /// of its Unicode Path extra field, if any.
  static func decode(_ raw: [UInt8], flags: UInt16, unicodePath: [UInt8]?) -> String {
    escapingControls(decodedText(raw, flags: flags, unicodePath: unicodePath))
  }

  private static func decodedText(_ raw: [UInt8], flags: UInt16, unicodePath: [UInt8]?) -> String {
    if flags & (1 << 11) != 0, let text = String(validating: raw, as: UTF8.self) { return text }
    if let field = unicodePath, field.count > 5, field[0] == 1,
      UInt32(field.littleEndian(at: 1, width: 4)) == Data(raw).crc32(checksum: 0),
      let text = String(validating: field.dropFirst(5), as: UTF8.self)
    {
      return text
    }
    if let text = String(validating: raw, as: UTF8.self) { return text }
    if let text = GB18030.decode(raw), TextDecoding.isPlausibleText(text) { return text }
    return cp437(raw)
  }

  /// The bytes read as CP437 (IBM PC): ASCII below 0x80, and for each byte above the character
  /// of the code page's upper half.
  static func cp437(_ bytes: [UInt8]) -> String {
    String(String.UnicodeScalarView(bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : upperHalf[Int($0) - 0x80] }))
  }

  /// `name` with control characters, and with them `%`, written `%XX` (per UTF-8 byte).
  private static func escapingControls(_ name: String) -> String {
    guard name.unicodeScalars.contains(where: isControl) else { return name }
    var escaped = ""
    for scalar in name.unicodeScalars {
      guard isControl(scalar) || scalar == "%" else {
        escaped.unicodeScalars.append(scalar)
        continue
      }
      for byte in String(scalar).utf8 {
        let digits = String(byte, radix: 16, uppercase: true)
        escaped += "%" + (digits.count == 1 ? "0" : "") + digits
      }
    }
    return escaped
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// The characters of CP437's bytes 0x80 to 0xFF.
  private static let upperHalf: [Unicode.Scalar] = Array(
    ("ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
      + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}").unicodeScalars)
}
