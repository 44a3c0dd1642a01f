import ExactArithmetic
import PropertyTesting
import Testing
@testable import MSBPTheory

@Suite struct MemoryTests {
  static var runs: Gen<([[Rational]], Int, Rational)> {
    Gen.int(in: 2...5).flatMap { m in
      Gen.zip(TheoryGen.intVector(count: m).array(count: 1...6), Gen.int(in: 0...m), Gen.int(in: 0...4).map { Rational($0, 4) })
    }
  }

  @Test func gammaZeroIsSBP() throws {
    try forAll("MSBP with γ = 0 is SBP", Self.runs) { run in
      let (grads, k, _) = run
      var msbp = try MemorizedSparsifier(sparsifier: TopK(), k: k, gamma: Rational(0), width: grads[0].count)
      for g in grads where try msbp.step(g) != topK(g, k: k) { return false }
      return VectorMath.isZero(msbp.memory)
    }
  }

  @Test func memoryAccountsForEveryUnpropagatedGradient() throws {
    try forAll("MSBP: Σ g_t + m_T/γ + (1/γ − 1) Σ_{t<T} m_t = Σ ∂ℓ/∂h_t", Self.runs, cases: 150,
               cover: ["γ = 1 (nothing lost)": 0.1, "0 < γ < 1": 0.3, "k < m": 0.5]) { run, ctx in
      let (grads, k, gamma) = run
      let m = grads[0].count
      try ctx.assume(gamma.signum > 0)
      ctx.classify("γ = 1 (nothing lost)", gamma == Rational(1))
      ctx.classify("0 < γ < 1", gamma < Rational(1))
      ctx.classify("k < m", k < m)
      var msbp = try MemorizedSparsifier(sparsifier: TopK(), k: k, gamma: gamma, width: m)
      var propagated = [Rational](repeating: Rational(0), count: m)
      var total = propagated
      var earlierMemories = propagated
      for (t, g) in grads.enumerated() {
        if t > 0 { earlierMemories = VectorMath.add(earlierMemories, msbp.memory) }
        propagated = VectorMath.add(propagated, try msbp.step(g))
        total = VectorMath.add(total, g)
      }
      let lhs = VectorMath.add(
        VectorMath.add(propagated, VectorMath.scale(msbp.memory, by: Rational(1) / gamma)),
        VectorMath.scale(earlierMemories, by: Rational(1) / gamma - Rational(1)))
      return lhs == total
    }
  }

  @Test func badMemoryRatiosAreRejected() throws {
    #expect(throws: TheoryError.self) { try MemorizedSparsifier(sparsifier: TopK(), k: 1, gamma: Rational(3, 2), width: 2) }
    #expect(throws: TheoryError.self) { try MemorizedSparsifier(sparsifier: TopK(), k: 3, gamma: Rational(1, 2), width: 2) }
  }
}
