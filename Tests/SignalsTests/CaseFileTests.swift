import Foundation
import Testing

@testable import Signals

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
    #expect(throws: CaseFileError.invalid(path: "case.yml", line: 3, message: "a subject must be a non-empty name")) {
      try CaseFile.parse("subjects:\n  - 小李\n  - ''\n", file: "case.yml")
    }
    let syntax = #expect(throws: CaseFileError.self) { try CaseFile.parse("subjects: [小李\n", file: "case.yml") }
    #expect(syntax?.description.hasPrefix("case.yml:") == true)
  }

  @Test func loadFindsTheFileInTheFolderOrNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("case-file-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CaseFile.load(folder: folder) == nil)
    try "subjects: [小李]\n".write(to: folder.appendingPathComponent("case.yml"), atomically: true, encoding: .utf8)
    #expect(try CaseFile.load(folder: folder)?.subjects == ["小李"])
  }
}
