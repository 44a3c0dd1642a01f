import ExactArithmetic

// The exact characteristic polynomial by the multimodular method: compute it modulo
// enough word-sized primes (cheap Hessenberg reductions with machine integers) and
// reconstruct the integer coefficients by the Chinese remainder theorem. The number of
// primes comes from a proven (Hadamard) bound on the coefficients, so the result is exact,
// not probabilistic.

/// `x mod p` in `0..<p` for a prime `p < 2^62`.
func residue(_ x: BigInt, modulo p: UInt64) -> UInt64 {
  if let small = Int(exactly: x) {
    let r = small % Int(p)
    return UInt64(r < 0 ? r + Int(p) : r)
  }
  let r = Int(exactly: exactQuotientAndRemainder(x, BigInt(Int(p))).remainder)!
  return UInt64(r < 0 ? r + Int(p) : r)
}

/// Quotient and remainder with a divisor known to be non-zero.
func exactQuotientAndRemainder(_ a: BigInt, _ b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
  // swiftlint:disable:next force_try
  try! a.quotientAndRemainder(dividingBy: b)
}

/// The integer characteristic polynomial `det(x I - B)` of an integer matrix (row-major
/// `n x n`), constant term first.
func integerCharacteristicPolynomial(_ b: [BigInt], dimension n: Int) -> [BigInt] {
  // |c_k| is at most C(n, k) times a product of column norms (Hadamard's inequality for the
  // principal minors), so 2^n * prod_j (floor(||b_j||) + 1) bounds every coefficient.
  var bound = BigInt(1) << n
  for j in 0..<n {
    var squaredNorm = BigInt(0)
    for i in 0..<n { squaredNorm += b[i * n + j] * b[i * n + j] }
    bound = bound * (squaredNorm.squareRootFloor() + BigInt(1))
  }
  // Every prime exceeds 2^61, so this many primes have a product above 2 * bound.
  let primeCount = (bound.bitWidth + 1) / 61 + 1
  let primes = PrimeField.largePrimes(count: primeCount)
  var coefficients = [BigInt](repeating: BigInt(0), count: n + 1)
  var modulus = BigInt(1)
  for p in primes {
    let field = PrimeField(p: p)
    let reduced = b.map { residue($0, modulo: p) }
    let image = field.characteristicPolynomial(reduced, dimension: n)
    // Garner step: X <- X + M * ((r - X) * M^{-1} mod p), so X stays in 0..<M*p.
    let inverseOfModulus = field.inverse(residue(modulus, modulo: p))
    let bigP = BigInt(Int(p))
    for k in 0...n {
      let current = residue(coefficients[k], modulo: p)
      let t = field.mul(field.sub(image[k], current), inverseOfModulus)
      if t != 0 { coefficients[k] += modulus * BigInt(Int(t)) }
    }
    modulus = modulus * bigP
  }
  // Symmetric representatives: the true coefficient lies in (-M/2, M/2).
  let half = modulus >> 1
  return coefficients.map { $0 > half ? $0 - modulus : $0 }
}

extension RationalMatrix {
  /// The exact characteristic polynomial `det(x I - A)` (monic, degree `n`).
  ///
  /// Computed multimodularly on `B = d A` (`d` the common denominator of the entries) and
  /// rescaled: `det(x I - A) = d^{-n} det(d x I - B)`. Throws `.notSquare`.
  public func characteristicPolynomial() throws -> RationalPolynomial {
    guard isSquare else { throw LinearAlgebraError.notSquare(rows: rowCount, columns: columnCount) }
    let n = rowCount
    let (d, b) = integerScaled()
    let integer = integerCharacteristicPolynomial(b, dimension: n)
    var dPower = BigInt(1)
    var result = [Rational](repeating: .zero, count: n + 1)
    for k in stride(from: n, through: 0, by: -1) {
      result[k] = Rational.quotient(integer[k], dPower)
      dPower = dPower * d
    }
    return RationalPolynomial(coefficients: result)
  }
}
