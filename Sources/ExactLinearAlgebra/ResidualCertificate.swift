import ExactArithmetic
#if canImport(Glibc)
import Glibc  // links libm for the Double rounding and square roots
#endif

// A fast *exact* proof that a symmetric rational matrix C is positive semidefinite:
// floating point proposes an (upper triangular) Cholesky factor R of C - tau I, and exact
// integer arithmetic proves
//     C = R^T R + E   with   E positive semidefinite,
// where E = C - R^T R is computed exactly and shown PSD by a sufficient test (diagonal
// dominance, or its smallest diagonal entry dominating the Frobenius norm of the rest).
// R^T R is PSD for every R, so C is PSD. Floating point only chooses R; every comparison
// that decides is made on exact integers. The products R^T R use the dyadic entries of R
// scaled to 52-bit integers, whose sums of products fit `Int128` exactly.

/// Splits an `Int128` into a `BigInt` (there is no direct initializer).
func bigInt(_ x: Int128) -> BigInt {
  let negative = x < 0
  let m = x.magnitude
  let high = BigInt(Int(m >> 65)) << 65
  let middle = BigInt(Int((m >> 32) & 0x1_ffff_ffff)) << 32
  let low = BigInt(Int(m & 0xffff_ffff))
  let value = high + middle + low
  return negative ? -value : value
}

/// The upper triangular `R` with `R^T R ≈ c` (row-major `n x n` doubles), or `nil` if a
/// pivot is not positive (then the matrix is not numerically positive definite).
func floatingCholesky(_ c: [Double], dimension n: Int) -> [Double]? {
  var r = [Double](repeating: 0, count: n * n)
  let ok = r.withUnsafeMutableBufferPointer { r -> Bool in
    c.withUnsafeBufferPointer { c -> Bool in
      for j in 0..<n {
        var s = c[j * n + j]
        for k in 0..<j { s -= r[k * n + j] * r[k * n + j] }
        guard s > 0, s.isFinite else { return false }
        let rjj = s.squareRoot()
        r[j * n + j] = rjj
        for i in (j + 1)..<max(j + 1, n) {
          var t = c[j * n + i]
          for k in 0..<j { t -= r[k * n + j] * r[k * n + i] }
          r[j * n + i] = t / rjj
        }
      }
      return true
    }
  }
  return ok ? r : nil
}

/// A symmetric matrix in the three forms the certification needs, computed once:
/// `A = b / d` with `b` integer (row-major), and `Double` approximations of the entries.
struct ScaledSymmetricMatrix {
  let dimension: Int
  let denominator: BigInt
  let integers: [BigInt]
  let doubles: [Double]

  init(_ a: RationalMatrix) {
    dimension = a.rowCount
    (denominator, integers) = a.integerScaled()
    // Only a proposal for the floating-point side, so the fast (truncating) conversion of
    // the integers is good enough when it stays finite.
    let scale = denominator.approximateDoubleValue
    let fast = integers.map { $0.approximateDoubleValue / scale }
    doubles = fast.allSatisfy({ $0.isFinite }) && scale.isFinite ? fast : a.storage.map { $0.doubleValue }
  }

  private init(dimension: Int, denominator: BigInt, integers: [BigInt], doubles: [Double]) {
    self.dimension = dimension
    self.denominator = denominator
    self.integers = integers
    self.doubles = doubles
  }

  /// The form of `-A`.
  var negated: ScaledSymmetricMatrix {
    ScaledSymmetricMatrix(dimension: dimension, denominator: denominator,
                          integers: integers.map { -$0 }, doubles: doubles.map { -$0 })
  }

  /// The exact Rayleigh quotient `v^T A v / v^T v` of a non-zero integer vector.
  func rayleighQuotient(_ v: [BigInt]) -> Rational {
    let n = dimension
    var numerator = BigInt(0)
    var squaredNorm = BigInt(0)
    for i in 0..<n where !v[i].isZero {
      var row = BigInt(0)
      for j in 0..<n where !v[j].isZero && !integers[i * n + j].isZero { row += integers[i * n + j] * v[j] }
      numerator += v[i] * row
      squaredNorm += v[i] * v[i]
    }
    return Rational.quotient(numerator, denominator * squaredNorm)
  }

  /// `(D, C_int)` with `C_int = D (A - shift I)` integral.
  func shiftedIntegers(by shift: Rational) -> (denominator: BigInt, integers: [BigInt]) {
    if shift.isZero { return (denominator, integers) }
    let d = leastCommonMultiple(denominator, shift.denominator)
    let factor = exactQuotient(d, denominator)
    var c = factor == BigInt(1) ? integers : integers.map { $0 * factor }
    let diagonal = shift.scaledNumerator(by: d)
    for i in 0..<dimension { c[i * dimension + i] = c[i * dimension + i] - diagonal }
    return (d, c)
  }

  /// Tries to prove exactly that `A - shift I` is positive semidefinite with a floating-point
  /// Cholesky factor of `A - (shift + tau) I` and an exact residual. Returns `false` when the
  /// proof does not go through (which says nothing about the matrix).
  func provesSemidefinite(shift: Rational, floatingMargin tau: Double) -> Bool {
    let n = dimension
    let floatingShift = shift.doubleValue + tau
    var c = doubles
    for i in 0..<n { c[i * n + i] -= floatingShift }
    guard c.allSatisfy({ $0.isFinite }), let r = floatingCholesky(c, dimension: n) else { return false }
    // Fixed-point integers R_int = round(R * 2^s) with |R_int| < 2^52.
    let largest = r.reduce(0.0) { max($0, abs($1)) }
    guard largest > 0, n < (1 << 20) else { return false }
    let s = 51 - largest.exponent
    let rInt: [Int64] = r.map { Int64(($0 * Double(sign: .plus, exponent: s, significand: 1)).rounded()) }
    // G = R_int^T R_int exactly: each term is below 2^104 and n < 2^20 terms fit Int128.
    var g = [Int128](repeating: 0, count: n * n)
    rInt.withUnsafeBufferPointer { rb in
      for i in 0..<n {
        for j in i..<n {
          var sum: Int128 = 0
          for k in 0...i { sum += Int128(rb[k * n + i]) * Int128(rb[k * n + j]) }
          g[i * n + j] = sum
        }
      }
    }
    // E * d * 2^(2s) = C_int * 2^(2s) - d * G, with C_int = d * (A - shift I).
    let (d, cInt) = shiftedIntegers(by: shift)
    func shifted(_ x: BigInt) -> BigInt { s >= 0 ? x << (2 * s) : x }
    let gScale = s >= 0 ? d : d << (-2 * s)
    // Each entry of the (symmetric) residual is formed once, from the upper triangle.
    var diagonal = [BigInt]()
    var offDiagonal = [BigInt]()  // upper triangle, row by row
    var rowSums = [BigInt](repeating: BigInt(0), count: n)
    offDiagonal.reserveCapacity(n * (n - 1) / 2)
    for i in 0..<n {
      for j in i..<n {
        let value = shifted(cInt[i * n + j]) - gScale * bigInt(g[i * n + j])
        if i == j {
          if value.signum < 0 { return false }
          diagonal.append(value)
        } else {
          offDiagonal.append(value)
          if !value.isZero {
            let m = value.magnitude
            rowSums[i] += m
            rowSums[j] += m
          }
        }
      }
    }
    // Sufficient tests for E PSD (all exact): Gershgorin (diagonal dominance), else
    // lambda_min(E) >= min_i E_ii - ||offdiag(E)||_2 >= min_i E_ii - ||offdiag(E)||_F.
    if (0..<n).allSatisfy({ rowSums[$0] <= diagonal[$0] }) { return true }
    let m = diagonal.min()!
    var offDiagonalSquares = BigInt(0)
    for x in offDiagonal where !x.isZero { offDiagonalSquares += x * x }
    return m * m >= offDiagonalSquares + offDiagonalSquares
  }
}
