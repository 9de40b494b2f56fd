/// The names PyWxDump's `data.js` gives to wxids (`const local_user_list = {wxid: {remark,
/// nickname, …}}`) and the exporting account (`const local_mywxid = 'wxid_…'`).
struct PyWxDumpUserDirectory {
  /// Display name by wxid: the remark where set, else the nickname.
  private var names: [String: String] = [:]
  /// The exporting account's wxid, where the file names it.
  private(set) var owner: String?

  /// An empty directory (the `…json` export carries no names).
  init() {}

  /// Reads the user list and owner from the text of a `data.js`.
  init(dataJS text: String, lines: SourceLines, usersMarker: String, ownerMarker: String) {
    if let users = LineTrackingJSON.parseJavaScript(text, after: usersMarker)?.root, case .object(let members) = users.value {
      for (wxid, user) in members {
        let remark = user["remark"]?.string ?? ""
        let nickname = user["nickname"]?.string ?? ""
        if let name = [remark, nickname].first(where: { !$0.isEmpty }) { names[wxid] = name }
      }
    }
    for line in lines {
      let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
      guard trimmed.hasPrefix(ownerMarker) else { continue }
      let value = trimmed.dropFirst(ownerMarker.count).trimmingCharacters(in: " \t;'\"")
      if !value.isEmpty { owner = value }
      break
    }
  }

  /// The display name of `wxid`, or nil when the list does not name it.
  func name(of wxid: String) -> String? { names[wxid] }
}

extension Substring {
  /// The text without leading and trailing characters from `set`.
  fileprivate func trimmingCharacters(in set: String) -> String {
    String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
  }
}
