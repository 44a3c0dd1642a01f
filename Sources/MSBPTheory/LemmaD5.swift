import ExactArithmetic

/// A random variable with finitely many values and rational probabilities:
/// the instances on which the finite inequalities of Lemma D.5's proof are
/// checked exactly. (The lemma itself is about limits, which no finite
/// instance decides; see Proofs/LemmaD5.md.)
public struct FiniteDistribution: Sendable {
  /// The values x_j.
  public let values: [Rational]
  /// Their probabilities p_j (non-negative, summing to 1).
  public let probabilities: [Rational]

  /// - Throws: `dimensionMismatch`, or `outOfRange` for a negative probability or a sum ≠ 1.
  public init(values: [Rational], probabilities: [Rational]) throws {
    try VectorMath.requireCount(probabilities, values.count, "probabilities")
    if values.isEmpty { throw TheoryError.outOfRange(what: "number of values", value: "0", allowed: "[1, ∞)") }
    for (j, p) in probabilities.enumerated() where p.signValue < 0 {
      throw TheoryError.outOfRange(what: "probability \(j)", value: "\(p)", allowed: "[0, 1]")
    }
    let total = probabilities.reduce(Rational(0), +)
    if total != Rational(1) {
      throw TheoryError.outOfRange(what: "sum of probabilities", value: "\(total)", allowed: "{1}")
    }
    self.values = values
    self.probabilities = probabilities
  }

  /// E X.
  public var mean: Rational { zip(values, probabilities).reduce(Rational(0)) { $0 + $1.0 * $1.1 } }

  /// Var X = E (X − E X)².
  public var variance: Rational {
    let m = mean
    return zip(values, probabilities).reduce(Rational(0)) { $0 + ($1.0 - m) * ($1.0 - m) * $1.1 }
  }

  /// P(|X − E X| < ε).
  public func probabilityWithin(_ epsilon: Rational) -> Rational {
    let m = mean
    return zip(values, probabilities).reduce(Rational(0)) { ($1.0 - m).magnitude < epsilon ? $0 + $1.1 : $0 }
  }
}

/// Chebyshev's inequality as Eq. 130 prints it (strict) and as it holds (non-strict).
public struct ChebyshevReport: Sendable {
  /// P(|X − E X| < ε).
  public let probabilityWithin: Rational
  /// 1 − Var X / ε².
  public let bound: Rational
  /// P(...) > 1 − Var/ε² (Eq. 130 as printed).
  public let strictHolds: Bool
  /// P(...) >= 1 − Var/ε² (the corrected form).
  public let nonStrictHolds: Bool
}

/// Decides Eq. 130 in both forms for `x` and `ε > 0`.
/// - Throws: `outOfRange` unless ε > 0.
public func checkChebyshev(_ x: FiniteDistribution, epsilon: Rational) throws -> ChebyshevReport {
  if epsilon.signValue <= 0 { throw TheoryError.outOfRange(what: "ε", value: "\(epsilon)", allowed: "(0, ∞)") }
  let p = x.probabilityWithin(epsilon)
  let bound = Rational(1) - x.variance / (epsilon * epsilon)
  return ChebyshevReport(probabilityWithin: p, bound: bound, strictHolds: p > bound, nonStrictHolds: p >= bound)
}

/// Eq. 133: `P(A and B) >= P(A) + P(B) − 1`, for events given as outcome masks
/// of a finite probability space with probabilities `p`.
/// - Throws: `dimensionMismatch` for masks of the wrong length.
public func checkIntersectionBound(probabilities p: [Rational], eventA: [Bool], eventB: [Bool]) throws -> Bool {
  if eventA.count != p.count { throw TheoryError.dimensionMismatch(what: "event A", expected: p.count, actual: eventA.count) }
  if eventB.count != p.count { throw TheoryError.dimensionMismatch(what: "event B", expected: p.count, actual: eventB.count) }
  var pa = Rational(0), pb = Rational(0), pab = Rational(0)
  for j in p.indices {
    if eventA[j] { pa = pa + p[j] }
    if eventB[j] { pb = pb + p[j] }
    if eventA[j] && eventB[j] { pab = pab + p[j] }
  }
  return pab >= pa + pb - Rational(1)
}
