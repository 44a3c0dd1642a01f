/// A real algebraic expression built from rationals (more generally from `RadicalSum`s) with
/// `+`, `-`, `*`, `/` and square roots of non-negative subexpressions, e.g. the nested radical
/// `sqrt(5 + 2*sqrt(6))`. Its sign is decided exactly or reported as undecidable.
///
/// `sign()` works bottom-up:
/// 1. A subexpression that flattens to a `RadicalSum` (square roots only of rationals,
///    division only by rationals) gets that type's exact decision.
/// 2. Products and quotients multiply the signs of their factors; square roots are >= 0.
/// 3. A sum A + B whose parts have opposite signs: a quotient part n/d is cleared first
///    (sign(n/d + y) = sign(d) * sign(n + y*d)); then interval evaluation at 64, 256 and
///    1024 bits (certified rational bounds) is tried; if zero stays inside, the sum is decided
///    exactly by sign(A + B) = sign(A) * sign(A^2 - B^2), where squaring removes one level of
///    square roots (sqrt(X)^2 = X). Each step is an equivalence, so a returned sign is
///    proven; when the squaring depth limit is reached the answer is
///    `ExactArithmeticError.undecidable`, never a guess.
public indirect enum AlgebraicExpression: Sendable, CustomStringConvertible {
  /// A number of the flat form sum of rational * sqrt(rational).
  case number(RadicalSum)
  /// sqrt(x), defined for x >= 0 (a negative x is an `outOfDomain` error when decided).
  case squareRoot(AlgebraicExpression)
  /// x + y.
  case sum(AlgebraicExpression, AlgebraicExpression)
  /// x * y.
  case product(AlgebraicExpression, AlgebraicExpression)
  /// x / y (a zero divisor is a `divisionByZero` error when decided).
  case quotient(AlgebraicExpression, AlgebraicExpression)
  /// -x.
  case negation(AlgebraicExpression)

  /// The rational `r`.
  public init(_ r: Rational) { self = .number(RadicalSum(r)) }
  /// The integer `n`.
  public init(_ n: Int) { self = .number(RadicalSum(n)) }
  /// The flat radical sum `r`.
  public init(_ r: RadicalSum) { self = .number(r) }

  /// sqrt(x).
  public static func sqrt(_ x: AlgebraicExpression) -> AlgebraicExpression { .squareRoot(x) }

  public static func + (a: AlgebraicExpression, b: AlgebraicExpression) -> AlgebraicExpression {
    .sum(a, b)
  }
  public static func - (a: AlgebraicExpression, b: AlgebraicExpression) -> AlgebraicExpression {
    .sum(a, .negation(b))
  }
  public static func * (a: AlgebraicExpression, b: AlgebraicExpression) -> AlgebraicExpression {
    .product(a, b)
  }
  public static func / (a: AlgebraicExpression, b: AlgebraicExpression) -> AlgebraicExpression {
    .quotient(a, b)
  }
  public static prefix func - (a: AlgebraicExpression) -> AlgebraicExpression { .negation(a) }

  public var description: String {
    switch self {
    case .number(let r): return r.terms.count > 1 ? "(\(r))" : "\(r)"
    case .squareRoot(let x): return "sqrt(\(x))"
    case .sum(let x, .negation(let y)): return "(\(x) - \(y))"
    case .sum(let x, let y): return "(\(x) + \(y))"
    case .product(let x, let y): return "\(x)*\(y)"
    case .quotient(let x, let y): return "\(x)/(\(y))"
    case .negation(let x): return "-\(x)"
    }
  }

  /// The deepest nesting of squarings the exact fallback attempts before it reports the
  /// expression as undecidable.
  public static let squaringDepthLimit = 6

  /// The proven sign, -1, 0 or 1. Throws `outOfDomain` (square root of a negative),
  /// `divisionByZero`, or `undecidable` when the form is beyond the implemented methods.
  public func sign() throws -> Int {
    var budget = AlgebraicExpression.workLimit
    return try sign(depth: 0, budget: &budget)
  }

  /// The number of sign evaluations of subexpressions one decision may spend (squaring can
  /// grow expressions exponentially); past it the answer is `undecidable`.
  public static let workLimit = 5_000

  /// The sign as a `SignDecision`; domain errors are still thrown.
  public var signDecision: SignDecision {
    get throws {
      do {
        return .decided(try sign())
      } catch ExactArithmeticError.undecidable(let reason) {
        return .undecidable(reason: reason)
      }
    }
  }

  /// Compares two expressions exactly: sign(a - b).
  public static func compare(_ a: AlgebraicExpression, _ b: AlgebraicExpression) throws -> Int {
    try (a - b).sign()
  }

  // MARK: Decision

  func sign(depth: Int, budget: inout Int) throws -> Int {
    budget -= 1
    guard budget >= 0 else {
      throw ExactArithmeticError.undecidable("work limit \(AlgebraicExpression.workLimit) reached")
    }
    // Sums (and numbers) are decided as flat radical sums when they are ones. Products,
    // quotients, negations and roots go by structure first: flattening a product of two
    // four-term sums would multiply it out into up to sixteen terms, beyond the exact
    // fallback, while the sign of each factor is decidable on its own.
    switch self {
    case .number, .sum:
      if let flat = try flattened() { return try flat.sign() }
    case .negation, .squareRoot, .product, .quotient:
      break
    }
    switch self {
    case .number(let r):
      return try r.sign()
    case .negation(let x):
      return try -x.sign(depth: depth, budget: &budget)
    case .squareRoot(let x):
      let s = try x.sign(depth: depth, budget: &budget)
      if s < 0 { throw ExactArithmeticError.outOfDomain(function: "sqrt", value: "\(x)") }
      return s
    case .product(let x, let y):
      return try x.sign(depth: depth, budget: &budget) * y.sign(depth: depth, budget: &budget)
    case .quotient(let x, let y):
      let divisor = try y.sign(depth: depth, budget: &budget)
      if divisor == 0 { throw ExactArithmeticError.divisionByZero }
      return try x.sign(depth: depth, budget: &budget) * divisor
    case .sum(let x, let y):
      let sx = try x.sign(depth: depth, budget: &budget)
      let sy = try y.sign(depth: depth, budget: &budget)
      if sx == 0 { return sy }
      if sy == 0 || sx == sy { return sx }
      // n/d + y has the sign of d times that of n + y*d: clears a non-rational divisor.
      if case .quotient(let n, let d) = x {
        return try d.sign(depth: depth, budget: &budget) * (n + y * d).sign(depth: depth, budget: &budget)
      }
      if case .quotient(let n, let d) = y {
        return try d.sign(depth: depth, budget: &budget) * (x * d + n).sign(depth: depth, budget: &budget)
      }
      for precision in [64, 256, 1024] {
        if let (lower, upper) = bounds(precisionBits: precision) {
          if lower.signum > 0 { return 1 }
          if upper.signum < 0 { return -1 }
        }
      }
      guard depth < AlgebraicExpression.squaringDepthLimit else {
        throw ExactArithmeticError.undecidable(
          "squaring depth \(AlgebraicExpression.squaringDepthLimit) reached for \(self)")
      }
      // |x| versus |y|, both sides squared: sqrt roots of the squares' radicands disappear.
      return try sx * (x.squared() - y.squared()).sign(depth: depth + 1, budget: &budget)
    }
  }

  /// x^2 with square roots of (already sign-checked) subexpressions removed.
  func squared() -> AlgebraicExpression {
    switch self {
    case .number(let r): return .number(r * r)
    case .squareRoot(let x): return x
    case .negation(let x): return x.squared()
    case .product(let x, let y): return .product(x.squared(), y.squared())
    case .quotient(let x, let y): return .quotient(x.squared(), y.squared())
    case .sum(let x, let y):
      return .sum(.sum(x.squared(), y.squared()), .product(.number(RadicalSum(2)), .product(x, y)))
    }
  }

  /// The expression as a flat `RadicalSum` when it is one: square roots only of rational
  /// values and division only by nonzero rational values. Throws for the square root of a
  /// negative rational and for division by zero.
  func flattened() throws -> RadicalSum? {
    switch self {
    case .number(let r): return r
    case .negation(let x): return try x.flattened().map { -$0 }
    case .squareRoot(let x):
      guard let inner = try x.flattened(), let q = inner.rationalValue else { return nil }
      return try RadicalSum.squareRoot(of: q)
    case .sum(let x, let y):
      guard let a = try x.flattened(), let b = try y.flattened() else { return nil }
      return a + b
    case .product(let x, let y):
      guard let a = try x.flattened(), let b = try y.flattened() else { return nil }
      return a * b
    case .quotient(let x, let y):
      guard let b = try y.flattened(), let d = b.rationalValue else { return nil }
      guard !d.isZero else { throw ExactArithmeticError.divisionByZero }
      guard let a = try x.flattened() else { return nil }
      return a * d.reciprocal
    }
  }

  // MARK: Interval evaluation

  /// Certified bounds `lower <= value <= upper` from interval arithmetic with square-root
  /// bounds at `precisionBits`, or `nil` when an interval divisor contains zero or a square
  /// root's argument interval lies below zero.
  public func bounds(precisionBits p: Int) -> (lower: Rational, upper: Rational)? {
    switch self {
    case .number(let r):
      return r.bounds(precisionBits: p)
    case .negation(let x):
      guard let (lo, hi) = x.bounds(precisionBits: p) else { return nil }
      return (-hi, -lo)
    case .squareRoot(let x):
      guard let (lo, hi) = x.bounds(precisionBits: p), hi.signum >= 0 else { return nil }
      let lower = lo.signum > 0 ? lo.squareRootBounds(precisionBits: p).lower : Rational.zero
      return (lower, hi.squareRootBounds(precisionBits: p).upper)
    case .sum(let x, let y):
      guard let (a, b) = x.bounds(precisionBits: p), let (c, d) = y.bounds(precisionBits: p)
      else { return nil }
      return (a + c, b + d)
    case .product(let x, let y):
      guard let (a, b) = x.bounds(precisionBits: p), let (c, d) = y.bounds(precisionBits: p)
      else { return nil }
      let candidates = [a * c, a * d, b * c, b * d]
      return (candidates.min()!, candidates.max()!)
    case .quotient(let x, let y):
      guard let (a, b) = x.bounds(precisionBits: p), let (c, d) = y.bounds(precisionBits: p),
        c.signum == d.signum, c.signum != 0
      else { return nil }
      let candidates = [a / c, a / d, b / c, b / d]
      return (candidates.min()!, candidates.max()!)
    }
  }
}

extension AlgebraicExpression: ExpressibleByIntegerLiteral {
  /// The integer literal.
  public init(integerLiteral value: Int) { self.init(value) }
}
