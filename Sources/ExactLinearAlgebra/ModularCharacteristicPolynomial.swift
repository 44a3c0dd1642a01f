// Characteristic polynomials modulo word-sized primes: the inner loop of the
// multimodular (Chinese remainder) characteristic polynomial over Q.

/// Arithmetic modulo a prime `p < 2^32`, so that every product of two
/// residues fits in a `UInt64` without overflow.
struct PrimeField {
  let p: UInt64

  @inline(__always) func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let s = a + b
    return s >= p ? s - p : s
  }
  @inline(__always) func sub(_ a: UInt64, _ b: UInt64) -> UInt64 {
    a >= b ? a - b : a + p - b
  }
  @inline(__always) func mul(_ a: UInt64, _ b: UInt64) -> UInt64 { (a * b) % p }

  func power(_ base: UInt64, _ exponent: UInt64) -> UInt64 {
    var result: UInt64 = 1
    var b = base % p
    var e = exponent
    while e > 0 {
      if e & 1 == 1 { result = mul(result, b) }
      b = mul(b, b)
      e >>= 1
    }
    return result
  }
  /// The inverse of a non-zero residue, by Fermat's little theorem.
  func inverse(_ a: UInt64) -> UInt64 { power(a, p - 2) }

  /// Deterministic Miller-Rabin for `n < 2^32` (bases 2, 7, 61 suffice below 4,759,123,141).
  static func isPrime(_ n: UInt64) -> Bool {
    if n < 2 { return false }
    for small: UInt64 in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 61] {
      if n == small { return true }
      if n % small == 0 { return false }
    }
    var d = n - 1
    var r = 0
    while d & 1 == 0 { d >>= 1; r += 1 }
    let field = PrimeField(p: n)
    witnessLoop: for a: UInt64 in [2, 7, 61] {
      var x = field.power(a, d)
      if x == 1 || x == n - 1 { continue }
      for _ in 0..<max(r - 1, 0) {
        x = field.mul(x, x)
        if x == n - 1 { continue witnessLoop }
      }
      return false
    }
    return true
  }

  /// Primes below 2^32 in decreasing order, as many as asked.
  static func largePrimes(count: Int) -> [UInt64] {
    var primes: [UInt64] = []
    var candidate: UInt64 = (1 << 32) - 1
    while primes.count < count {
      if isPrime(candidate) { primes.append(candidate) }
      candidate -= 2
    }
    return primes
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
  /// no divisions except one inverse per column, which is why it is used for
  /// every prime of the multimodular method.
  func characteristicPolynomial(_ a: [UInt64], dimension n: Int) -> [UInt64] {
    var h = a
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
          let t = inverse(h[m * n + (m - 1)])
          for i in (m + 1)..<n {
            let hi = h[i * n + (m - 1)]
            if hi == 0 { continue }
            let u = mul(hi, t)
            // Row i -= u * row m; then column m += u * column i (the inverse
            // similarity), so the spectrum is unchanged.
            for j in (m - 1)..<n { h[i * n + j] = sub(h[i * n + j], mul(u, h[m * n + j])) }
            for r in 0..<n { h[r * n + m] = add(h[r * n + m], mul(u, h[r * n + i])) }
          }
        }
      }
    }
    // p_0 = 1; p_m = (x - h_mm) p_{m-1} - sum_i (prod of subdiagonals) h_{m-i,m} p_{m-i-1}
    var polys: [[UInt64]] = [[1]]
    for m in 1...max(n, 1) where n > 0 {
      let previous = polys[m - 1]
      var pm = [UInt64](repeating: 0, count: m + 1)
      let hmm = h[(m - 1) * n + (m - 1)]
      for k in 0..<previous.count {
        pm[k + 1] = add(pm[k + 1], previous[k])
        pm[k] = sub(pm[k], mul(hmm, previous[k]))
      }
      var t: UInt64 = 1
      if m > 1 {
        for i in 1..<m {
          t = mul(t, h[(m - i) * n + (m - i - 1)])
          if t == 0 { break }
          let factor = mul(t, h[(m - i - 1) * n + (m - 1)])
          if factor == 0 { continue }
          let q = polys[m - i - 1]
          for k in 0..<q.count { pm[k] = sub(pm[k], mul(factor, q[k])) }
        }
      }
      polys.append(pm)
    }
    return polys[n]
  }
}
