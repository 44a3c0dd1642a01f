import ExactArithmetic

/// The sparse-ratio argument of Lemma D.4 / Theorems 2 and 4 (Appendix F),
/// for a ρ-well-posed N-layer MLP and a target angle θ.
///
/// The proof defines `β_N = 0` and, for i < N,
/// `β_i = 1 − √r (1 − ρ β_{i+1}) + √(1 − r) √(1 − (1 − ρ β_{i+1})²)`
/// (Eq. 121), shows `cos δ(w) >= 1 − β_1`, bounds
/// `β_1 < (a^{N−1} − 1)/(a − 1) · b` with `a = ρ√r`, `b = 1 − √r + √(1 − r)`
/// (Eq. 125), and concludes that δ(w) < θ whenever
/// `f(r) = min(1/ρ, 1 − cos θ) − (a^{N−1} − 1)/(a − 1) · b > 0` (Eq. 126).
///
/// `f(r)` at a rational r lies in Q(√r, √(1 − r), cos θ), so `f(r) > 0` is
/// decided exactly. The β_i are nested radicals, so claims about them are
/// decided with certified interval bounds (`CertifiedTruth`).
public struct SparseRatioAnalysis: Sendable {
  /// ρ = ρ₁ρ₂ > 1 (well-posedness constant).
  public let rho: Rational
  /// Number of layers N >= 1 (the last one is not sparsified).
  public let layers: Int
  /// The target angle θ ∈ (0, π/2).
  public let theta: QuadraticAngle

  /// - Throws: `outOfRange` unless ρ > 1, N >= 1 and 0 < θ < π/2.
  public init(rho: Rational, layers: Int, theta: QuadraticAngle) throws {
    if rho <= Rational(1) {
      throw TheoryError.outOfRange(what: "rho", value: "\(rho)", allowed: "(1, ∞)")
    }
    if layers < 1 { throw TheoryError.outOfRange(what: "N (layers)", value: "\(layers)", allowed: "[1, ∞)") }
    if theta.cosine.sign <= 0 || theta.cosine >= SurdSum.one {
      throw TheoryError.outOfRange(what: "theta", value: theta.description, allowed: "(0, π/2)")
    }
    self.rho = rho
    self.layers = layers
    self.theta = theta
  }

  /// The lower end 1/ρ² of the range of r the lemma allows.
  public var smallestRatio: Rational { Rational(1) / (rho * rho) }

  /// `min(1/ρ, 1 − cos θ)`, decided exactly.
  public var target: SurdSum {
    let a = SurdSum(Rational(1) / rho)
    let b = SurdSum.one - theta.cosine
    return a <= b ? a : b
  }

  /// `(a^{N−1} − 1)/(a − 1) = Σ_{j<N−1} a^j` with `a = ρ√r` (no division, so
  /// it is defined at a = 1 too).
  public func geometricFactor(at r: Rational) throws -> SurdSum {
    let root = try SurdSum.squareRoot(of: r)
    let a = root * rho
    var power = SurdSum.one
    var sum = SurdSum.zero
    for _ in 0..<max(layers - 1, 0) {
      sum = sum + power
      power = power * a
    }
    return sum
  }

  /// `b = 1 − √r + √(1 − r)`.
  public func bFactor(at r: Rational) throws -> SurdSum {
    SurdSum.one - (try SurdSum.squareRoot(of: r)) + (try SurdSum.squareRoot(of: Rational(1) - r))
  }

  /// `f(r)` exactly, for rational r ∈ (1/ρ², 1).
  /// - Throws: `outOfRange` outside that range.
  public func f(at r: Rational) throws -> SurdSum {
    try requireRatio(r)
    return target - (try geometricFactor(at: r)) * (try bFactor(at: r))
  }

  /// `f(r) > 0`, decided exactly.
  public func fIsPositive(at r: Rational) throws -> Bool { try f(at: r).sign > 0 }

  func requireRatio(_ r: Rational) throws {
    if r <= smallestRatio || r >= Rational(1) {
      throw TheoryError.outOfRange(what: "r", value: "\(r)", allowed: "(1/ρ² = \(smallestRatio), 1)")
    }
  }

  /// Certified enclosures of β_1 … β_N (index 0 is β_1), or `nil` from the
  /// first index where the radicand `1 − (1 − ρβ)²` is certainly negative
  /// (the recursion is undefined there) — with the index where it broke.
  public func betaEnclosures(at r: Rational, precisionBits bits: Int = 128) -> (betas: [RationalInterval], undefinedAt: Int?) {
    let rootR = RationalInterval.squareRoot(of: r, bits: bits)
    let rootOneMinusR = RationalInterval.squareRoot(of: Rational(1) - r, bits: bits)
    var betas = [RationalInterval](repeating: RationalInterval(Rational(0)), count: layers)
    // betas[layers − 1] is β_N = 0.
    var i = layers - 2
    while i >= 0 {
      let y = RationalInterval(Rational(1)) - RationalInterval(rho) * betas[i + 1]  // 1 − ρβ_{i+1}
      let radicand = RationalInterval(Rational(1)) - y.squared
      guard let root = radicand.squareRoot(precisionBits: bits) else { return (betas, i + 1) }
      // Rounded outward to `bits` bits (plus guard bits): the exact endpoints would double
      // in size per level, making N layers cost exponential time.
      betas[i] = (RationalInterval(Rational(1)) - rootR * y + rootOneMinusR * root).roundedOutward(bits: bits + 32)
      i -= 1
    }
    return (betas, nil)
  }

  /// The proof's intermediate claims at one rational r, each decided with
  /// certified bounds at increasing precision.
  public func intermediateClaims(at r: Rational) throws -> SparseRatioClaims {
    try requireRatio(r)
    let fPositive = try fIsPositive(at: r)
    let bound = try geometricFactor(at: r) * (try bFactor(at: r))
    var last: SparseRatioClaims?
    for bits in [64, 160, 400] {
      let (betas, undefinedAt) = betaEnclosures(at: r, precisionBits: bits)
      let boundInterval = bound.intervalBounds(precisionBits: bits)
      let targetInterval = target.intervalBounds(precisionBits: bits)
      func decide(_ a: RationalInterval, below b: RationalInterval) -> CertifiedTruth {
        if a.certainlyLess(than: b) { return .proved }
        if b.upper <= a.lower { return .refuted }
        return .undecided
      }
      var monotone = CertifiedTruth.proved
      if undefinedAt != nil { monotone = .refuted }
      else {
        for i in 0..<(layers - 1) {  // β_{i+2} < β_{i+1} in 1-based terms
          let d = decide(betas[i + 1], below: betas[i])
          if d == .refuted { monotone = .refuted; break }
          if d == .undecided { monotone = .undecided }
        }
      }
      let claims = SparseRatioClaims(
        r: r, fPositive: fPositive, betas: betas, recursionUndefinedAt: undefinedAt.map { $0 + 1 },
        betasDecreasing: monotone,
        betaOneBelowGeometricBound: undefinedAt != nil ? .undecided : (layers == 1 ? .undecided : decide(betas[0], below: boundInterval)),
        betaOneBelowTarget: undefinedAt != nil ? .undecided : decide(betas[0], below: targetInterval))
      last = claims
      if claims.allDecided { return claims }
    }
    return last!
  }

  /// Searches the rationals `r_j = 1 − 2^{−j}` (j = 1, 2, …, in (1/ρ², 1))
  /// for the first one with f(r) > 0 — Eq. 129 guarantees one exists — and
  /// then bisects between the largest sampled point below it where f <= 0
  /// (or 1/ρ²) and it, to `steps` halvings. Every returned endpoint is decided
  /// exactly: `f(certified) > 0`, and `f(rejected) <= 0` unless `rejected` is 1/ρ².
  public func certifiedSparseRatio(maximumExponent: Int = 200, bisectionSteps: Int = 20) throws -> SparseRatioSearch? {
    var lower = smallestRatio
    var found: Rational?
    var j = 1
    while j <= maximumExponent {
      let r = Rational(1) - Rational(1) / Rational(2).power(j)
      if r > smallestRatio {
        if try fIsPositive(at: r) { found = r; break }
        lower = r
      }
      j += 1
    }
    guard var upper = found else { return nil }
    for _ in 0..<bisectionSteps {
      let mid = (lower + upper) * Rational(1, 2)
      if try fIsPositive(at: mid) { upper = mid } else { lower = mid }
    }
    return SparseRatioSearch(certified: upper, rejected: lower, rejectedIsDomainEnd: lower == smallestRatio)
  }
}

/// The result of `SparseRatioAnalysis.certifiedSparseRatio`.
public struct SparseRatioSearch: Sendable {
  /// A rational r with f(r) > 0 (exact): the proof guarantees δ(w) < θ at r.
  public let certified: Rational
  /// A rational below `certified` with f <= 0 (exact), or 1/ρ².
  public let rejected: Rational
  /// Whether `rejected` is the domain end 1/ρ² (where f was not evaluated).
  public let rejectedIsDomainEnd: Bool
}

/// The proof's intermediate claims at one r (Appendix F, Eqs. 109–126).
public struct SparseRatioClaims: Sendable {
  /// The ratio r.
  public let r: Rational
  /// f(r) > 0 (exact).
  public let fPositive: Bool
  /// Enclosures of β_1 … β_N.
  public let betas: [RationalInterval]
  /// 1-based i where the radicand of β_i's recursion became negative, if any.
  public let recursionUndefinedAt: Int?
  /// β_N < β_{N−1} < … < β_1.
  public let betasDecreasing: CertifiedTruth
  /// β_1 < (a^{N−1} − 1)/(a − 1) · b (Eq. 125); undecided when N = 1 (both 0).
  public let betaOneBelowGeometricBound: CertifiedTruth
  /// β_1 < min(1/ρ, 1 − cos θ) (Eq. 120).
  public let betaOneBelowTarget: CertifiedTruth

  /// No claim left undecided.
  public var allDecided: Bool {
    betasDecreasing != .undecided && betaOneBelowTarget != .undecided
      && (betaOneBelowGeometricBound != .undecided || betas.count == 1)
  }
}

extension RationalInterval {
  /// The square of the interval (tight: contains 0 when the interval does).
  var squared: RationalInterval {
    let a = lower * lower
    let b = upper * upper
    if lower.signValue <= 0 && upper.signValue >= 0 { return RationalInterval(Rational(0), Swift.max(a, b)) }
    return RationalInterval(Swift.min(a, b), Swift.max(a, b))
  }

  /// An enclosure of √x for a rational x >= 0.
  static func squareRoot(of x: Rational, bits: Int) -> RationalInterval {
    let (lo, hi) = x.squareRootEnclosure(bits: bits)
    return RationalInterval(lo, hi)
  }
}

extension SurdSum {
  /// The certified bounds as an interval.
  public func intervalBounds(precisionBits: Int) -> RationalInterval {
    let (lo, hi) = bounds(precisionBits: precisionBits)
    return RationalInterval(lo, hi)
  }
}
