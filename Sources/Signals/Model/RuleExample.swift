/// One embedded example of a rule (`examples:` in a pack).
public struct RuleExample: Sendable, Hashable, Codable {
  /// Which list the example is in.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// Must produce an active signal.
    case hit
    /// Must not produce an active signal.
    case ok
    /// A known miss: reported, never failing.
    case todoHit = "todo_hit"
    /// A known false positive: reported, never failing.
    case todoOK = "todo_ok"

    /// Whether an active signal is expected (`hit`, `todo_hit`).
    public var expectsSignal: Bool { self == .hit || self == .todoHit }
    /// Whether a failure is only reported (`todo_hit`, `todo_ok`).
    public var isTodo: Bool { self == .todoHit || self == .todoOK }
  }

  /// How the example text is read.
  public enum Form: String, Sendable, Hashable, Codable {
    /// One text unit spoken by whichever speaker the rule requires.
    case text
    /// A chat in the canonical `[time] 我|对方: text` form; 我 is the subject.
    case chat
  }

  /// Which list the example is in.
  public var kind: Kind
  /// How the text is read.
  public var form: Form
  /// The example as written, `⟦ ⟧` markers included.
  public var source: String
  /// The expected negation verdict label (`affirmed`, `negated`, `double-negated`,
  /// `hypothetical`, `question`), from `expect: {negation: …}`.
  public var expectedNegation: String?
  /// The expected `amountFen` value, from `expect: {amount: …}` (written in yuan).
  public var expectedAmountFen: Int64?
  /// Where the example is written (`file:line`).
  public var origin: String

  /// Creates an example.
  public init(
    kind: Kind, form: Form, source: String, expectedNegation: String? = nil, expectedAmountFen: Int64? = nil,
    origin: String
  ) {
    self.kind = kind
    self.form = form
    self.source = source
    self.expectedNegation = expectedNegation
    self.expectedAmountFen = expectedAmountFen
    self.origin = origin
  }
}
