import ExactArithmetic
import Testing
@testable import ExactLinearAlgebra

@Suite struct MatrixBasicsTests {
  @Test func constructionRejectsEmptyAndRaggedInput() {
    #expect(throws: LinearAlgebraError.emptyMatrix) { try RationalMatrix(rows: []) }
    #expect(throws: LinearAlgebraError.emptyMatrix) { try RationalMatrix(rows: [[]]) }
    #expect(throws: LinearAlgebraError.raggedRows(row: 2, expected: 2, found: 1)) {
      try RationalMatrix(integerRows: [[1, 2], [3, 4], [5]])
    }
    #expect(throws: LinearAlgebraError.self) { try RationalMatrix(rowCount: 2, columnCount: 2, entries: [q(1)]) }
  }

  @Test func dimensionMismatchesThrowInsteadOfTrapping() throws {
    let a = try RationalMatrix(integerRows: [[1, 2, 3], [4, 5, 6]])
    #expect(throws: LinearAlgebraError.self) { try a.multiplied(by: a) }
    #expect(throws: LinearAlgebraError.self) { try a.multiplied(by: RationalVector([q(1)])) }
    #expect(throws: LinearAlgebraError.self) { try a.adding(a.transposed()) }
    #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try a.determinant() }
    #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try a.inverse() }
    #expect(throws: LinearAlgebraError.self) { try RationalVector([q(1)]).dot(RationalVector([q(1), q(2)])) }
    #expect(throws: LinearAlgebraError.self) { try RationalVector([q(1)]) + RationalVector([]) }
    #expect(throws: LinearAlgebraError.indexOutOfRange(name: "row", index: 2, bound: 2)) { try a.entry(2, 0) }
    #expect(throws: LinearAlgebraError.indexOutOfRange(name: "column", index: -1, bound: 3)) { try a.entry(0, -1) }
    #expect(try a.entry(1, 2) == q(6))
    #expect(throws: LinearAlgebraError.indexOutOfRange(name: "index", index: 1, bound: 1)) { try RationalVector([q(1)]).entry(1) }
    #expect(throws: LinearAlgebraError.notSymmetric(row: 0, column: 1)) {
      try RationalMatrix(integerRows: [[1, 2], [3, 4]]).ldlt()
    }
  }

  @Test func vectorOperations() throws {
    let u = RationalVector([q(1, 2), q(-3), q(2, 3)])
    let v = RationalVector([q(4), q(1, 3), q(-3, 2)])
    #expect(try u.dot(v) == q(1, 2) * q(4) + q(-3) * q(1, 3) + q(2, 3) * q(-3, 2))
    #expect(u.squaredNorm == q(1, 4) + q(9) + q(4, 9))
    #expect(try (u + v) - v == u)
    #expect(u.scaled(by: q(2)) == (try u + u))
    #expect((-u).entries == u.entries.map { -$0 })
  }

  @Test func productsAndTransposeFollowTheDefinitions() throws {
    var g = TestGenerator(7)
    let a = try MatrixGenerators.random(rows: 3, columns: 4, using: &g)
    let b = try MatrixGenerators.random(rows: 4, columns: 2, using: &g)
    let ab = try a.multiplied(by: b)
    for i in 0..<3 {
      for j in 0..<2 {
        var s = Rational.zero
        for k in 0..<4 { s += a[i, k] * b[k, j] }
        #expect(ab[i, j] == s)
      }
    }
    // (AB)^T = B^T A^T and (A B) x = A (B x).
    #expect(ab.transposed() == (try b.transposed().multiplied(by: a.transposed())))
    let x = RationalVector([q(1, 3), q(-2)])
    #expect(try ab.multiplied(by: x) == (try a.multiplied(by: b.multiplied(by: x))))
    #expect(try RationalMatrix.identity(3).multiplied(by: a) == a)
  }
}
