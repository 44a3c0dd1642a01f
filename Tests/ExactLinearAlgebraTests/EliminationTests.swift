import ExactArithmetic
import Testing
@testable import ExactLinearAlgebra

@Suite struct EliminationTests {
  /// det H_n = c_n^4 / c_{2n} with c_n = prod_{i<n} i! (Hilbert 1894).
  @Test(arguments: 1...12) func hilbertDeterminantMatchesClosedForm(n: Int) throws {
    let expected = try Rational(numerator: superfactorial(n).power(4), denominator: superfactorial(2 * n))
    #expect(try MatrixGenerators.hilbert(n).determinant() == expected)
  }

  @Test(arguments: [1, 4, 8, 12]) func hilbertInverseIsExact(n: Int) throws {
    let h = try MatrixGenerators.hilbert(n)
    let inverse = try h.inverse()
    #expect(try h.multiplied(by: inverse) == RationalMatrix.identity(n))
    #expect(try inverse.multiplied(by: h) == RationalMatrix.identity(n))
    // Known: the inverse of a Hilbert matrix has integer entries.
    #expect(inverse.rows.allSatisfy { $0.allSatisfy(\.isInteger) })
  }

  @Test func determinantAgreesWithCofactorExpansion() throws {
    var g = TestGenerator(11)
    for n in 1...5 {
      for _ in 0..<6 {
        let a = try MatrixGenerators.random(rows: n, columns: n, numeratorBound: 3, denominatorBound: 3, using: &g)
        #expect(try a.determinant() == cofactorDeterminant(a.rows))
      }
    }
    // A matrix with a zero leading entry needs a row swap (and a sign).
    let swapped = try RationalMatrix(integerRows: [[0, 1, 2], [3, 4, 5], [6, 7, 9]])
    #expect(try swapped.determinant() == cofactorDeterminant(swapped.rows))
  }

  @Test func solveAndInverseOnRandomNonsingularMatrices() throws {
    var g = TestGenerator(12)
    for n in [1, 2, 5, 9] {
      let a = try MatrixGenerators.random(rows: n, columns: n, using: &g)
      guard try a.determinant() != .zero else { continue }
      let x = try MatrixGenerators.random(rows: n, columns: 1, using: &g).column(0)
      let b = try a.multiplied(by: x)
      #expect(try a.solve(b) == x)
      #expect(try a.multiplied(by: a.inverse()) == RationalMatrix.identity(n))
    }
  }

  @Test func singularMatricesAreReportedNotTrapped() throws {
    let a = try RationalMatrix(integerRows: [[1, 2], [2, 4]])
    #expect(try a.determinant() == .zero)
    #expect(throws: LinearAlgebraError.singular) { try a.inverse() }
    #expect(throws: LinearAlgebraError.singular) { try a.solve(RationalVector([q(1), q(1)])) }
  }

  /// Rank k by construction: Q1 diag(1..1, 0..0) Q2 with Q1, Q2 invertible (orthogonal).
  @Test func rankOfConstructedMatrices() throws {
    var g = TestGenerator(13)
    for (n, k) in [(1, 0), (1, 1), (4, 2), (6, 3), (6, 6), (7, 0)] {
      let q1 = try MatrixGenerators.randomOrthogonal(dimension: n, using: &g)
      let q2 = try MatrixGenerators.randomOrthogonal(dimension: n, using: &g)
      let d = try RationalMatrix.diagonal((0..<n).map { $0 < k ? q($0 + 1, 2) : .zero })
      let a = try q1.multiplied(by: d).multiplied(by: q2)
      #expect(a.rank() == k)
      #expect((try a.determinant() == .zero) == (k < n))
    }
    // Non-square: a 3 x 5 matrix whose third row is the sum of the first two.
    let wide = try RationalMatrix(integerRows: [[1, 2, 0, 1, 3], [0, 1, 1, 1, 1], [1, 3, 1, 2, 4]])
    #expect(wide.rank() == 2)
    #expect(wide.transposed().rank() == 2)
  }
}
