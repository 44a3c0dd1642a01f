import ExactArithmetic
import PropertyTesting
import Testing
@testable import MSBPTheory

/// Lemma D.4 on exact MLPs: whenever f(k/m) > 0, the rescaled SBP estimate is within θ.
@Suite struct LemmaD4Tests {
  struct Network: CustomStringConvertible {
    let weights: [[[Rational]]]
    let input: [Rational]
    let target: [Rational]
    let k: Int
    var description: String { "k \(k), input \(input), target \(target), weights \(weights)" }
  }

  static let width = 20
  static let rho1 = Rational(5, 4)  // >= (11/10)², the condition number squared of the middle layers
  static let slope = Rational(20, 21)

  /// Middle layers H₁ diag(d) H₂ with d ∈ {1, 11/10}: cond² <= 121/100 exactly.
  static var networks: Gen<Network> {
    let m = width
    let middle = Gen.zip(
      Gen.element(of: [Rational(1), Rational(11, 10)]).array(count: m),
      TheoryGen.nonZeroVector(count: m, entries: -2...2), TheoryGen.nonZeroVector(count: m, entries: -2...2)
    ).map { d, p1, p2 -> [[Rational]] in
      let left = conjugateRows(householder(p1), d)
      let h2 = householder(p2)
      return left.map { row in (0..<m).map { j in (0..<m).reduce(Rational(0)) { $0 + row[$1] * h2[$1][j] } } }
    }
    let first = TheoryGen.intVector(count: 3, entries: -2...2).array(count: m)
    let last = TheoryGen.intVector(count: m, entries: -1...1).array(count: 2)
    return Gen.zip(
      Gen.zip(first, middle, last),
      Gen.zip(TheoryGen.nonZeroVector(count: 3, entries: -2...2), TheoryGen.intVector(count: 2, entries: -3...3), Gen.int(in: 17...19))
    ).map { w, rest in Network(weights: [w.0, w.1, w.2], input: rest.0, target: rest.1, k: rest.2) }
  }

  @Test func rescaledSBPEstimateIsWithinTheta() throws {
    let theta = try QuadraticAngle.arccos(Rational(1, 5))
    try forAll("Lemma D.4: f(k/m) > 0 implies δ(w) < θ on exact MLPs", Self.networks, cases: 25,
               cover: ["f(r) > 0": 0.3, "f(r) <= 0": 0.1]) { net, ctx in
      let report: LemmaD4Report
      do {
        report = try checkLemmaD4(weights: net.weights, negativeSlope: Self.slope, input: net.input, target: net.target,
                                  k: net.k, rho1: Self.rho1, theta: theta)
      } catch TheoryError.zeroVector(let what) {
        try ctx.assume(false, "zero gradient: \(what)")
        return true
      }
      ctx.classify("f(r) > 0", report.fPositive == true)
      ctx.classify("f(r) <= 0", report.fPositive == false)
      ctx.note("cos δ(w) = \(report.rescaledCosine.decimal(digits: 6))")
      guard report.belowLargestLayerAngle else { return false }
      if report.fPositive == true {
        guard report.alphaAboveOneMinusBeta.allSatisfy({ $0 != .refuted }) else { return false }
      }
      return report.holds
    }
  }
}

/// H diag(d) for a square H.
func conjugateRows(_ h: [[Rational]], _ d: [Rational]) -> [[Rational]] {
  h.map { row in row.indices.map { row[$0] * d[$0] } }
}
