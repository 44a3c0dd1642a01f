import ExactArithmetic
import Testing
@testable import ExactLinearAlgebra

/// The machine-integer fast paths must agree exactly with plain `BigInt` arithmetic, and
/// the fallbacks of the certification must give correct bounds when the fast path is
/// denied (a deliberately useless floating-point estimate).
@Suite struct CertificateInternalsTests {
  @Test func int128ConversionIsExact() {
    let values: [Int128] = [0, 1, -1, Int128(Int64.max), Int128(Int64.min), Int128.max, Int128.min + 1,
                            Int128(1) << 100, -(Int128(1) << 100) + 12345, (Int128(1) << 65) - 1]
    for x in values {
      // Reference: Horner over the decimal digits with BigInt.
      var reference = BigInt(0)
      for digit in x.magnitude.description { reference = reference * BigInt(10) + BigInt(Int(String(digit))!) }
      if x < 0 { reference = -reference }
      #expect(bigInt(x) == reference, "\(x)")
    }
  }

  @Test func wideDifferenceMatchesBigIntArithmetic() {
    var g = TestGenerator(51)
    for trial in 0..<2000 {
      let c = trial % 7 == 0 ? Int.min + 1 : Int(truncatingIfNeeded: g.next()) >> Int(g.next() % 64)
      let t = Int(g.next() % 121)
      let d = trial % 11 == 0 ? 0 : Int(truncatingIfNeeded: g.next()) >> Int(g.next() % 64)
      let gValue = Int128(truncatingIfNeeded: Int64(bitPattern: g.next())) << Int(g.next() % 64)
        ^ Int128(g.next() % 1000)
      let cc = c
      let exact = BigInt(cc) * (BigInt(1) << t) - BigInt(d) * bigInt(gValue)
      let fits = exact <= bigInt(Int128.max) && exact >= bigInt(-Int128.max)
      let fast = exactDifference(cc, shiftedBy: t, minus: d, times: gValue)
      if fits {
        #expect(fast.map(bigInt) == exact, "c=\(cc) t=\(t) d=\(d) g=\(gValue)")
      } else {
        #expect(fast == nil, "c=\(cc) t=\(t) d=\(d) g=\(gValue)")
      }
    }
    // Near-cancellation, the certificate's regime: d g within a little of c 2^t.
    for _ in 0..<500 {
      let c = Int(truncatingIfNeeded: g.next()) >> 1
      let t = Int(g.next() % 61)
      let d = Int(g.next() % 100_000) + 1
      let target = (Int128(c) << t) / Int128(d) + Int128(Int(g.next() % 7) - 3)
      let exact = BigInt(c) * (BigInt(1) << t) - BigInt(d) * bigInt(target)
      #expect(exactDifference(c, shiftedBy: t, minus: d, times: target).map(bigInt) == exact)
    }
    // Cancellation: c 2^t == d g exactly gives 0 even though both products exceed 2^128.
    let big = Int128(1) << 100
    #expect(exactDifference(1 << 40, shiftedBy: 100, minus: 1 << 40, times: big) == 0)
    #expect(exactDifference(3, shiftedBy: 120, minus: 3 << 20, times: big) == 0)
    #expect(exactDifference(3, shiftedBy: 120, minus: (3 << 20) - 1, times: big) == big)
  }

  /// The floating-point estimators agree with exactly known spectra to roundoff.
  @Test func floatingEstimatorsFindKnownSpectra() throws {
    var g = TestGenerator(52)
    let spectrum = (1...9).map { Rational($0 * $0, 4) }
    let a = try MatrixGenerators.withSpectrum(spectrum, using: &g)
    let doubles = a.rows.flatMap { $0.map(\.doubleValue) }
    let ql = try #require(tridiagonalQLEigendecomposition(symmetric: doubles, dimension: 9))
    let jacobi = JacobiEigendecomposition(symmetric: doubles, dimension: 9)
    for (k, lambda) in spectrum.enumerated() {
      #expect(abs(ql.eigenvalues[k] - lambda.doubleValue) <= 1e-12 * 21)
      #expect(abs(jacobi.eigenvalues[k] - lambda.doubleValue) <= 1e-12 * 21)
    }
    // Eigenvectors: ||A v - lambda v|| small for the extreme pairs.
    for (values, vectors) in [(ql.eigenvalues, ql.eigenvectors), (jacobi.eigenvalues, jacobi.eigenvectors)] {
      for k in [0, 8] {
        var residual = 0.0
        for i in 0..<9 {
          var s = -values[k] * vectors[k][i]
          for j in 0..<9 { s += doubles[i * 9 + j] * vectors[k][j] }
          residual += s * s
        }
        #expect(residual.squareRoot() <= 1e-10)
      }
    }
  }

  /// With a useless estimate (a basis vector), the floating proof cannot succeed at first;
  /// the exact LDL^T and its witnesses, or Sturm, must still return correct bounds.
  @Test func fallbacksGiveCorrectBoundsFromABadEstimate() throws {
    var g = TestGenerator(53)
    let spectrum = [Rational(1, 3), Rational(2), Rational(7, 2), Rational(5), Rational(11, 2)]
    let a = try MatrixGenerators.withSpectrum(spectrum, using: &g)
    let form = ScaledSymmetricMatrix(a)
    let gap = defaultRelativeGap
    var badEstimate = [Double](repeating: 0, count: 5)
    badEstimate[0] = 1
    let low = try a.certifiedLowestEigenvalue(form: form, estimateVector: badEstimate, relativeGap: gap)
    #expect(low.lower <= spectrum[0] && spectrum[0] <= low.upper)
    #expect(low.upper - low.lower <= gap * low.lower.magnitude)
    #expect(low.method != .floatingCholeskyResidual)
    // The Sturm fallback on its own.
    let sturm = try a.sturmLowestEigenvalue(gap: gap)
    #expect(sturm.lower <= spectrum[0] && spectrum[0] <= sturm.upper)
    #expect(sturm.upper - sturm.lower <= gap * sturm.lower.magnitude)
  }

  /// The Int128 residual path and the BigInt path decide the same on the same input.
  @Test func residualPathsAgree() throws {
    var g = TestGenerator(54)
    for n in [3, 10, 24] {
      let a = try MatrixGenerators.randomPositiveDefinite(dimension: n, using: &g)
      let form = ScaledSymmetricMatrix(a)
      #expect(form.small != nil)
      let b = try a.certifiedExtremeEigenvalues()
      for shift in [b.mu, b.mu - Rational(1, 2), b.lambdaMinUpperBound + Rational(1, 8)] {
        let room = (b.lambdaMinUpperBound - shift).doubleValue / 2
        let fast = form.provesSemidefinite(shift: shift, floatingMargin: max(room, 0))
        let slow = form.provesSemidefinite(shift: shift, floatingMargin: max(room, 0), allowMachineIntegers: false)
        #expect(fast == slow)
        if fast { #expect(try a.shifted(by: -shift).positiveDefiniteness() == .positiveDefinite) }
      }
    }
  }
}
