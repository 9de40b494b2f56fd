/// Big5 decoding (traditional Chinese, as Taiwan and Hong Kong tools save text), tried only for
/// bytes that GB18030 does not read as plausible text: Big5's frequent characters fall in
/// GB18030's private-use rows, so Big5 read as GB18030 is rarely plausible, while GB18030 read as
/// Big5 often is. The charset is Big5-HKSCS, a superset of Big5; a character may give two scalars
/// or one of four UTF-8 bytes, so a byte gives at most two UTF-8 bytes.
enum Big5 {
  /// The iconv charset read.
  static let charset = "BIG5-HKSCS"
  /// The most UTF-8 bytes one byte of Big5-HKSCS gives.
  static let utf8PerByte = 2.0

  /// The text of `bytes`, or nil when they are not valid Big5-HKSCS or their text is not
  /// plausible (`TextDecoding.isPlausibleText`).
  static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
    guard let text = Iconv.decode(bytes, from: charset, utf8PerByte: utf8PerByte), TextDecoding.isPlausibleText(text)
    else { return nil }
    return text
  }
}
