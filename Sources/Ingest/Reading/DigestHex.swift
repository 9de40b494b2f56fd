import Crypto

extension SHA256.Digest {
  /// Lower-case hex, as written in `EvidenceDocument.sha256`.
  var lowercaseHex: String {
    let digits = Array("0123456789abcdef".utf8)
    var bytes: [UInt8] = []
    for byte in self {
      bytes.append(digits[Int(byte >> 4)])
      bytes.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
