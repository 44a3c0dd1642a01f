import Testing
@testable import ExactArithmetic

/// The one path on which `RadicalSum` may answer "undecidable": more than
/// `exactFallbackTermLimit` surds whose sum is nonzero but closer to zero than the
/// interval filter's last precision (2^15 bits). The sums below are built so that their
/// sign is known by construction: `sqrt 2 + sqrt 3 + sqrt 5 + sqrt 7 + sqrt 11 - c`, with
/// `c` the sum of certified *lower* bounds, is positive and below `5 * 2^-bits`.
@Suite struct RadicalSumUndecidableTests {
  let radicands: [Rational] = [2, 3, 5, 7, 11]

  /// The five surds minus the sum of their lower bounds at `bits` bits of precision.
  func nearlyCancellingSum(bits: Int) throws -> RadicalSum {
    var terms: [(coefficient: Rational, radicand: Rational)] = radicands.map { (.one, $0) }
    let c = radicands.reduce(Rational.zero) { $0 + $1.squareRootBounds(precisionBits: bits).lower }
    terms.append((coefficient: -c, radicand: .one))
    return try RadicalSum(terms: terms)
  }

  @Test func separatedWithinTheFilterIsDecidedPositive() throws {
    let sum = try nearlyCancellingSum(bits: 20_000)
    #expect(sum.terms.count == 6)
    #expect(sum.signDecision == .decided(1))
  }

  @Test func beyondTheFilterIsReportedUndecidableNeverGuessed() throws {
    let sum = try nearlyCancellingSum(bits: 70_000)
    #expect(sum.terms.count > RadicalSum.exactFallbackTermLimit)
    guard case .undecidable(let reason) = sum.signDecision else {
      Issue.record("expected .undecidable, got \(sum.signDecision)")
      return
    }
    #expect(reason.contains("6 independent surds"))
    #expect(throws: ExactArithmeticError.self) { try sum.sign() }
  }
}
