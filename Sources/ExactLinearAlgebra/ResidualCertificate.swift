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

/// `c * 2^t - d * g` exactly, as an `Int128` when it fits, else `nil`. The two products
/// need up to 191 bits, so they are formed as 192-bit magnitudes `(high, low)` =
/// `high * 2^128 + low`; only the final difference must fit. Requires `0 <= t <= 120`.
func exactDifference(_ c: Int, shiftedBy t: Int, minus d: Int, times g: Int128) -> Int128? {
  typealias Wide = (negative: Bool, high: UInt64, low: UInt128)
  let cm = UInt128(c.magnitude)
  let first: Wide = (c < 0, t == 0 ? 0 : UInt64(truncatingIfNeeded: cm >> (128 - t)), cm &<< t)
  let product = g.magnitude.multipliedFullWidth(by: UInt128(d.magnitude))
  guard product.high <= UInt128(UInt64.max) else { return nil }
  let second: Wide = ((d < 0) != (g < 0) && d != 0 && g != 0, UInt64(product.high), product.low)
  // first - second = first + (-second).
  let negatedSecond = !second.negative
  var negative: Bool
  var high: UInt64
  var low: UInt128
  if first.negative == negatedSecond {
    let (l, carry) = first.low.addingReportingOverflow(second.low)
    let (h1, o1) = first.high.addingReportingOverflow(second.high)
    let (h2, o2) = h1.addingReportingOverflow(carry ? 1 : 0)
    guard !o1, !o2 else { return nil }
    (negative, high, low) = (first.negative, h2, l)
  } else {
    // Magnitudes subtract: larger minus smaller, sign of the larger.
    let firstLarger = (first.high, first.low) >= (second.high, second.low)
    let (big, small) = firstLarger ? (first, second) : (second, first)
    let (l, borrow) = big.low.subtractingReportingOverflow(small.low)
    (negative, high, low) = (firstLarger ? first.negative : negatedSecond, big.high - small.high - (borrow ? 1 : 0), l)
  }
  guard high == 0, low <= UInt128(Int128.max) else { return nil }
  return negative ? -Int128(low) : Int128(low)
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

/// `A = b / d` with `b` and `d` machine integers, when they fit: the common case (small
/// denominators) in which the whole floating-point certificate runs on `Int128` without a
/// single `BigInt` allocation. Every operation checks for overflow; an overflow sends the
/// caller to the `BigInt` path, never to a wrong answer.
struct SmallScaledMatrix {
  let denominator: Int
  let integers: [Int]

  init?(_ a: RationalMatrix) {
    var d = 1
    var parts: [(Int, Int)] = []
    parts.reserveCapacity(a.storage.count)
    for x in a.storage {
      guard let numerator = Int(exactly: x.numerator), let den = Int(exactly: x.denominator) else { return nil }
      parts.append((numerator, den))
      if den == 1 || d % den == 0 { continue }
      var g = d
      var h = den
      while h != 0 { (g, h) = (h, g % h) }
      let (product, overflow) = (d / g).multipliedReportingOverflow(by: den)
      if overflow { return nil }
      d = product
    }
    var integers: [Int] = []
    integers.reserveCapacity(parts.count)
    for (numerator, den) in parts {
      let (value, overflow) = numerator.multipliedReportingOverflow(by: d / den)
      if overflow { return nil }
      integers.append(value)
    }
    denominator = d
    self.integers = integers
  }

  private init(denominator: Int, integers: [Int]) {
    self.denominator = denominator
    self.integers = integers
  }

  /// The form of `-A` (`nil` if some entry is `Int.min`).
  var negated: SmallScaledMatrix? {
    guard !integers.contains(Int.min) else { return nil }
    return SmallScaledMatrix(denominator: denominator, integers: integers.map { -$0 })
  }
}

/// A symmetric matrix in the forms the certification needs, computed once: `A = b / d`
/// with `b` integer (row-major; as machine integers when they fit), and `Double`
/// approximations of the entries.
struct ScaledSymmetricMatrix {
  let dimension: Int
  let denominator: BigInt
  let integers: [BigInt]
  let small: SmallScaledMatrix?
  let doubles: [Double]

  init(_ a: RationalMatrix) {
    dimension = a.rowCount
    small = SmallScaledMatrix(a)
    if let small {
      denominator = BigInt(small.denominator)
      integers = small.integers.map { BigInt($0) }
      let scale = Double(small.denominator)
      doubles = small.integers.map { Double($0) / scale }
    } else {
      (denominator, integers) = a.integerScaled()
      // Only a proposal for the floating-point side, so the fast (truncating) conversion
      // of the integers is good enough when it stays finite.
      let scale = denominator.approximateDoubleValue
      let fast = integers.map { $0.approximateDoubleValue / scale }
      doubles = fast.allSatisfy({ $0.isFinite }) && scale.isFinite ? fast : a.storage.map { $0.doubleValue }
    }
  }

  private init(dimension: Int, denominator: BigInt, integers: [BigInt], small: SmallScaledMatrix?, doubles: [Double]) {
    self.dimension = dimension
    self.denominator = denominator
    self.integers = integers
    self.small = small
    self.doubles = doubles
  }

  /// The form of `-A`.
  var negated: ScaledSymmetricMatrix {
    ScaledSymmetricMatrix(dimension: dimension, denominator: denominator, integers: integers.map { -$0 },
                          small: small?.negated, doubles: doubles.map { -$0 })
  }

  /// The exact Rayleigh quotient `v^T A v / v^T v` of a non-zero integer vector.
  func rayleighQuotient(_ v: [BigInt]) -> Rational {
    if let small, let fast = smallRayleighQuotient(small, v) { return fast }
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

  /// The Rayleigh quotient in `Int128`, or `nil` on any overflow.
  private func smallRayleighQuotient(_ small: SmallScaledMatrix, _ v: [BigInt]) -> Rational? {
    let n = dimension
    var w: [Int128] = []
    for x in v {
      guard let value = Int(exactly: x) else { return nil }
      w.append(Int128(value))
    }
    var numerator: Int128 = 0
    var squaredNorm: Int128 = 0
    for i in 0..<n where w[i] != 0 {
      var row: Int128 = 0
      for j in 0..<n {
        let (product, o1) = Int128(small.integers[i * n + j]).multipliedReportingOverflow(by: w[j])
        let (sum, o2) = row.addingReportingOverflow(product)
        if o1 || o2 { return nil }
        row = sum
      }
      let (term, o3) = w[i].multipliedReportingOverflow(by: row)
      let (sum, o4) = numerator.addingReportingOverflow(term)
      let (square, o5) = w[i].multipliedReportingOverflow(by: w[i])
      let (norm, o6) = squaredNorm.addingReportingOverflow(square)
      if o3 || o4 || o5 || o6 { return nil }
      numerator = sum
      squaredNorm = norm
    }
    return Rational.quotient(bigInt(numerator), denominator * bigInt(squaredNorm))
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
  func provesSemidefinite(shift: Rational, floatingMargin tau: Double, allowMachineIntegers: Bool = true) -> Bool {
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
    if allowMachineIntegers, let decided = smallResidualIsSemidefinite(shift: shift, scaleExponent: s, gram: g) {
      return decided
    }
    return residualIsSemidefinite(shift: shift, scaleExponent: s, gram: g)
  }

  /// The residual test on `Int128`: `nil` if anything does not fit (then use `BigInt`).
  private func smallResidualIsSemidefinite(shift: Rational, scaleExponent s: Int, gram g: [Int128]) -> Bool? {
    let n = dimension
    guard let small, s >= 0, 2 * s < 120,
      let shiftNumerator = Int(exactly: shift.numerator), let shiftDenominator = Int(exactly: shift.denominator)
    else { return nil }
    // D = lcm(d, shift denominator); C_int = (D / d) b - (shift * D) I.
    var a = small.denominator
    var b = shiftDenominator
    while b != 0 { (a, b) = (b, a % b) }
    let (d, o1) = (small.denominator / a).multipliedReportingOverflow(by: shiftDenominator)
    guard !o1 else { return nil }
    let factor = Int128(d / small.denominator)
    let (diagonalShift, o2) = Int128(shiftNumerator).multipliedReportingOverflow(by: Int128(d / shiftDenominator))
    guard !o2 else { return nil }
    var diagonal = [Int128](repeating: 0, count: n)
    var rowSums = [Int128](repeating: 0, count: n)
    for i in 0..<n {
      for j in i..<n {
        // E * D * 2^(2s) = C_int * 2^(2s) - D * G.
        let (scaled, o3) = Int128(small.integers[i * n + j]).multipliedReportingOverflow(by: factor)
        let (cij, o4) = i == j ? scaled.subtractingReportingOverflow(diagonalShift) : (scaled, false)
        guard !o3, !o4, let c = Int(exactly: cij),
          let value = exactDifference(c, shiftedBy: 2 * s, minus: d, times: g[i * n + j])
        else { return nil }
        if i == j {
          if value < 0 { return false }
          diagonal[i] = value
        } else if value != 0 {
          let m = value.magnitude
          guard m < UInt128(Int128.max) else { return nil }
          let (ri, o7) = rowSums[i].addingReportingOverflow(Int128(m))
          let (rj, o8) = rowSums[j].addingReportingOverflow(Int128(m))
          guard !o7, !o8 else { return nil }
          rowSums[i] = ri
          rowSums[j] = rj
        }
      }
    }
    // Gershgorin decides here; the Frobenius test needs squares, left to the BigInt path.
    if (0..<n).allSatisfy({ rowSums[$0] <= diagonal[$0] }) { return true }
    return nil
  }

  /// The residual test on `BigInt` (always applicable).
  private func residualIsSemidefinite(shift: Rational, scaleExponent s: Int, gram g: [Int128]) -> Bool {
    let n = dimension
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
