import ExactArithmetic
import PropertyTesting
import Testing
@testable import MSBPTheory

@Suite struct Theorem4Tests {
  struct Instance: CustomStringConvertible {
    let rho: Rational
    let layers: Int
    let cosTheta: Rational
    var description: String { "ρ = \(rho), N = \(layers), cos θ = \(cosTheta)" }
    func analysis() throws -> SparseRatioAnalysis {
      try SparseRatioAnalysis(rho: rho, layers: layers, theta: try QuadraticAngle.arccos(cosTheta))
    }
  }

  static var instances: Gen<Instance> {
    Gen.zip(Gen.int(in: 1...40), Gen.int(in: 1...5), Gen.int(in: 1...19)).map {
      Instance(rho: Rational(1) + Rational($0, 4), layers: $1, cosTheta: Rational($2, 20))
    }
  }

  /// Eq. 128 claims the limit N − 1; the geometric factor at r = 1 is Σ_{j<N−1} ρ^j.
  @Test func equation128LimitIsAGeometricSumNotNMinusOne() throws {
    let analysis = try SparseRatioAnalysis(rho: q(2), layers: 3, theta: try QuadraticAngle.arccos(q(1, 2)))
    let atOne = try analysis.geometricFactor(at: q(1))
    #expect(atOne.rationalValue == q(3))  // 1 + 2, independent closed form (ρ^{N−1} − 1)/(ρ − 1)
    #expect(atOne.rationalValue != q(2))  // the printed N − 1
    // Near r = 1 the factor already exceeds N − 1 by far (it increases with r).
    let near = try analysis.geometricFactor(at: q(1) - q(1, 1 << 20))
    #expect(near > SurdSum(q(5, 2)))
    // For N = 2 the two agree (both 1): the error only shows for N >= 3.
    let two = try SparseRatioAnalysis(rho: q(7), layers: 2, theta: try QuadraticAngle.arccos(q(1, 2)))
    #expect(try two.geometricFactor(at: q(1)).rationalValue == q(1))
  }

  @Test func closedFormOfTheGeometricFactor() throws {
    try forAll("geometric factor equals (a^{N−1} − 1)/(a − 1)", Gen.zip(Self.instances, Gen.int(in: 1...9))) { input in
      let (inst, j) = input
      let r = Rational(j * j, 100)  // √r = j/10 rational, so a is rational
      let a = inst.rho * Rational(j, 10)
      let expected = a == Rational(1) ? Rational(inst.layers - 1) : (a.power(inst.layers - 1) - Rational(1)) / (a - Rational(1))
      return try inst.analysis().geometricFactor(at: r).rationalValue == expected
    }
  }

  @Test func fSignAgreesWithFloatingPointAwayFromZero() throws {
    let gen = Gen.zip(Self.instances, Gen.int(in: 1...30))
    try forAll("f(r) sign agrees with a double evaluation", gen, cases: 150, cover: ["f > 0": 0.1, "f <= 0": 0.1]) { input, ctx in
      let (inst, j) = input
      let analysis = try inst.analysis()
      let r = Rational(1) - Rational(1, 1 << j)
      try ctx.assume(r > analysis.smallestRatio)
      let f = try analysis.f(at: r)
      ctx.classify("f > 0", f.sign > 0)
      ctx.classify("f <= 0", f.sign <= 0)
      let rd = r.doubleValue, rho = inst.rho.doubleValue, c = inst.cosTheta.doubleValue
      let a = rho * rd.squareRoot()
      var geometric = 0.0, power = 1.0
      for _ in 0..<(inst.layers - 1) { geometric += power; power *= a }
      let fd = min(1 / rho, 1 - c) - geometric * (1 - rd.squareRoot() + (1 - rd).squareRoot())
      if abs(fd) < 1e-9 { return true }
      return (f.sign > 0) == (fd > 0)
    }
  }

  @Test func certifiedRatioExistsAndTheProofsClaimsHoldThere() throws {
    try forAll("Lemma D.4: a certified r exists and the proof's claims hold at it", Self.instances, cases: 60,
               cover: ["N >= 3": 0.3, "target is 1/ρ": 0.1, "target is 1 − cos θ": 0.1]) { inst, ctx in
      let analysis = try inst.analysis()
      ctx.classify("N >= 3", inst.layers >= 3)
      let targetIsRho = analysis.target == SurdSum(Rational(1) / inst.rho)
      ctx.classify("target is 1/ρ", targetIsRho)
      ctx.classify("target is 1 − cos θ", !targetIsRho)
      guard let search = try analysis.certifiedSparseRatio(bisectionSteps: 8) else { return false }
      guard try analysis.fIsPositive(at: search.certified) else { return false }
      if !search.rejectedIsDomainEnd, try analysis.fIsPositive(at: search.rejected) { return false }
      let claims = try analysis.intermediateClaims(at: search.certified)
      ctx.note("β = \(claims.betas)")
      return claims.recursionUndefinedAt == nil && claims.betasDecreasing == .proved
        && claims.betaOneBelowTarget == .proved
        && (inst.layers == 1 || claims.betaOneBelowGeometricBound == .proved)
    }
  }

  @Test func geometricBoundHoldsWhereverTheRecursionIsDefined() throws {
    let ratios = Gen<Rational>.frequency(
      (1, Gen.int(in: 1...99).map { Rational($0, 100) }),
      (1, Gen.int(in: 1...30).map { Rational(1) - Rational(1, 1 << $0) }))
    let gen = Gen.zip(Self.instances, ratios)
    try forAll("β_1 < (a^{N−1} − 1)/(a − 1) · b wherever defined", gen, cases: 120,
               cover: ["recursion defined": 0.3, "f(r) > 0": 0.05, "geometric bound proved": 0.25]) { input, ctx in
      let (inst, r) = input
      let analysis = try inst.analysis()
      try ctx.assume(r > analysis.smallestRatio)
      try ctx.assume(inst.layers >= 2)
      let claims = try analysis.intermediateClaims(at: r)
      ctx.classify("recursion defined", claims.recursionUndefinedAt == nil)
      ctx.classify("f(r) > 0", claims.fPositive)
      if claims.recursionUndefinedAt != nil { return !claims.fPositive }  // f > 0 forces definedness
      if claims.betaOneBelowGeometricBound == .refuted { return false }
      // An undecided comparison is not a pass by itself: the cover above demands that most
      // defined cases are actually proved.
      ctx.classify("geometric bound proved", claims.betaOneBelowGeometricBound == .proved)
      // f(r) > 0 must imply β_1 < min(1/ρ, 1 − cos θ) (Eq. 126 ⇒ Eq. 120).
      return !claims.fPositive || claims.betaOneBelowTarget == .proved
    }
  }

  /// The β recursion's enclosures stay at the requested precision however deep the
  /// network: without outward rounding their endpoints doubled in size per layer, and
  /// `theorem-check mlp-ratio --layers 20` took 12 s (24 layers: minutes).
  @Test func betaEnclosuresStayBoundedInSize() throws {
    let analysis = try SparseRatioAnalysis(rho: q(2), layers: 14, theta: try QuadraticAngle.arccos(q(1, 2)))
    let r = Rational(1) - Rational(1, 1 << 20)
    let (betas, undefinedAt) = analysis.betaEnclosures(at: r, precisionBits: 64)
    #expect(undefinedAt == nil)
    for (i, b) in betas.enumerated() {
      #expect(b.lower.denominator.bitWidth <= 97 && b.upper.denominator.bitWidth <= 97,
              "β_\(i + 1): denominators of \(b.lower.denominator.bitWidth) and \(b.upper.denominator.bitWidth) bits")
      #expect(b.lower <= b.upper)
    }
    // The deepest network the command accepts is decided in full.
    let deep = try SparseRatioAnalysis(rho: q(2), layers: 64, theta: try QuadraticAngle.arccos(q(1, 2)))
    let search = try #require(try deep.certifiedSparseRatio())
    let claims = try deep.intermediateClaims(at: search.certified)
    #expect(claims.allDecided && claims.betasDecreasing == .proved)
  }

  @Test func badParametersAreRejected() throws {
    let theta = try QuadraticAngle.arccos(q(1, 2))
    #expect(throws: TheoryError.self) { try SparseRatioAnalysis(rho: q(1), layers: 3, theta: theta) }
    #expect(throws: TheoryError.self) { try SparseRatioAnalysis(rho: q(2), layers: 0, theta: theta) }
    #expect(throws: TheoryError.self) { try SparseRatioAnalysis(rho: q(2), layers: 3, theta: try QuadraticAngle.arccos(q(0))) }
    let analysis = try SparseRatioAnalysis(rho: q(2), layers: 3, theta: theta)
    #expect(throws: TheoryError.self) { try analysis.f(at: q(1, 4)) }  // = 1/ρ², outside the open range
    #expect(throws: TheoryError.self) { try analysis.f(at: q(1)) }
  }

  /// Theorem 2's hypothesis fails for MLPs with a hidden layer: the 1-1-1
  /// linear network ℓ(a, b) = ½(ab − 1)² has two distinct global minima and
  /// is not even convex between them.
  @Test func strongConvexityFailsForTheSmallestMLP() throws {
    func loss(_ a: Rational, _ b: Rational) -> Rational { (a * b - q(1)) * (a * b - q(1)) * q(1, 2) }
    #expect(loss(q(1), q(1)) == q(0))
    #expect(loss(q(2), q(1, 2)) == q(0))
    // Midpoint value 1/128 > 0 = the average of the endpoint values: not convex.
    #expect(loss(q(3, 2), q(3, 4)) == q(1, 128))
    #expect(loss(q(3, 2), q(3, 4)) > (loss(q(1), q(1)) + loss(q(2), q(1, 2))) * q(1, 2))
  }
}
