import ExactArithmetic

/// The exact answer to "is this symmetric matrix positive semidefinite?".
enum Semidefiniteness {
  /// Positive semidefinite, of the given rank (rank < n means 0 is an eigenvalue).
  case positiveSemidefinite(rank: Int)
  /// Not positive semidefinite: `v^T C v = value < 0`.
  case indefinite(vector: RationalVector, value: Rational)
}

extension RationalMatrix {
  /// Decides exactly whether this *symmetric* matrix is positive semidefinite.
  ///
  /// Fraction-free symmetric elimination with diagonal pivoting: pivot on any positive
  /// diagonal entry of the current Schur complement. A negative diagonal entry, or a zero
  /// diagonal entry whose row is not zero, proves indefiniteness; a Schur complement that
  /// is identically zero (or empty) proves semidefiniteness. Bareiss entries are the Schur
  /// complement times the (positive) determinant of the eliminated block, so their signs
  /// are the signs the decision needs. The caller guarantees symmetry.
  func semidefiniteness() throws -> Semidefiniteness {
    let n = rowCount
    var (_, a) = integerScaled()
    var active = Array(0..<n)
    var eliminated: [Int] = []
    var previous = BigInt(1)
    while !active.isEmpty {
      if let q = active.first(where: { a[$0 * n + $0].signum < 0 }) {
        return try indefiniteWitness(eliminated: eliminated, active: active,
                                     schurVector: active.map { $0 == q ? Rational.one : .zero })
      }
      guard let q = active.first(where: { a[$0 * n + $0].signum > 0 }) else {
        // All remaining diagonal entries are zero: semidefinite iff the block is zero.
        for i in active {
          for j in active where j != i && !a[i * n + j].isZero {
            let s = a[i * n + j].signum > 0 ? -Rational.one : .one
            // y = e_i + s e_j gives y^T S y = 2 s S_ij < 0.
            return try indefiniteWitness(
              eliminated: eliminated, active: active,
              schurVector: active.map { $0 == i ? .one : ($0 == j ? s : .zero) })
          }
        }
        return .positiveSemidefinite(rank: eliminated.count)
      }
      let p = a[q * n + q]
      active.removeAll { $0 == q }
      for (x, i) in active.enumerated() {
        let aiq = a[i * n + q]
        for j in active[...x] {
          let value = exactQuotient(p * a[i * n + j] - aiq * a[j * n + q], previous)
          a[i * n + j] = value
          a[j * n + i] = value
        }
      }
      eliminated.append(q)
      previous = p
    }
    return .positiveSemidefinite(rank: n)
  }

  /// Lifts a vector `y` on the not-yet-eliminated indices with `y^T S y < 0` (`S` the Schur
  /// complement) to `v` with `v^T C v = y^T S y`: `v_Q = y`, `v_P = -C_PP^{-1} C_PQ y`.
  private func indefiniteWitness(eliminated: [Int], active: [Int], schurVector y: [Rational])
    throws -> Semidefiniteness
  {
    var v = [Rational](repeating: .zero, count: rowCount)
    for (x, i) in active.enumerated() { v[i] = y[x] }
    if !eliminated.isEmpty {
      let block = try RationalMatrix(rows: eliminated.map { i in eliminated.map { j in self[i, j] } })
      let rhs = RationalVector(eliminated.map { i in
        var s = Rational.zero
        for (x, j) in active.enumerated() where !y[x].isZero { s -= self[i, j] * y[x] }
        return s
      })
      let w = try block.solve(rhs)
      for (x, i) in eliminated.enumerated() { v[i] = w[x] }
    }
    let vector = RationalVector(v)
    return .indefinite(vector: vector, value: try quadraticForm(vector))
  }
}
