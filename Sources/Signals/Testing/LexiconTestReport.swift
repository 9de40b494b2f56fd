import Foundation

/// The outcome of `LexiconTestRunner`: per-rule counts and every failing check.
public struct LexiconTestReport: Sendable, Hashable, Codable {
  /// One result per rule tested, sorted by pack file then rule id.
  public var rules: [RuleTestResult]
  /// Problems of annotated test files (unknown rule ids, annotations with no line); each counts
  /// as one failure.
  public var problems: [TestCheck]

  /// Rules whose every non-todo check passed.
  public var passed: Int { rules.filter(\.passed).count }
  /// Failing rules plus annotation-file problems.
  public var failed: Int { rules.filter { !$0.passed }.count + problems.count }

  /// Creates a report.
  public init(rules: [RuleTestResult], problems: [TestCheck]) {
    self.rules = rules
    self.problems = problems
  }

  private enum CodingKeys: String, CodingKey { case rules, problems, passed, failed }

  /// Decodes a report written by `encode(to:)`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    rules = try container.decode([RuleTestResult].self, forKey: .rules)
    problems = try container.decode([TestCheck].self, forKey: .problems)
  }

  /// Encodes the rules, problems and the two totals.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rules, forKey: .rules)
    try container.encode(problems, forKey: .problems)
    try container.encode(passed, forKey: .passed)
    try container.encode(failed, forKey: .failed)
  }

  /// A table for people, grouped by pack file, ending with the line `N passed, N failed`.
  public func render() -> String {
    var lines: [String] = []
    let width = max(rules.map(\.ruleID.count).max() ?? 0, 8)
    var currentFile: String?
    for rule in rules {
      if rule.file != currentFile {
        lines.append(rule.file)
        currentFile = rule.file
      }
      var row = "  \(rule.passed ? "✔" : "✖") \(rule.ruleID.padding(toLength: width, withPad: " ", startingAt: 0))"
      row += "   examples \(rule.examplesPassed)/\(rule.examplesTotal)"
      if rule.annotationsTotal > 0 { row += "   annotations \(rule.annotationsPassed)/\(rule.annotationsTotal)" }
      row += "   TP \(rule.truePositives)  TN \(rule.trueNegatives)  FP \(rule.falsePositives)  FN \(rule.falseNegatives)"
      if rule.todo > 0 { row += "   todo \(rule.todo)" }
      lines.append(row)
      for check in rule.checks.sorted(by: { $0.outcome.order < $1.outcome.order }) {
        lines += check.renderLines(indent: "      ")
      }
    }
    for problem in problems {
      lines.append("  ✖ \(problem.location)   \(problem.message)")
    }
    lines.append("\(passed) passed, \(failed) failed")
    return lines.joined(separator: "\n")
  }
}

/// The test outcome of one rule.
public struct RuleTestResult: Sendable, Hashable, Codable {
  /// The rule id.
  public var ruleID: String
  /// The pack file the rule came from.
  public var file: String
  /// Embedded examples (hit/ok) that passed, and their number.
  public var examplesPassed: Int
  /// Embedded `hit` and `ok` examples run.
  public var examplesTotal: Int
  /// Annotated test lines (ruleid/ok) that passed.
  public var annotationsPassed: Int
  /// Annotated test lines (ruleid/ok) run.
  public var annotationsTotal: Int
  /// Expected hits that fired.
  public var truePositives: Int
  /// Expected non-hits that stayed quiet.
  public var trueNegatives: Int
  /// Expected non-hits that fired.
  public var falsePositives: Int
  /// Expected hits that did not fire.
  public var falseNegatives: Int
  /// `todo_hit` / `todo_ok` / `todoruleid` / `todook` cases run (never failing).
  public var todo: Int
  /// Failures and notes, missed and unexpected listed separately.
  public var checks: [TestCheck]

  /// Whether no non-todo check failed.
  public var passed: Bool { !checks.contains { $0.outcome.isFailure } }

  /// Creates a result with zero counts.
  public init(ruleID: String, file: String) {
    self.ruleID = ruleID
    self.file = file
    examplesPassed = 0
    examplesTotal = 0
    annotationsPassed = 0
    annotationsTotal = 0
    truePositives = 0
    trueNegatives = 0
    falsePositives = 0
    falseNegatives = 0
    todo = 0
    checks = []
  }
}

/// One failed check, or a note about a todo case that now passes.
public struct TestCheck: Sendable, Hashable, Codable {
  /// What went wrong.
  public enum Outcome: String, Sendable, Hashable, Codable {
    /// An expected hit did not fire.
    case missed
    /// An expected non-hit fired.
    case unexpected
    /// The hit fired with another highlight than the `⟦ ⟧` markers.
    case wrongHighlight = "wrong-highlight"
    /// The verdict differs from `expect: {negation: …}`.
    case wrongNegation = "wrong-negation"
    /// The extracted amount differs from `expect: {amount: …}`.
    case wrongAmount = "wrong-amount"
    /// A todo case now behaves as a non-todo case would have to: promote it.
    case todoPasses = "todo-passes"
    /// An annotation names a rule that is not loaded.
    case unknownRule = "unknown-rule"
    /// An annotation has no line after it.
    case danglingAnnotation = "dangling-annotation"

    /// Whether the check fails the rule (todo notes do not).
    public var isFailure: Bool { self != .todoPasses }

    var order: Int {
      switch self {
      case .missed: 0
      case .unexpected: 1
      case .wrongHighlight: 2
      case .wrongNegation: 3
      case .wrongAmount: 4
      case .todoPasses: 5
      case .unknownRule: 6
      case .danglingAnnotation: 7
      }
    }
  }

  /// What went wrong.
  public var outcome: Outcome
  /// `file:line` of the example or test line.
  public var location: String
  /// The text tested (markers removed).
  public var text: String
  /// What was expected (`hit`, `ok`, `ruleid`, a highlight …).
  public var expected: String
  /// The signal's `why`, when one fired (or was suppressed).
  public var why: String?
  /// A sentence for people.
  public var message: String

  /// Creates a check.
  public init(outcome: Outcome, location: String, text: String, expected: String, why: String?, message: String) {
    self.outcome = outcome
    self.location = location
    self.text = text
    self.expected = expected
    self.why = why
    self.message = message
  }

  func renderLines(indent: String) -> [String] {
    let label = outcome.rawValue.replacingOccurrences(of: "-", with: " ")
    let excerpt = text.replacingOccurrences(of: "\n", with: " ⏎ ")
    var lines = ["\(indent)\(label.padding(toLength: 16, withPad: " ", startingAt: 0)) \(location)  “\(excerpt)”   (\(expected))"]
    if !message.isEmpty { lines.append("\(indent)  \(message)") }
    if let why { lines.append("\(indent)  why: \(why)") }
    return lines
  }
}
