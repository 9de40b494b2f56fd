/// An output format of `mingjian scan`.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, Comparable {
  /// The self-contained HTML report, `index.html`.
  case html
  /// The machine-readable findings, `findings.json`.
  case json
  /// The findings as a spreadsheet, `findings.csv`.
  case csv

  /// The file name the format is written to in the report directory.
  public var fileName: String {
    switch self {
    case .html: "index.html"
    case .json: "findings.json"
    case .csv: "findings.csv"
    }
  }

  /// Orders formats as `allCases` lists them.
  public static func < (lhs: ReportFormat, rhs: ReportFormat) -> Bool {
    lhs.order < rhs.order
  }

  /// The position in `allCases`.
  private var order: Int {
    switch self {
    case .html: 0
    case .json: 1
    case .csv: 2
    }
  }
}
