import ExactArithmetic
import Foundation
import PropertyTesting
import Testing
@testable import MSBPTheory

@Suite struct LemmaD1Tests {
  static var triples: Gen<([Rational], [Rational], [Rational])> {
    Gen.int(in: 2...4).flatMap { n in
      let v = TheoryGen.nonZeroVector(count: n, entries: -3...3)
      // Half of the time c is a non-negative combination of a and b: equality case. A fifth
      // of the time b = -λa (λ in 1...3): the sum of angles reaches π, the lemma's edge.
      let antipodal = Gen.frequency((4, Gen<Int>.constant(0)), (1, Gen.int(in: 1...3)))
      return Gen.zip(Gen.zip(v, v, v), Gen.zip(Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.bool), antipodal).map { vectors, choice, lambda in
        let (a, drawnB, other) = vectors
        let b = lambda == 0 ? drawnB : VectorMath.scale(a, by: Rational(-lambda))
        let (s, t, between) = choice
        let c = between ? VectorMath.add(VectorMath.scale(a, by: Rational(s)), VectorMath.scale(b, by: Rational(t))) : other
        return (a, b, c)
      }.filter { !VectorMath.isZero($0.2) }
    }
  }

  @Test func triangleInequalityForAngles() throws {
    try forAll("Lemma D.1: ⟨a,b⟩ <= ⟨a,c⟩ + ⟨b,c⟩", Self.triples, cases: 200,
               cover: ["equality": 0.1, "strict": 0.3, "antipodal a, b": 0.08]) { t, ctx in
      let (a, b, c) = t
      let report = try checkLemmaD1(a, b, c)
      ctx.classify("equality", report.comparison == 0)
      ctx.classify("strict", report.comparison < 0)
      ctx.classify("antipodal a, b", report.ab.cosine == -SurdSum.one)
      // Second method: ExactArithmetic's Angle and its own sum comparison.
      let other = Angle.compare(sum: [try Angle(between: a, and: c), try Angle(between: b, and: c)],
                                with: try Angle(between: a, and: b))
      return report.holds && report.orthogonalPartsStepHolds && other == -report.comparison
    }
  }

  @Test func knownRightAngles() throws {
    // a = e1, b = e2, c = (1, 1): 45° + 45° = 90°: equality.
    let r = try checkLemmaD1(vec(1, 0), vec(0, 1), vec(1, 1))
    #expect(r.comparison == 0)
    // c = (1, -1): 45° + 135° = 180° > 90°.
    #expect(try checkLemmaD1(vec(1, 0), vec(0, 1), vec(1, -1)).comparison < 0)
    #expect(throws: TheoryError.zeroVector("c")) { try checkLemmaD1(vec(1, 0), vec(0, 1), vec(0, 0)) }
  }
}

@Suite struct LemmaD2Tests {
  struct Instance: CustomStringConvertible {
    let a: [[Rational]]
    let singular: [Rational]
    let u: [Rational]
    let v: [Rational]
    var description: String { "A \(a), u \(u), v \(v)" }
  }

  /// A = H₁ D H₂ with Householder H₁ (m×m), H₂ (n×n) and D = [diag(d) 0], m <= n:
  /// AAᵀ = H₁ diag(d²) H₁ᵀ, so μ = min d², L = max d² exactly.
  static var instances: Gen<Instance> {
    Gen.zip(Gen.int(in: 1...3), Gen.int(in: 0...1)).flatMap { m, extra in
      let n = m + extra
      return Gen.zip(
        Gen.zip(
          Gen.int(in: 1...3).map { Rational($0) }.array(count: m),
          TheoryGen.nonZeroVector(count: m, entries: -2...2), TheoryGen.nonZeroVector(count: n, entries: -2...2)),
        Gen.zip(TheoryGen.nonZeroVector(count: m, entries: -3...3), TheoryGen.intVector(count: m, entries: -1...1))
      ).map { matrices, vectors in
        let (d, p1, p2) = matrices
        let (u, noise) = vectors
        let h1 = householder(p1), h2 = householder(p2)
        let dm = (0..<m).map { i in (0..<n).map { j in i == j ? d[i] : Rational(0) } }
        let left = (0..<m).map { i in (0..<n).map { j in (0..<m).reduce(Rational(0)) { $0 + h1[i][$1] * dm[$1][j] } } }
        let a = (0..<m).map { i in (0..<n).map { j in (0..<n).reduce(Rational(0)) { $0 + left[i][$1] * h2[$1][j] } } }
        // v near u (the bound is informative) or unrelated to u (noise drawn from -1...1 alone).
        let v = noise.first == Rational(0) ? noise.map { $0 + Rational(1) } : VectorMath.add(VectorMath.scale(u, by: Rational(2)), noise)
        return Instance(a: a, singular: d, u: u, v: v)
      }.filter { !VectorMath.isZero($0.v) }
    }
  }

  @Test func conditioningBound() throws {
    try forAll("Lemma D.2 (m <= n): cos⟨Aᵀu, Aᵀv⟩ >= ρ cos⟨u, v⟩ + 1 − ρ", Self.instances, cases: 150,
               cover: ["bound above −1 (non-trivial)": 0.3, "bound above 0": 0.2, "ρ > 1": 0.3, "wide A (m < n)": 0.2]) { t, ctx in
      let squares = t.singular.map { $0 * $0 }
      let report = try checkLemmaD2(t.a, u: t.u, v: t.v, mu: squares.min()!, L: squares.max()!)
      ctx.classify("bound above −1 (non-trivial)", report.bound > -SurdSum.one)
      ctx.classify("bound above 0", report.bound.sign > 0)
      ctx.classify("ρ > 1", squares.min()! < squares.max()!)
      ctx.classify("wide A (m < n)", t.a.count < t.a[0].count)
      return report.holds
    }
  }

  /// The printed hypotheses allow m > n; then AAᵀ is singular. Reading ρ from
  /// the non-zero spectrum (AᵀA) the inequality fails on the smallest example.
  @Test func tallMatrixReadingFails() throws {
    let f = try fixture("lemma-d2-tall-matrix.json")
    let a = (f["A"] as? [[Any]] ?? []).map { ints($0).map { Rational($0) } }
    let u = ints(f["u"]).map { Rational($0) }, v = ints(f["v"]).map { Rational($0) }
    let rho = Rational(try #require((f["rho"] as? NSNumber)?.intValue))
    #expect(throws: TheoryError.self) { try checkLemmaD2(a, u: u, v: v, mu: rho, L: rho) }
    // AᵀA = [1]: its condition number is 1, so ρ = 1 satisfies "ρ >= σ_max/σ_min" for AᵀA.
    let gramT = VectorMath.dot(a.map { $0[0] }, a.map { $0[0] })
    #expect(gramT == Rational(1) && rho == Rational(1))
    let image = try QuadraticAngle.between(VectorMath.multiplyTransposed(a, u), VectorMath.multiplyTransposed(a, v)).cosine
    let source = try QuadraticAngle.between(u, v).cosine
    let bound = source * rho + (Rational(1) - rho)
    #expect(image == -SurdSum.one)
    #expect(bound == SurdSum.zero)
    #expect(image < bound)
  }
}

@Suite struct LemmaD3Tests {
  struct Instance: CustomStringConvertible {
    let w: [[Rational]]
    let squares: [Rational]
    let x: [Rational]
    let slopes: [Rational]
    let dz: [Rational]
    let gz: [Rational]
    let k: Int
    var description: String { "W \(w), x \(x), σ' \(slopes), ∂ℓ/∂z \(dz), g^z \(gz), k \(k)" }
  }

  static var instances: Gen<Instance> {
    LemmaD2Tests.instances.flatMap { d2 in
      let m = d2.a.count, n = d2.a[0].count
      return Gen.zip(
        TheoryGen.nonZeroVector(count: n, entries: -3...3), Gen.int(in: 1...3).map { Rational($0) }.array(count: m),
        TheoryGen.intVector(count: m, entries: -1...1), Gen.int(in: 1...m)
      ).map { x, slopes, noise, k in
        Instance(w: d2.a, squares: d2.singular.map { $0 * $0 }, x: x, slopes: slopes, dz: d2.u,
                 gz: VectorMath.add(VectorMath.scale(d2.u, by: Rational(3)), noise), k: k)
      }
    }
  }

  @Test func linearLayerAngles() throws {
    try forAll("Lemma D.3 (m <= n): δ(w) = δ(h) and the two angle bounds", Self.instances, cases: 150,
               cover: ["input bound applies": 0.2, "output bound applies": 0.2, "sparsified (k < m)": 0.2]) { t, ctx in
      let gh = try topK((0..<t.gz.count).map { t.slopes[$0] * t.gz[$0] }, k: t.k)
      try ctx.assume(!VectorMath.isZero(gh), "g^h = 0")
      let report = try checkLemmaD3(
        w: t.w, mu: t.squares.min()!, L: t.squares.max()!, x: t.x, activationSlopes: t.slopes,
        trueOutputGradient: t.dz, estimatedOutputGradient: t.gz, sparsifier: TopK(), k: t.k)
      ctx.classify("input bound applies", report.inputBoundApplies)
      ctx.classify("output bound applies", report.outputBoundApplies)
      ctx.classify("sparsified (k < m)", t.k < t.w.count)
      return report.holds
    }
  }
}

@Suite struct LemmaD5Tests {
  static var distributions: Gen<FiniteDistribution> {
    Gen.zip(Gen.int(in: -3...3).array(count: 1...5), Gen.int(in: 1...4).array(count: 5)).map { values, weights in
      let w = Array(weights.prefix(values.count))
      let total = w.reduce(0, +)
      return try FiniteDistribution(values: values.map { Rational($0) }, probabilities: w.map { Rational($0, total) })
    }
  }

  @Test func chebyshevHoldsNonStrictly() throws {
    let gen = Gen.zip(Self.distributions, Gen.element(of: [Rational(1, 2), Rational(1), Rational(3, 2), Rational(2)]))
    try forAll("Chebyshev (Eq. 130, corrected to >=)", gen, cases: 200,
               cover: ["printed strict form fails": 0.01, "non-trivial bound": 0.2]) { input, ctx in
      let report = try checkChebyshev(input.0, epsilon: input.1)
      ctx.classify("printed strict form fails", !report.strictHolds)
      ctx.classify("non-trivial bound", report.bound.signum > 0)
      return report.nonStrictHolds
    }
  }

  @Test func strictChebyshevCounterexample() throws {
    let f = try fixture("chebyshev-strict.json")
    for key in ["smallest", "nonDegenerate"] {
      let entry = try #require(f[key] as? [String: Any])
      let values = ints(entry["values"]).map { Rational($0) }
      let p = (entry["probabilities"] as? [[Any]] ?? []).map { ints($0) }.map { Rational($0[0], $0[1]) }
      let epsilon = Rational(try #require((entry["epsilon"] as? NSNumber)?.intValue))
      let sides = ints(entry["sides"]).map { Rational($0) }
      let report = try checkChebyshev(try FiniteDistribution(values: values, probabilities: p), epsilon: epsilon)
      #expect(report.probabilityWithin == sides[0] && report.bound == sides[1], "\(key)")
      #expect(!report.strictHolds && report.nonStrictHolds, "\(key)")
    }
    // The non-degenerate example by hand: E X = 0, Var X = 1, no mass strictly within 1 of the mean.
    let x = try FiniteDistribution(values: [Rational(-1), Rational(1)], probabilities: [Rational(1, 2), Rational(1, 2)])
    #expect(x.mean == Rational(0) && x.variance == Rational(1) && x.probabilityWithin(Rational(1)) == Rational(0))
  }

  @Test func intersectionBound() throws {
    let gen = Self.distributions.flatMap { d in
      Gen.zip(Gen.constant(d), Gen.bool.array(count: d.values.count), Gen.bool.array(count: d.values.count))
    }
    try forAll("P(A and B) >= P(A) + P(B) − 1 (Eq. 133)", gen, cases: 150) { input in
      try checkIntersectionBound(probabilities: input.0.probabilities, eventA: input.1, eventB: input.2)
    }
    #expect(throws: TheoryError.self) { try FiniteDistribution(values: [Rational(1)], probabilities: [Rational(1, 2)]) }
  }
}

@Suite struct LemmaF1Tests {
  struct Instance: CustomStringConvertible {
    let u: [[Rational]]
    let v: [[Rational]]
    var description: String { "u \(u), v \(v)" }
  }

  /// v_i = H_i u_i with Householder reflections: ‖v_i‖ = ‖u_i‖ exactly.
  static var instances: Gen<Instance> {
    Gen.zip(Gen.int(in: 2...3), Gen.int(in: 1...3)).flatMap { d, n in
      Gen.zip(TheoryGen.nonZeroVector(count: d, entries: -3...3), TheoryGen.nonZeroVector(count: d, entries: -4...4))
        .array(count: n).map { pairs in
          Instance(u: pairs.map { $0.0 }, v: pairs.map { VectorMath.multiply(householder($0.1), $0.0) })
        }
    }
  }

  @Test func deterministicBoundsOfLemmaF1() throws {
    try forAll("Lemma F.1: Eqs. 141, 146, 150, 151 on instances", Self.instances, cases: 120,
               cover: ["final bound applies": 0.2, "several instances": 0.3], maxDiscardRatio: 20) { t, ctx in
      // θ just above the largest instance angle: cos θ = min cos⟨u_i, v_i⟩ − 1/20.
      let cosines = zip(t.u, t.v).map { VectorMath.dot($0, $1) / VectorMath.squaredNorm($0) }
      let c = cosines.min()! - Rational(1, 20)
      try ctx.assume(c.signum > 0, "θ >= π/2")
      var uBar = [Rational](repeating: Rational(0), count: t.u[0].count), vBar = uBar
      for i in t.u.indices { uBar = VectorMath.add(uBar, t.u[i]); vBar = VectorMath.add(vBar, t.v[i]) }
      try ctx.assume(!VectorMath.isZero(uBar) && !VectorMath.isZero(vBar), "zero mean")
      let report = try checkLemmaF1(u: t.u, v: t.v, cosTheta: c)
      ctx.classify("final bound applies", report.finalBoundApplies == .proved)
      ctx.classify("several instances", t.u.count > 1)
      return report.meanIdentityHolds && report.normRatioBound == .proved && report.cosineBound == .proved
        && (report.finalBoundApplies != .proved || report.finalBound == .proved)
    }
  }
}

@Suite struct ConditioningTests {
  @Test func certifiedRhoBracketsTheKnownConditionNumber() throws {
    try forAll("Lemma D.2's ρ from ExactLinearAlgebra brackets max d²/min d²", LemmaD2Tests.instances, cases: 40) { t in
      let certificate = try lemmaD2Conditioning(t.a)
      let squares = t.singular.map { $0 * $0 }
      let exact = squares.max()! / squares.min()!
      let report = try checkLemmaD2(t.a, u: t.u, v: t.v, mu: certificate.mu, L: certificate.L)
      return certificate.lowerBound <= exact && exact <= certificate.rho && report.holds
        && certificate.rho - exact <= exact * Rational(1, 1 << 20)
    }
    #expect(throws: TheoryError.self) { try lemmaD2Conditioning([vec(1), vec(0)]) }
    #expect(throws: TheoryError.notPositiveDefinite("AAᵀ")) { try lemmaD2Conditioning([vec(1, 2), vec(2, 4)]) }
  }
}
