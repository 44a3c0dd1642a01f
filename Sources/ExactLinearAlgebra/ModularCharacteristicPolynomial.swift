// Characteristic polynomials modulo word-sized primes: the inner loop of the
// multimodular (Chinese remainder) characteristic polynomial over Q.

/// Arithmetic modulo an odd prime `p < 2^62` with Montgomery multiplication: residues are
/// kept as `a * 2^64 mod p`, and a product costs two full-width multiplications and no
/// division. Large primes halve the number of primes needed compared with 32-bit ones.
struct PrimeField {
  let p: UInt64
  /// `-p^{-1} mod 2^64`.
  private let negativeInverse: UInt64
  /// `2^128 mod p`, to enter the Montgomery domain.
  private let rSquared: UInt64
  /// `2^64 mod p`: the Montgomery form of 1.
  let montgomeryOne: UInt64

  init(p: UInt64) {
    self.p = p
    var inverse = p  // correct to 3 bits for odd p; each Newton step doubles the bits
    for _ in 0..<5 { inverse = inverse &* (2 &- p &* inverse) }
    negativeInverse = 0 &- inverse
    let r = (UInt64.max % p + 1) % p
    montgomeryOne = r
    rSquared = p.dividingFullWidth(r.multipliedFullWidth(by: r)).remainder
  }

  // Branch-free reductions: the comparisons are data-dependent coin flips, and a
  // mispredicted branch costs more than the multiplication.
  @inline(__always) private func mask(_ condition: Bool) -> UInt64 {
    0 &- UInt64(unsafeBitCast(condition, to: UInt8.self))
  }
  @inline(__always) func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let (d, borrow) = (a &+ b).subtractingReportingOverflow(p)
    return d &+ (p & mask(borrow))
  }
  @inline(__always) func sub(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let (d, borrow) = a.subtractingReportingOverflow(b)
    return d &+ (p & mask(borrow))
  }
  /// Montgomery product `a b 2^-64 mod p` (inputs below `p`).
  @inline(__always) func montgomeryMultiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let (high, low) = a.multipliedFullWidth(by: b)
    let m = low &* negativeInverse
    let (mHigh, mLow) = m.multipliedFullWidth(by: p)
    let carry: UInt64 = low &+ mLow < low ? 1 : 0  // low + mLow is 0 mod 2^64 by construction
    let (d, borrow) = (high &+ mHigh &+ carry).subtractingReportingOverflow(p)
    return d &+ (p & mask(borrow))
  }
  @inline(__always) func toMontgomery(_ a: UInt64) -> UInt64 { montgomeryMultiply(a, rSquared) }
  @inline(__always) func fromMontgomery(_ a: UInt64) -> UInt64 { montgomeryMultiply(a, 1) }

  /// The ordinary product `a b mod p`.
  func mul(_ a: UInt64, _ b: UInt64) -> UInt64 { montgomeryMultiply(toMontgomery(a), b) }

  /// `base^exponent` for a base in Montgomery form, result in Montgomery form.
  func montgomeryPower(_ base: UInt64, _ exponent: UInt64) -> UInt64 {
    var result = montgomeryOne
    var b = base
    var e = exponent
    while e > 0 {
      if e & 1 == 1 { result = montgomeryMultiply(result, b) }
      b = montgomeryMultiply(b, b)
      e >>= 1
    }
    return result
  }
  /// The inverse of a non-zero residue in Montgomery form, by Fermat's little theorem.
  func montgomeryInverse(_ a: UInt64) -> UInt64 { montgomeryPower(a, p - 2) }
  /// The ordinary inverse of a non-zero residue.
  func inverse(_ a: UInt64) -> UInt64 { fromMontgomery(montgomeryInverse(toMontgomery(a))) }

  /// Deterministic Miller-Rabin for 64-bit `n` (the first twelve primes as bases suffice
  /// below 3.3 * 10^24).
  static func isPrime(_ n: UInt64) -> Bool {
    let bases: [UInt64] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
    if n < 2 { return false }
    for small in bases {
      if n == small { return true }
      if n % small == 0 { return false }
    }
    var d = n - 1
    var r = 0
    while d & 1 == 0 { d >>= 1; r += 1 }
    let field = PrimeField(p: n)
    let minusOne = field.toMontgomery(n - 1)
    witnessLoop: for a in bases {
      var x = field.montgomeryPower(field.toMontgomery(a), d)
      if x == field.montgomeryOne || x == minusOne { continue }
      for _ in 0..<max(r - 1, 0) {
        x = field.montgomeryMultiply(x, x)
        if x == minusOne { continue witnessLoop }
      }
      return false
    }
    return true
  }

  /// The first primes below 2^62, found once and shared.
  private static let cachedPrimes: [UInt64] = searchPrimes(count: 48, below: 1 << 62)

  private static func searchPrimes(count: Int, below start: UInt64) -> [UInt64] {
    var primes: [UInt64] = []
    var candidate = (start - 1) | 1  // the largest odd number below start
    if candidate >= start { candidate -= 2 }
    while primes.count < count {
      if isPrime(candidate) { primes.append(candidate) }
      candidate -= 2
    }
    return primes
  }

  /// Primes below 2^62 (each above 2^61) in decreasing order, as many as asked.
  static func largePrimes(count: Int) -> [UInt64] {
    if count <= cachedPrimes.count { return Array(cachedPrimes.prefix(count)) }
    return cachedPrimes + searchPrimes(count: count - cachedPrimes.count, below: cachedPrimes.last!)
  }
}

extension PrimeField {
  /// The characteristic polynomial `det(x I - A) mod p` of the `n x n` matrix
  /// `a` (row-major residues), coefficients from constant term to the leading
  /// `1`.
  ///
  /// Reduces `A` to upper Hessenberg form by similarity transformations and
  /// then runs the Hessenberg recurrence (Cohen, *A Course in Computational
  /// Algebraic Number Theory*, Algorithm 2.2.9): `O(n^3)` field operations and
  /// one inverse per column, which is why it is used for every prime of the
  /// multimodular method. All work is in the Montgomery domain.
  func characteristicPolynomial(_ a: [UInt64], dimension n: Int) -> [UInt64] {
    var h = a.map { toMontgomery($0) }
    h.withUnsafeMutableBufferPointer { h in
      if n > 2 {
        for m in 1..<(n - 1) {
          // Find a non-zero entry below the subdiagonal position (m, m-1).
          var pivot = m
          while pivot < n && h[pivot * n + (m - 1)] == 0 { pivot += 1 }
          if pivot == n { continue }
          if pivot != m {
            for j in 0..<n { h.swapAt(pivot * n + j, m * n + j) }
            for i in 0..<n { h.swapAt(i * n + pivot, i * n + m) }
          }
          let t = montgomeryInverse(h[m * n + (m - 1)])
          let base = h.baseAddress!
          let rowM = base + m * n
          for i in (m + 1)..<n {
            let hi = h[i * n + (m - 1)]
            if hi == 0 { continue }
            let u = montgomeryMultiply(hi, t)
            // Row i -= u * row m; then column m += u * column i (the inverse
            // similarity), so the spectrum is unchanged. Raw row pointers keep the
            // index arithmetic out of the inner loops.
            let rowI = base + i * n
            for j in (m - 1)..<n { rowI[j] = sub(rowI[j], montgomeryMultiply(u, rowM[j])) }
            var row = base
            for _ in 0..<n {
              row[m] = add(row[m], montgomeryMultiply(u, row[i]))
              row += n
            }
          }
        }
      }
    }
    // p_0 = 1; p_m = (x - h_mm) p_{m-1} - sum_i (prod of subdiagonals) h_{m-i,m} p_{m-i-1}
    var polys: [[UInt64]] = [[montgomeryOne]]
    for m in 1...max(n, 1) where n > 0 {
      let previous = polys[m - 1]
      var pm = [UInt64](repeating: 0, count: m + 1)
      let hmm = h[(m - 1) * n + (m - 1)]
      for k in 0..<previous.count {
        pm[k + 1] = add(pm[k + 1], previous[k])
        pm[k] = sub(pm[k], montgomeryMultiply(hmm, previous[k]))
      }
      var t = montgomeryOne
      if m > 1 {
        for i in 1..<m {
          t = montgomeryMultiply(t, h[(m - i) * n + (m - i - 1)])
          if t == 0 { break }
          let factor = montgomeryMultiply(t, h[(m - i - 1) * n + (m - 1)])
          if factor == 0 { continue }
          let q = polys[m - i - 1]
          for k in 0..<q.count { pm[k] = sub(pm[k], montgomeryMultiply(factor, q[k])) }
        }
      }
      polys.append(pm)
    }
    return polys[n].map { fromMontgomery($0) }
  }
}
