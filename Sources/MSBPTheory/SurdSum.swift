import ExactArithmetic

/// An exact real number of the multi-quadratic field Q(√d₁, …, √d_k):
/// a finite sum of rational multiples of products of square roots of
/// non-negative rationals.
///
/// The paper's angles have cosines such as `(g·∇) / (‖g‖ ‖∇‖)`,
/// `√(μ/L)` or `√(k/n)`, and the checks combine them with `cos(α + β) =
/// cos α cos β − sin α sin β`. All of these live in such a field, so every
/// inequality of Theorem 1, Lemmas D.1–D.3 and Definition 3 can be decided
/// by the exact sign algorithm in `SurdSum+Sign.swift`, with no rounding.
///
/// Representation: `radicands[i] = d_i > 0` are the generators; a term with
/// bit mask `m` stands for `c · ∏_{i ∈ m} √d_i`. Generators are not required
/// to be independent (√2 and √8 may both appear): the sign algorithm is
/// correct for any positive radicands, independence only saves work.
public struct SurdSum: Sendable, Equatable, CustomStringConvertible {
  /// The generators d_i (all > 0).
  public private(set) var radicands: [Rational]
  /// Coefficient of the product of √d_i over the set bits of the key. No zero entries.
  var terms: [Int: Rational]

  /// The rational number `value`.
  public init(_ value: Rational) {
    radicands = []
    terms = value.isZeroValue ? [:] : [0: value]
  }

  /// The integer `value`.
  public init(_ value: Int) { self.init(Rational(value)) }

  init(radicands: [Rational], terms: [Int: Rational]) {
    self.radicands = radicands
    self.terms = terms.filter { !$0.value.isZeroValue }
  }

  /// The exact square root of a non-negative rational: a rational when `d`
  /// is a perfect square, otherwise a new generator.
  /// - Throws: `TheoryError.outOfRange` when `d < 0`.
  public static func squareRoot(of d: Rational) throws -> SurdSum {
    if d.signValue < 0 {
      throw TheoryError.outOfRange(what: "radicand", value: "\(d)", allowed: "[0, ∞)")
    }
    if d.isZeroValue { return SurdSum(Rational(0)) }
    if let root = d.exactRoot { return SurdSum(root) }
    return SurdSum(radicands: [d], terms: [1: Rational(1)])
  }

  /// Zero.
  public static var zero: SurdSum { SurdSum(Rational(0)) }
  /// One.
  public static var one: SurdSum { SurdSum(Rational(1)) }

  /// The value when it is visibly rational (only a constant term), else `nil`.
  public var rationalValue: Rational? {
    if terms.isEmpty { return Rational(0) }
    if terms.count == 1, let c = terms[0] { return c }
    return nil
  }

  /// Number of non-zero terms.
  public var termCount: Int { terms.count }

  // MARK: Arithmetic

  /// Rewrites `a` and `b` over one common list of generators.
  static func aligned(_ a: SurdSum, _ b: SurdSum) -> (SurdSum, SurdSum) {
    if a.radicands == b.radicands { return (a, b) }
    var merged = a.radicands
    var map: [Int] = []
    for d in b.radicands {
      if let i = merged.firstIndex(of: d) { map.append(i) } else {
        merged.append(d)
        map.append(merged.count - 1)
      }
    }
    var bTerms: [Int: Rational] = [:]
    for (mask, c) in b.terms {
      var newMask = 0
      for (j, i) in map.enumerated() where mask & (1 << j) != 0 { newMask |= 1 << i }
      bTerms[newMask] = c
    }
    return (SurdSum(radicands: merged, terms: a.terms), SurdSum(radicands: merged, terms: bTerms))
  }

  /// Sum.
  public static func + (a: SurdSum, b: SurdSum) -> SurdSum {
    let (x, y) = aligned(a, b)
    var t = x.terms
    for (m, c) in y.terms { t[m] = (t[m] ?? Rational(0)) + c }
    return SurdSum(radicands: x.radicands, terms: t)
  }

  /// Negation.
  public static prefix func - (a: SurdSum) -> SurdSum {
    SurdSum(radicands: a.radicands, terms: a.terms.mapValues { Rational(0) - $0 })
  }

  /// Difference.
  public static func - (a: SurdSum, b: SurdSum) -> SurdSum { a + (-b) }

  /// Product: √d_i · √d_i folds to d_i, other products stay as products.
  public static func * (a: SurdSum, b: SurdSum) -> SurdSum {
    let (x, y) = aligned(a, b)
    return SurdSum(radicands: x.radicands, terms: multiply(x.terms, y.terms, x.radicands))
  }

  static func multiply(_ a: [Int: Rational], _ b: [Int: Rational], _ d: [Rational]) -> [Int: Rational] {
    var t: [Int: Rational] = [:]
    for (m1, c1) in a {
      for (m2, c2) in b {
        var c = c1 * c2
        let common = m1 & m2
        if common != 0 {
          for i in d.indices where common & (1 << i) != 0 { c = c * d[i] }
        }
        let m = m1 ^ m2
        t[m] = (t[m] ?? Rational(0)) + c
      }
    }
    return t.filter { !$0.value.isZeroValue }
  }

  /// Scaling by a rational.
  public static func * (a: SurdSum, r: Rational) -> SurdSum {
    SurdSum(radicands: a.radicands, terms: a.terms.mapValues { $0 * r })
  }

  /// Scaling by a rational.
  public static func * (r: Rational, a: SurdSum) -> SurdSum { a * r }

  /// Sum with a rational.
  public static func + (a: SurdSum, r: Rational) -> SurdSum { a + SurdSum(r) }

  /// Difference with a rational.
  public static func - (a: SurdSum, r: Rational) -> SurdSum { a - SurdSum(r) }

  /// Difference of a rational and a surd sum.
  public static func - (r: Rational, a: SurdSum) -> SurdSum { SurdSum(r) - a }

  /// Exact equality of the represented real numbers (not of the representations).
  public static func == (a: SurdSum, b: SurdSum) -> Bool { (a - b).sign == 0 }

  // MARK: Text

  /// Readable exact form, e.g. `1/2 - 3·√(2/5)·√(7)`.
  public var description: String {
    if terms.isEmpty { return "0" }
    var parts: [String] = []
    for mask in terms.keys.sorted() {
      let c = terms[mask]!
      var roots: [String] = []
      for i in radicands.indices where mask & (1 << i) != 0 { roots.append("√(\(radicands[i]))") }
      let negative = c.signValue < 0
      let magnitude = negative ? Rational(0) - c : c
      var text: String
      if roots.isEmpty {
        text = "\(magnitude)"
      } else if magnitude == Rational(1) {
        text = roots.joined(separator: "·")
      } else {
        text = "\(magnitude)·" + roots.joined(separator: "·")
      }
      if parts.isEmpty {
        text = (negative ? "-" : "") + text
      } else {
        text = (negative ? " - " : " + ") + text
      }
      parts.append(text)
    }
    return parts.joined()
  }
}
