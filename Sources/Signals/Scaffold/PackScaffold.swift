import Foundation

/// Writes the starting files of a lexicon pack for a new case type: `<id>.yml` with one worked
/// rule, and `<id>.test.txt` with annotated lines, both loading and passing as written.
///
/// The worked rule is a template to replace, not a rule to keep: its examples show the shape a
/// real rule needs (three hits, three everyday uses of the same words that must stay silent).
public struct PackScaffold: Sendable {
  /// The pack id: lower-case ASCII words joined by dashes, e.g. `loan-fraud`.
  public var packID: String

  /// Creates a scaffold for `packID`.
  public init(packID: String) { self.packID = packID }

  /// Whether `packID` is a valid pack id.
  public var isValidID: Bool {
    packID.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil
  }

  /// The pack file's text.
  public var packText: String {
    """
    lexicon: 1
    pack:
      id: \(packID)
      title: 新案件类型（请改为中文名称）
      version: "1"
      description: |
        写明本包针对的案件类型、证据来源和已知局限。规则要从多样、真实的表达中归纳，
        不要为某一句话量身定制；每个黑话词都要配上它的日常含义作为 ok 示例。

    terms:
      platform: [平台, 网站, 盘口, 系统]
      control: [控制输赢, 改赔率, 调杀率]

    rules:
      - id: \(packID).example-control
        title: 要求后台控制输赢（示例规则，请替换）
        level: high
        weight: 0.8
        match:
          all:
            - any: [$platform]
            - any: [$control]
          near: 12
        clauses: [interp2019.art11.4]
        description: 示例：同一消息里出现平台和控制输赢的要求。
        falsepositives: [游戏活动中公开透明的概率配置]
        examples:
          hit:
            - ⟦平台后台要能控制输赢⟧，想让谁赢就让谁赢
            - 这个盘口得能调杀率，不然不赚钱
            - 网站要做改赔率的功能，我们自己控
          ok:
            - 抽奖活动的概率要在页面公示
            - 平台不能控制输赢，这个我们不做
            - 游戏里的掉落率按策划文档配置
    """ + "\n"
  }

  /// The annotated test file's text.
  public var testText: String {
    """
    # Annotated test lines for the \(packID) pack: each annotation applies to the next line.
    # ruleid: \(packID).example-control
    系统后台可以控制输赢吗，要能随时调
    # ok: \(packID).example-control
    客服系统后台可以导出工单
    """ + "\n"
  }

  /// Writes `<id>.yml` and `<id>.test.txt` into `directory`; refuses to overwrite either.
  public func write(into directory: URL) throws(LexiconError) -> [URL] {
    let files = [
      (directory.appendingPathComponent("\(packID).yml"), packText),
      (directory.appendingPathComponent("\(packID).test.txt"), testText),
    ]
    for (url, _) in files where FileManager.default.fileExists(atPath: url.path) {
      throw .cannotWrite(path: url.path, reason: "the file exists; choose another pack id or move it")
    }
    for (url, text) in files {
      do {
        try text.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        throw .cannotWrite(path: url.path, reason: error.localizedDescription)
      }
    }
    return files.map(\.0)
  }
}
