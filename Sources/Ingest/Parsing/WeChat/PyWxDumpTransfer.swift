/// A transfer row as PyWxDump rewrites it (export-formats.md §1.4):
/// `转账：￥200.00\n转账说明：房租\n转账时间：…` or `已收款：￥200.00\n…`.
struct PyWxDumpTransfer {
  /// `转账` (sent) or `已收款` (received).
  let state: String
  /// The amount in fen, when the first line has one.
  let amountFen: Int?
  /// The `转账说明` memo, when not empty.
  let memo: String?

  /// The states PyWxDump writes before the amount.
  static let states = ["转账", "已收款"]

  /// Reads `msg`; nil when it is not a transfer.
  init?(_ msg: String) {
    let lines = msg.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first,
      let state = Self.states.first(where: { first.hasPrefix($0 + "：") })
    else { return nil }
    self.state = state
    amountFen = AmountText.fen(first.dropFirst(state.count + 1))
    let memoPrefix = "转账说明："
    let memoText = lines.first { $0.hasPrefix(memoPrefix) }.map { String($0.dropFirst(memoPrefix.count)) } ?? ""
    memo = memoText.isEmpty ? nil : memoText
  }
}
