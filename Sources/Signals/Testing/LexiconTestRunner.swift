import Foundation
import Ingest

/// Runs a lexicon's tests: every rule's embedded examples and each pack's annotated
/// `<pack>.test.txt` (LEXICON.md "Tests").
///
/// A `hit` passes when the rule produces an active signal (with the `⟦ ⟧` highlight, when
/// marked, and the `expect` verdict, when given); an `ok` passes when it produces none. Text
/// examples and test lines count as spoken by whichever speaker the rule requires; in chat
/// examples `我` is the subject and `对方` the counterpart. Only annotated (line, rule) pairs
/// are checked.
public struct LexiconTestRunner: Sendable {
  private let lexicon: LexiconSet
  private let scanner: SignalScanner

  /// Prepares a runner for the lexicon.
  public init(lexicon: LexiconSet) {
    self.lexicon = lexicon
    scanner = SignalScanner(lexicon: lexicon)
  }

  /// Runs the tests of the rules in `ruleIDs` (all rules when nil). Annotated test files are
  /// read from beside each pack file; a missing file means no annotations.
  public func run(ruleIDs: Set<String>? = nil) -> LexiconTestReport {
    let selected = lexicon.rules.filter { ruleIDs?.contains($0.id) ?? true }
    let files = Dictionary(lexicon.packs.map { ($0.id, $0.file) }, uniquingKeysWith: { first, _ in first })
    var results: [String: RuleTestResult] = [:]
    for rule in selected {
      var result = RuleTestResult(ruleID: rule.id, file: files[rule.packID] ?? rule.origin)
      for example in rule.examples { runExample(example, rule: rule, into: &result) }
      results[rule.id] = result
    }
    var problems: [TestCheck] = []
    for pack in lexicon.packs {
      let path = Self.testFilePath(forPack: pack.file)
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
      let file = AnnotatedTestFile(path: path, text: text)
      problems += file.danglingAnnotations.map {
        TestCheck(
          outcome: .danglingAnnotation, location: "\(path):\($0)", text: "", expected: "a test line",
          why: nil, message: "annotation is not followed by a test line")
      }
      for annotated in file.lines {
        for annotation in annotated.annotations {
          guard let rule = lexicon.rule(annotation.ruleID) else {
            let suggestion = Self.closest(annotation.ruleID, among: lexicon.rules.map(\.id))
            problems.append(
              TestCheck(
                outcome: .unknownRule, location: "\(path):\(annotation.line)", text: annotated.text,
                expected: annotation.kind.rawValue, why: nil,
                message: "annotation names unknown rule '\(annotation.ruleID)'"
                  + (suggestion.map { " (did you mean \($0)?)" } ?? "")))
            continue
          }
          guard results[rule.id] != nil else { continue }
          let location = "\(path):\(annotated.line)"
          let outcome = evaluate(
            units: [(ExampleUnits.textUnit(annotated.text, line: annotated.line, for: rule.speaker), nil)],
            rule: rule)
          record(
            outcome, kind: annotation.kind.exampleKind, expectation: nil, text: annotated.text,
            location: location, isAnnotation: true, into: &results[rule.id, default: RuleTestResult(ruleID: rule.id, file: "")])
        }
      }
    }
    let ordered = results.values.sorted { ($0.file, $0.ruleID) < ($1.file, $1.ruleID) }
    return LexiconTestReport(rules: ordered, problems: problems)
  }

  /// `<pack>.test.txt` beside `<pack>.yml`.
  public static func testFilePath(forPack file: String) -> String {
    (file.hasSuffix(".yml") ? String(file.dropLast(4)) : file) + ".test.txt"
  }

  private func runExample(_ example: RuleExample, rule: LexiconRule, into result: inout RuleTestResult) {
    let units: [(TextUnit, Range<Int>?)]
    let shown: String
    switch example.form {
    case .text:
      let marked = MarkedText(example.source)
      units = [(ExampleUnits.textUnit(marked.text, for: rule.speaker), marked.highlight)]
      shown = marked.text
    case .chat:
      units = ExampleUnits.chatUnits(example.source).map { ($0.unit, $0.highlight) }
      shown = units.map { "\($0.0.speaker ?? ""): \($0.0.text)" }.joined(separator: "\n")
    }
    let outcome = evaluate(units: units, rule: rule)
    record(
      outcome, kind: example.kind, expectation: example, text: shown,
      location: example.origin, isAnnotation: false, into: &result)
  }

  /// What the rule did on the units.
  private struct Outcome {
    var active: Signal?
    var suppressed: Signal?
    var highlightProblem: String?
  }

  private func evaluate(units: [(TextUnit, Range<Int>?)], rule: LexiconRule) -> Outcome {
    let document = EvidenceDocument(
      path: "example", sha256: "", bytes: 0, format: .plainText, status: .parsed, units: units.map(\.0))
    let signals = scanner.scan(document, subjects: [ExampleUnits.subject]).filter { $0.ruleID == rule.id }
    var outcome = Outcome(
      active: signals.first { $0.suppressedReason == nil }, suppressed: signals.first { $0.suppressedReason != nil })
    if let active = outcome.active, let expected = units[active.unitIndex].1 {
      let start = active.matched.map(\.start).min() ?? 0
      let end = active.matched.map(\.end).max() ?? 0
      if start..<end != expected {
        let text = Array(units[active.unitIndex].0.text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String {
          var view = String.UnicodeScalarView()
          view.append(contentsOf: text[max(0, range.lowerBound)..<min(text.count, range.upperBound)])
          return String(view)
        }
        outcome.highlightProblem = "highlighted “\(slice(start..<end))”, expected “\(slice(expected))”"
      }
    }
    return outcome
  }

  private func record(
    _ outcome: Outcome, kind: RuleExample.Kind, expectation: RuleExample?, text: String, location: String,
    isAnnotation: Bool, into result: inout RuleTestResult
  ) {
    let fired = outcome.active != nil
    let why = (outcome.active ?? outcome.suppressed).map { signal in
      signal.suppressedReason.map { "\(signal.why) → suppressed: \($0)" } ?? signal.why
    }
    let label = isAnnotation ? Self.annotationLabel(kind) : kind.rawValue
    var failure: TestCheck?
    if kind.expectsSignal != fired {
      failure = TestCheck(
        outcome: fired ? .unexpected : .missed, location: location, text: text, expected: label, why: why,
        message: fired ? "fired, but annotated \(label)" : "did not fire, but annotated \(label)")
    } else if fired, let problem = outcome.highlightProblem {
      failure = TestCheck(outcome: .wrongHighlight, location: location, text: text, expected: label, why: why, message: problem)
    } else if let expectedNegation = expectation?.expectedNegation,
      (outcome.active ?? outcome.suppressed)?.negation.kindName != expectedNegation
    {
      let actual = (outcome.active ?? outcome.suppressed)?.negation.kindName
      failure = TestCheck(
        outcome: .wrongNegation, location: location, text: text, expected: label, why: why,
        message: "negation verdict \(actual ?? "none (no signal)"), expected \(expectedNegation)")
    } else if let expectedFen = expectation?.expectedAmountFen,
      (outcome.active ?? outcome.suppressed)?.values["amountFen"] != String(expectedFen)
    {
      let actual = (outcome.active ?? outcome.suppressed)?.values["amountFen"] ?? "none"
      failure = TestCheck(
        outcome: .wrongAmount, location: location, text: text, expected: label, why: why,
        message: "amountFen \(actual), expected \(expectedFen)")
    }

    if kind.isTodo {
      result.todo += 1
      if failure == nil {
        result.checks.append(
          TestCheck(
            outcome: .todoPasses, location: location, text: text, expected: label, why: why,
            message: "this \(label) case now passes; promote it"))
      }
      return
    }
    if isAnnotation { result.annotationsTotal += 1 } else { result.examplesTotal += 1 }
    switch (kind.expectsSignal, fired) {
    case (true, true): result.truePositives += 1
    case (true, false): result.falseNegatives += 1
    case (false, false): result.trueNegatives += 1
    case (false, true): result.falsePositives += 1
    }
    if let failure {
      result.checks.append(failure)
    } else if isAnnotation {
      result.annotationsPassed += 1
    } else {
      result.examplesPassed += 1
    }
  }

  private static func annotationLabel(_ kind: RuleExample.Kind) -> String {
    switch kind {
    case .hit: "annotated: ruleid"
    case .ok: "annotated: ok"
    case .todoHit: "annotated: todoruleid"
    case .todoOK: "annotated: todook"
    }
  }

  /// The known id nearest to `id` by edit distance, when it is close.
  private static func closest(_ id: String, among ids: [String]) -> String? {
    let scored = ids.map { ($0, editDistance(Array(id), Array($0))) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= max(2, id.count / 4) else { return nil }
    return best
  }

  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, ca) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, cb) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
