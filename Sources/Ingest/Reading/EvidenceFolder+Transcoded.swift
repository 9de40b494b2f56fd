import Foundation

extension EvidenceFolder {
  /// Reads in pieces a text file in UTF-16, GB18030 or Big5 (told from its first 64 KiB, Big5
  /// when GB18030 does not read it as plausible text) in a format that can be cut, through a
  /// UTF-8 copy in the temporary folder (`TranscodedCopy`), handing each piece to `consume`;
  /// returns the manifest document, with the evidence file's hash, size and encoding and, for
  /// damaged GB18030, the warning naming the lines whose bytes were replaced: what reading the
  /// text decoded in memory in pieces gives. Nil when the file is not such a text, or when the
  /// copy could not be made or written: `problem` then says why, for the manifest. A file that
  /// could not be read or changed while it was read is an error document.
  func readTranscoded(
    _ entry: EvidenceEntry, streaming policy: StreamingPolicy, problem: inout String?,
    pieces consume: (EvidenceDocument) -> Void
  ) -> EvidenceDocument? {
    guard entry.relativePath != options.caseFileName,
      let head = SequentialFile(path: entry.systemPath, io: io)?.read(upTo: TextDecoding.sniffLength),
      BinarySignature.detect(head) == nil, let plan = RereadDecoding.plan(TextDecoding.sniff(head, rereadFrom: 0))
    else { return nil }
    let path = entry.relativePath
    // The evidence folder is only read: no copy is made inside it.
    if case .success(let copyFolder) = FileSystem.realPath(Array(decodedCopyFolder.path.utf8)),
      FolderWalker.isInside(copyFolder, root: realRoot)
    {
      problem = "its UTF-8 copy would be made in \(decodedCopyFolder.path), inside the evidence folder"
      return nil
    }
    var failed = EvidenceDocument(path: path, sha256: "", bytes: 0, format: .unknown, status: .error)
    let copy: TranscodedCopy
    // The copy is given up after its first piece when a whole read would not cut the text into
    // pieces either (a format that cannot be cut, lone carriage returns).
    let accepted = TranscodedCopy.Head(bytes: policy.pieceBytes) { [options, unitSieve] start in
      let text = DecodedTextPieces(text: String(decoding: start, as: UTF8.self), sha256: "", size: start.count)
      return PieceStream(
        file: text, rereader: { _ in text }, path: path, policy: policy, options: options, sieve: unitSieve) != nil
    }
    switch TranscodedCopy.make(plan: plan, in: decodedCopyFolder, head: accepted, registry: temporaryFiles, open: {
      SequentialFile(path: entry.systemPath, io: io)
    }) {
    case .copied(let made):
      copy = made
    case .none(let reason):
      // The file is read another way next: the buffers of the copy's first pieces, kept for
      // reuse, would add to what that reading holds.
      FreedMemory.release()
      problem = reason
      return nil
    case .unreadable(let reason):
      failed.reason = IngestError.unreadable(path: path, reason: reason).description
      consume(failed)
      return failed
    case .changed(let change):
      failed.reason = "\(IngestError.changedWhileReading(path: path).description) (\(change))"
      consume(failed)
      return failed
    }
    defer { copy.remove() }
    let copyPath = Array(copy.path.utf8)
    guard let file = SequentialFile(path: copyPath, io: io),
      let stream = PieceStream(
        file: file, rereader: { [io] in EvidenceRereader(path: copyPath, io: io, sha256: $0) }, path: path,
        policy: policy, options: options, sieve: unitSieve, encoding: copy.encoding)
    else { return nil }
    var document = wholeReads.whileReserving(wholeReads.capacity / 2) { stream.run(consume) }
    if document.status == .error, let reason = document.reason {
      document.reason = "\(reason) (its UTF-8 copy, decoded from \(copy.encoding.rawValue))"
    }
    document.sha256 = copy.sha256
    document.bytes = copy.size
    if let damage = copy.damage {
      document.diagnostics.insert(damage.diagnostic(path: path), at: 0)
      if document.status != .error { EvidenceReader.settleStatus(&document) }
    }
    if copy.size >= FreedMemory.trimAfterBytes { FreedMemory.release() }
    return document
  }
}
