import ExactArithmetic

/// The Sturm sequence of a real polynomial: counts its distinct real roots in any
/// half-open interval `(a, b]` exactly (Sturm's theorem), by sign variations at `a` and `b`.
///
/// Elements are integer polynomials, each a *positive* multiple of the classical
/// `p_{k+1} = -rem(p_{k-1}, p_k)`, with contents divided out, so coefficient growth stays
/// moderate and the sign variations are exactly the classical ones.
public struct SturmSequence: Sendable {
  let polynomials: [IntegerPolynomial]

  /// The Sturm sequence of the square-free part of `p` (same distinct roots as `p`), so that
  /// counts are exact at every endpoint, even a multiple root. Throws `.invalidArgument` for
  /// the zero polynomial.
  public init(_ p: RationalPolynomial) throws {
    guard !p.isZero else {
      throw LinearAlgebraError.invalidArgument(name: "p", reason: "the zero polynomial has no Sturm sequence")
    }
    self.init(squareFreePartOf: p)
  }

  /// The Sturm sequence of `p / gcd(p, p')`.
  init(squareFreePartOf p: RationalPolynomial) {
    let full = SturmSequence(integer: p.integerPrimitive())
    let g = full.greatestCommonDivisorWithDerivative
    guard g.degree >= 1 else { self = full; return }
    let divisor = RationalPolynomial(coefficients: g.coefficients.map { Rational($0) })
    self.init(integer: p.exactlyDivided(by: divisor).integerPrimitive())
  }

  init(integer p: IntegerPolynomial) {
    var sequence = [p]
    var next = p.derivative.primitivePart()
    while !next.isZero {
      sequence.append(next)
      let count = sequence.count
      let remainder = sequence[count - 2].positiveRemainder(sequence[count - 1])
      next = IntegerPolynomial(remainder.coefficients.map { -$0 }).primitivePart()
    }
    polynomials = sequence
  }

  /// A multiple of `gcd(p, p')`: the last element of the sequence.
  var greatestCommonDivisorWithDerivative: IntegerPolynomial { polynomials[polynomials.count - 1] }

  /// The number of sign changes in the sequence evaluated at `x`, zeros skipped.
  public func signVariations(at x: Rational) -> Int {
    let a = x.numerator
    let b = x.denominator
    var variations = 0
    var previous = 0
    for q in polynomials {
      let s = q.sign(atNumerator: a, denominator: b)
      if s == 0 { continue }
      if previous != 0 && s != previous { variations += 1 }
      previous = s
    }
    return variations
  }

  /// The number of *distinct* real roots in `(lower, upper]` (`lower < upper`), exact at any
  /// endpoints. Throws `.invalidArgument` when `lower >= upper`.
  public func distinctRootCount(in lower: Rational, _ upper: Rational) throws -> Int {
    guard lower < upper else {
      throw LinearAlgebraError.invalidArgument(name: "interval", reason: "lower \(lower) must be below upper \(upper)")
    }
    return signVariations(at: lower) - signVariations(at: upper)
  }
}

extension RationalPolynomial {
  /// Exact division by a polynomial known to divide `self` (used for the square-free part).
  func exactlyDivided(by divisor: RationalPolynomial) -> RationalPolynomial {
    var remainder = coefficients
    let dd = divisor.degree
    guard degree >= dd else { return RationalPolynomial(coefficients: []) }
    var quotient = [Rational](repeating: .zero, count: degree - dd + 1)
    let lc = divisor.leadingCoefficient
    for k in stride(from: degree - dd, through: 0, by: -1) {
      let factor = remainder[k + dd] / lc
      quotient[k] = factor
      if factor.isZero { continue }
      for i in 0...dd { remainder[k + i] -= factor * divisor.coefficients[i] }
    }
    return RationalPolynomial(coefficients: quotient)
  }

  /// The Sturm sequence of this polynomial (throws for the zero polynomial).
  public func sturmSequence() throws -> SturmSequence { try SturmSequence(self) }

  /// Certified isolating intervals of all real roots, each of width at most
  /// `2^-precisionBits`, ascending and repeated according to multiplicity.
  ///
  /// Each root `r` lies in its closed interval `[lower, upper]`; when a bisection point
  /// happens to be a root, the interval is the single point `[r, r]`. The roots must lie in
  /// `(-radius, radius)`. Isolation uses the Sturm sequence of the square-free part;
  /// multiplicities come from the chain `g_1 = gcd(p, p')`, `g_2 = gcd(g_1, g_1')`, ...
  /// (a root of `p` of multiplicity `m` is a root of exactly `g_0 ... g_{m-1}`).
  func realRootEnclosures(radius: BigInt, precisionBits: Int) throws -> [(lower: Rational, upper: Rational)] {
    guard degree >= 1 else { return [] }
    // g_0 = p, g_{i+1} = gcd(g_i, g_i') (the last element of g_i's Sturm sequence); the
    // square-free parts g_i / g_{i+1} count distinct roots exactly at any endpoints.
    var gcdChain = [integerPrimitive()]
    while true {
      let next = SturmSequence(integer: gcdChain[gcdChain.count - 1]).greatestCommonDivisorWithDerivative
      if next.degree < 1 { break }
      gcdChain.append(next)
    }
    func asRational(_ p: IntegerPolynomial) -> RationalPolynomial {
      RationalPolynomial(coefficients: p.coefficients.map { Rational($0) })
    }
    let squareFreeParts: [SturmSequence] = gcdChain.indices.map { i in
      guard i + 1 < gcdChain.count else { return SturmSequence(integer: gcdChain[i]) }
      let part = asRational(gcdChain[i]).exactlyDivided(by: asRational(gcdChain[i + 1]))
      return SturmSequence(integer: part.integerPrimitive())
    }
    let squareFree = squareFreeParts[0]
    let chain = Array(squareFreeParts.dropFirst())
    let q = squareFree.polynomials[0]
    let width = Rational.quotient(BigInt(1), BigInt(1) << max(precisionBits, 0))
    var result: [(lower: Rational, upper: Rational)] = []

    func multiplicity(lower: Rational, upper: Rational) -> Int {
      if lower == upper {
        return 1 + chain.filter { $0.polynomials[0].sign(atNumerator: lower.numerator, denominator: lower.denominator) == 0 }.count
      }
      return 1 + chain.reduce(0) { $0 + ($1.signVariations(at: lower) - $1.signVariations(at: upper)) }
    }
    // Explicit stack instead of recursion: (lower, V(lower), upper, V(upper)), leftmost on top.
    let lo = Rational(-radius)
    let hi = Rational(radius)
    var stack = [(lo, squareFree.signVariations(at: lo), hi, squareFree.signVariations(at: hi))]
    while let (a, va, b, vb) = stack.popLast() {
      let count = va - vb
      if count == 0 { continue }
      if count == 1 {
        if q.sign(atNumerator: b.numerator, denominator: b.denominator) == 0 {
          let m = multiplicity(lower: b, upper: b)
          result.append(contentsOf: repeatElement((lower: b, upper: b), count: m))
          continue
        }
        if b - a <= width {
          let m = multiplicity(lower: a, upper: b)
          result.append(contentsOf: repeatElement((lower: a, upper: b), count: m))
          continue
        }
      }
      let mid = (a + b) / Rational(2)
      let vm = squareFree.signVariations(at: mid)
      stack.append((mid, vm, b, vb))
      stack.append((a, va, mid, vm))
    }
    return result
  }
}
