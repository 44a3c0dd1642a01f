/// One term `coefficient * sqrt(radicand)` of a `RadicalSum`.
public struct RadicalTerm: Sendable, Hashable, CustomStringConvertible {
  /// The rational factor.
  public let coefficient: Rational
  /// The non-negative rational under the square root (an integer > 1 once simplified, or 1
  /// for the rational part).
  public let radicand: Rational

  /// `coefficient * sqrt(radicand)`; throws `ExactArithmeticError.outOfDomain` for a
  /// negative radicand.
  public init(coefficient: Rational, radicand: Rational) throws {
    guard radicand.signum >= 0 else {
      throw ExactArithmeticError.outOfDomain(function: "sqrt", value: "\(radicand)")
    }
    self.init(unchecked: coefficient, radicand: radicand)
  }

  /// A term whose radicand the caller has already checked to be >= 0.
  init(unchecked coefficient: Rational, radicand: Rational) {
    self.coefficient = coefficient
    self.radicand = radicand
  }

  public var description: String {
    radicand == .one ? "\(coefficient)" : "\(coefficient)*sqrt(\(radicand))"
  }
}

/// An exact real number of the form `c1*sqrt(q1) + ... + ck*sqrt(qk)` with rational `ci`, `qi`
/// (`qi >= 0`): the algebraic numbers this project's angles and theorems produce
/// (cosines of angles between rational vectors and of their sums, ratios of norms, ...).
///
/// The value is kept *simplified*: every radicand is a positive integer, the rational part
/// has radicand 1, no coefficient is zero, and no two radicands have a ratio that is the
/// square of a rational (such terms are merged: `sqrt(8) - 2*sqrt(2)` is `0`). Square roots of
/// square-free integers with distinct square-free parts are linearly independent over the
/// rationals (Besicovitch 1940), so a simplified sum is **zero exactly when it has no terms**,
/// and is irrational whenever it has a term with radicand > 1. Equality is therefore decided
/// by simplification, never by a precision cut-off; only the *sign* of a nonzero sum needs
/// the filter and the algebraic fallback of `sign()`.
public struct RadicalSum: Sendable, CustomStringConvertible {
  /// The simplified terms; the rational part (radicand 1), if any, comes first.
  public internal(set) var terms: [RadicalTerm]

  /// The empty sum, 0.
  public init() { terms = [] }

  /// The rational number `value`.
  public init(_ value: Rational) {
    terms = []
    add(coefficient: value, integerRadicand: 1)
  }

  /// The integer `value`.
  public init(_ value: Int) { self.init(Rational(value)) }

  /// The sum of `terms`; throws `ExactArithmeticError.outOfDomain` for a negative radicand.
  public init(terms: [(coefficient: Rational, radicand: Rational)]) throws {
    self.terms = []
    for term in terms {
      guard term.radicand.signum >= 0 else {
        throw ExactArithmeticError.outOfDomain(function: "sqrt", value: "\(term.radicand)")
      }
      add(coefficient: term.coefficient, radicand: term.radicand)
    }
  }

  /// `sqrt(q)`; throws `ExactArithmeticError.outOfDomain` for negative `q`.
  public static func squareRoot(of q: Rational) throws -> RadicalSum {
    try RadicalSum(terms: [(coefficient: .one, radicand: q)])
  }

  /// `coefficient * sqrt(q)`; throws `ExactArithmeticError.outOfDomain` for negative `q`.
  public static func term(_ coefficient: Rational, sqrtOf q: Rational) throws -> RadicalSum {
    try RadicalSum(terms: [(coefficient: coefficient, radicand: q)])
  }

  /// The value as a rational when it is one (no irrational term), else `nil`.
  public var rationalValue: Rational? {
    if terms.isEmpty { return .zero }
    if terms.count == 1 && terms[0].radicand == .one { return terms[0].coefficient }
    return nil
  }

  /// Whether the value is exactly zero (decided by simplification; see the type's comment).
  public var isZero: Bool { terms.isEmpty }

  public var description: String {
    if terms.isEmpty { return "0" }
    return terms.map(\.description).joined(separator: " + ")
  }

  // MARK: Simplification

  /// Adds `coefficient * sqrt(radicand)` for a rational radicand >= 0: sqrt(a/b) is rewritten
  /// as sqrt(a*b)/b so that radicands are integers.
  mutating func add(coefficient: Rational, radicand: Rational) {
    if coefficient.isZero || radicand.isZero { return }
    let b = radicand.denominator
    add(
      coefficient: coefficient / Rational(b),
      integerRadicand: radicand.numerator * b)
  }

  /// Adds `coefficient * sqrt(radicand)` for an integer radicand > 0, merging it with a term
  /// whose radicand differs by a rational square factor.
  mutating func add(coefficient: Rational, integerRadicand r: BigInt) {
    if coefficient.isZero { return }
    var c = coefficient
    var radicand = r
    let root = r.squareRootFloor()
    if root * root == r {
      c *= Rational(root)
      radicand = 1
    } else {
      (c, radicand) = RadicalSum.removeSmallSquareFactors(coefficient: c, radicand: r)
    }
    let radicandValue = Rational(radicand)
    for (i, term) in terms.enumerated() {
      // sqrt(r) = sqrt(r * s) / s * sqrt(s) when r * s is a square: same square-free part.
      let existing = term.radicand.numerator
      let product = radicand * existing
      let productRoot = product.squareRootFloor()
      guard productRoot * productRoot == product else { continue }
      let merged = term.coefficient + c * Rational(productRoot) / term.radicand
      if merged.isZero {
        terms.remove(at: i)
      } else {
        terms[i] = RadicalTerm(unchecked: merged, radicand: term.radicand)
      }
      return
    }
    let newTerm = RadicalTerm(unchecked: c, radicand: radicandValue)
    if radicand == 1 { terms.insert(newTerm, at: 0) } else { terms.append(newTerm) }
  }

  /// Moves square factors p^2 of small primes out of the radicand. Only keeps numbers small
  /// (correctness does not depend on it: merging tests squares exactly).
  static func removeSmallSquareFactors(coefficient: Rational, radicand: BigInt)
    -> (Rational, BigInt)
  {
    var c = coefficient
    var r = radicand
    for p in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47] {
      let square = BigInt(p * p)
      while true {
        let (q, rem) = try! r.quotientAndRemainder(dividingBy: square)
        guard rem.isZero else { break }
        r = q
        c *= Rational(p)
      }
    }
    return (c, r)
  }

  // MARK: Arithmetic

  public static func + (a: RadicalSum, b: RadicalSum) -> RadicalSum {
    var result = a
    for term in b.terms {
      result.add(coefficient: term.coefficient, integerRadicand: term.radicand.numerator)
    }
    return result
  }

  public static prefix func - (a: RadicalSum) -> RadicalSum {
    var result = a
    result.terms = a.terms.map { RadicalTerm(unchecked: -$0.coefficient, radicand: $0.radicand) }
    return result
  }

  public static func - (a: RadicalSum, b: RadicalSum) -> RadicalSum { a + (-b) }

  /// The expanded product: sqrt(r) * sqrt(s) = sqrt(r * s), then simplified.
  public static func * (a: RadicalSum, b: RadicalSum) -> RadicalSum {
    var result = RadicalSum()
    for x in a.terms {
      for y in b.terms {
        result.add(
          coefficient: x.coefficient * y.coefficient,
          integerRadicand: x.radicand.numerator * y.radicand.numerator)
      }
    }
    return result
  }

  /// The sum scaled by a rational.
  public static func * (a: RadicalSum, r: Rational) -> RadicalSum {
    if r.isZero { return RadicalSum() }
    var result = a
    result.terms = a.terms.map { RadicalTerm(unchecked: $0.coefficient * r, radicand: $0.radicand) }
    return result
  }

  public static func += (a: inout RadicalSum, b: RadicalSum) { a = a + b }
  public static func -= (a: inout RadicalSum, b: RadicalSum) { a = a - b }
  public static func *= (a: inout RadicalSum, b: RadicalSum) { a = a * b }
}

extension RadicalSum: ExpressibleByIntegerLiteral {
  /// The integer literal as a (rational) sum.
  public init(integerLiteral value: Int) { self.init(value) }
}

extension RadicalSum: Equatable {
  /// Exact equality: the difference simplifies to no terms.
  public static func == (a: RadicalSum, b: RadicalSum) -> Bool { (a - b).isZero }
}
