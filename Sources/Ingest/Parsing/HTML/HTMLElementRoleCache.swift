import CLibXML2

/// Element roles by the address of the name libxml2 passes to the SAX callbacks, so the hot path
/// neither builds a `String` nor hashes one per element.
///
/// libxml2 hands element names out of the parser's dictionary (or static literals for implied
/// elements), so one name comes back at one address for the whole parse; a hit is still confirmed
/// by comparing the bytes with a copy taken when the entry was made.
struct HTMLElementRoleCache {
  /// How many distinct names are remembered; further names are classified every time.
  static let capacity = 64

  private struct Entry {
    let address: UnsafePointer<xmlChar>
    /// The name's bytes with the terminating NUL.
    let name: [xmlChar]
    let role: HTMLElementRole
  }

  private var entries: [Entry] = []

  /// The role of the element called `name` (NUL-terminated, lower case).
  mutating func role(of name: UnsafePointer<xmlChar>) -> HTMLElementRole {
    for index in entries.indices where entries[index].address == name {
      let confirmed = entries[index].name.withUnsafeBufferPointer { copy in
        copy.baseAddress.map { xmlStrEqual($0, name) != 0 } ?? false
      }
      if confirmed { return entries[index].role }
    }
    let text = String(cString: name)
    let role = HTMLElementRole(name: text)
    if entries.count < Self.capacity { entries.append(Entry(address: name, name: Array(text.utf8) + [0], role: role)) }
    return role
  }
}
