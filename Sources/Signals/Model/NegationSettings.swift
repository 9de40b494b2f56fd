/// The NegEx-style vocabulary and windows of a rule's negation check (LEXICON.md "Negation").
///
/// All phrases are stored normalised (see `TextNormalizer`), so `，` in a pack is `,` here.
public struct NegationSettings: Sendable, Hashable {
  /// Negators looked for before a term (不, 没有, 禁止 …).
  public var cues: [String]
  /// Phrases that contain a cue but do not negate (不仅, 是不是 …).
  public var pseudo: [String]
  /// Words and marks that end a cue's scope (但是, `,`, `?` …).
  public var breakers: [String]
  /// Conditional cues (如果, 要是 …) that make an occurrence hypothetical.
  public var hypothetical: [String]
  /// How many characters before a term are searched for cues.
  public var before: Int
  /// Negators looked for after a term (是不行的, 不做 …).
  public var afterCues: [String]
  /// How many characters after a term are searched for after-cues.
  public var after: Int
  /// Refusals said after a term, in the same sentence (拒绝, 拉黑, 没答应, 不会做 …): they negate
  /// the term when they close a first-person refusal clause (LEXICON.md "Refusals").
  public var refusals: [String]
  /// How many characters after a term a refusal may start; for the answer to a request, after
  /// the request's clause.
  public var refusalReach: Int
  /// Refusals that, besides `refusals`, answer a request someone else made when said as the
  /// speaker's answer in a later clause (不行, 免谈, 没门 …; LEXICON.md "Answers to a request"):
  /// `客户说要用U付款，我说不行`. Alone they refuse nothing (`不行就换个通道`).
  public var requestRefusals: [String]

  /// Creates settings; the defaults are empty lists, so nothing is negated.
  public init(
    cues: [String] = [], pseudo: [String] = [], breakers: [String] = [],
    hypothetical: [String] = [], before: Int = 8, afterCues: [String] = [], after: Int = 6,
    refusals: [String] = [], refusalReach: Int = 20, requestRefusals: [String] = []
  ) {
    self.cues = cues
    self.pseudo = pseudo
    self.breakers = breakers
    self.hypothetical = hypothetical
    self.before = before
    self.afterCues = afterCues
    self.after = after
    self.refusals = refusals
    self.refusalReach = refusalReach
    self.requestRefusals = requestRefusals
  }

  /// Every phrase of every list, for building the automaton.
  var allPhrases: [String] { cues + pseudo + breakers + hypothetical + afterCues + refusals + requestRefusals }
}

extension NegationSettings {
  /// The vocabulary of LEXICON.md, used for every key a pack's `negation:` does not set.
  public static let standard = NegationSettings(
    cues: [
      "不", "没", "没有", "未", "无", "别", "并未", "从未", "不会", "不能", "不可以", "禁止", "严禁", "不得",
      "拒绝", "不做", "不接",
    ],
    pseudo: [
      "不仅", "不但", "不光", "不得不", "不少", "不久", "无论", "不管", "没想到", "不错", "有没有", "是不是",
      "会不会", "能不能", "可不可以",
    ],
    breakers: ["但是", "但", "然而", "不过", "可是", "只是", "，", "。", "；", "！", "？", ",", ";", "!", "?"],
    hypothetical: ["如果", "要是", "假如", "万一", "一旦", "若是", "假设"],
    before: 8,
    afterCues: ["是不行的", "不可以", "不行", "不做", "不接"],
    after: 6,
    refusals: [
      "拒绝", "拒了", "回绝", "谢绝", "婉拒", "推掉", "推了", "拉黑", "没答应", "没同意", "没听", "没理", "不会做",
      "不会接", "不做", "不接", "没接", "不干", "不碰",
    ],
    refusalReach: 20,
    requestRefusals: [
      "不行", "不可以", "不能", "不同意", "不答应", "不要", "不用", "免谈", "没门", "没戏", "不考虑", "不接受", "不合作",
      "不能做", "不能接", "做不了", "接不了", "办不到", "不收",
    ])
}
