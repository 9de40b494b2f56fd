/// How one case's scan compares with its gold.
public struct CaseScore: Sendable, Hashable, Codable {
  /// The case name.
  public var name: String
  /// Whether the case is ordinary business (no Art. 11 label).
  public var isClean: Bool
  /// Expected labels the scan did not produce.
  public var missed: [GoldAnnotations.Label]
  /// Labels the scan produced that the gold does not expect.
  public var unexpected: [GoldAnnotations.Label]
  /// Trap lines that carried an active finding (`path:line rule`).
  public var trapsHit: [String]
  /// Counts per graded clause.
  public var perClause: [String: ClauseCounts]
  /// Active Art. 11 findings in the case (on a clean case, each is a false alarm).
  public var article11Findings: Int

  /// Compares a case's report with its gold.
  public init(case evaluationCase: EvaluationCase, report: CaseReport) {
    let gold = evaluationCase.gold
    let actual = GoldAnnotations.labels(of: report.findings)
    name = evaluationCase.name
    isClean = evaluationCase.isClean
    missed = gold.expected.subtracting(actual).sorted()
    unexpected = actual.subtracting(gold.expected).sorted()
    trapsHit = report.findings
      .filter { gold.traps.contains(.init(path: $0.path, line: $0.line)) }
      .map { "\($0.path):\($0.line) \($0.rule)" }
    var perClause: [String: ClauseCounts] = [:]
    for label in gold.expected.intersection(actual) { perClause[label.clause, default: .init()].truePositives += 1 }
    for label in unexpected { perClause[label.clause, default: .init()].falsePositives += 1 }
    for label in missed { perClause[label.clause, default: .init()].falseNegatives += 1 }
    self.perClause = perClause
    article11Findings = report.findings.filter { finding in
      finding.clauses.contains { $0.hasPrefix("interp2019.art11.") }
    }.count
  }
}

