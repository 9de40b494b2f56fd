import Foundation
import Testing

@testable import Signals
import TestSupport

@Suite struct CaseFileTests {
  @Test func readsSubjectsAndTitle() throws {
    let file = try CaseFile.parse("title: 测试案\nsubjects: [小李, \" li_01 \", 小李]\n", file: "case.yml")
    #expect(file.title == "测试案")
    #expect(file.subjects == ["小李", "li_01"])
  }

  @Test func aSingleNameIsAListOfOne() throws {
    #expect(try CaseFile.parse("subjects: 小李\n", file: "case.yml").subjects == ["小李"])
  }

  @Test func commandLineSubjectsAreAddedAfterTheFilesOnes() {
    let file = CaseFile(subjects: ["小李", "阿杰"])
    #expect(CaseFile.subjects(file, adding: ["阿杰", "老猫"]) == ["小李", "阿杰", "老猫"])
    #expect(CaseFile.subjects(nil, adding: ["老猫"]) == ["老猫"])
  }

  @Test func errorsNameTheFileAndLine() {
    #expect(throws: CaseFileError.invalid(path: "x/case.yml", line: 2, message: "unknown key 'subject'; allowed: title, subjects")) {
      try CaseFile.parse("title: a\nsubject: [小李]\n", file: "x/case.yml")
    }
    #expect(throws: CaseFileError.invalid(path: "case.yml", line: 1, message: "subjects is missing; write subjects: [name, …]")) {
      try CaseFile.parse("title: a\n", file: "case.yml")
    }
    #expect(
      throws: CaseFileError.invalid(
        path: "case.yml", line: 3, message: "subject 2 is empty; a subject must be a name or account id (an empty one matches nobody)")
    ) {
      try CaseFile.parse("subjects:\n  - 小李\n  - ''\n", file: "case.yml")
    }
    let syntax = #expect(throws: CaseFileError.self) { try CaseFile.parse("subjects: [小李\n", file: "case.yml") }
    #expect(syntax?.description.hasPrefix("case.yml:") == true)
  }

  /// Every way of writing an empty subject is refused with case.yml's line, never read as a
  /// name: a subject "null" or "~" would only be warned about as matching nobody.
  @Test(arguments: [
    ("subjects: [\"\"]\n", 1), ("subjects: ['  ']\n", 1), ("subjects:\n  - 小李\n  -\n", 3),
    ("subjects:\n  - 小李\n  - ~\n", 3), ("subjects: [小李, null]\n", 1), ("subjects:\n  - NULL\n", 2),
    ("title: a\nsubjects:\n", 2), ("subjects: ~\n", 1),
  ])
  func emptySubjectsAreRefusedWithTheirLine(_ text: String, _ line: Int) {
    let error = #expect(throws: CaseFileError.self) { try CaseFile.parse(text, file: "ev/case.yml") }
    guard case .invalid(let path, let at, let message) = error else {
      Issue.record("not an invalid-file error: \(String(describing: error))")
      return
    }
    #expect(path == "ev/case.yml" && at == line, "\(text)")
    #expect(message.contains("empty"), "\(message)")
    #expect(error?.description.hasPrefix("ev/case.yml:\(line): ") == true)
  }

  /// A quoted "null" or "~" is a name as written (an account id may be anything).
  @Test func quotedNullIsAName() throws {
    #expect(try CaseFile.parse("subjects: ['null', \"~\"]\n", file: "case.yml").subjects == ["null", "~"])
  }

  /// A subject that is a list or a mapping is refused as not a name.
  @Test func nestedSubjectIsRefused() {
    #expect(throws: CaseFileError.invalid(path: "case.yml", line: 1, message: "subject 2 must be a name, not a list or a mapping")) {
      try CaseFile.parse("subjects: [小李, [阿强]]\n", file: "case.yml")
    }
  }

  @Test func loadFindsTheFileInTheFolderOrNothing() throws {
    let temporary = try TemporaryFolder("case-file")
    defer { temporary.remove() }
    let folder = temporary.url
    #expect(try CaseFile.load(folder: folder) == nil)
    try "subjects: [小李]\n".write(to: folder.appendingPathComponent("case.yml"), atomically: true, encoding: .utf8)
    #expect(try CaseFile.load(folder: folder)?.subjects == ["小李"])
  }
}
