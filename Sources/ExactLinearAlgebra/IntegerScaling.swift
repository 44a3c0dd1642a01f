import ExactArithmetic

// Exact elimination is run on integer matrices: rational entries are first
// multiplied by common denominators. Fraction-free (Bareiss) elimination on
// integers keeps every intermediate a minor of the input, so sizes grow only
// linearly with the step, and no gcd is ever taken inside the O(n^3) loop.

/// `a / b` for a division known to be exact and a divisor known to be non-zero
/// (fraction-free elimination guarantees both by construction).
@inline(__always)
func exactQuotient(_ a: BigInt, _ b: BigInt) -> BigInt {
  // The divisor is a previous pivot, which the elimination has checked to be
  // non-zero; a failure here would be a bug in this module, not bad input.
  // swiftlint:disable:next force_try
  try! a.quotientAndRemainder(dividingBy: b).quotient
}

/// The least common multiple of two positive integers.
func leastCommonMultiple(_ a: BigInt, _ b: BigInt) -> BigInt {
  if a == b { return a }
  return exactQuotient(a, gcd(a, b)) * b
}

/// The least common multiple of the denominators (1 for an empty sequence).
///
/// Stays in machine integers while the multiple fits (the common case: small
/// denominators), and only then switches to `BigInt`.
func commonDenominator<S: Sequence>(_ values: S) -> BigInt where S.Element == Rational {
  var small = 1
  var big: BigInt? = nil
  for x in values where !x.isInteger {
    let denominator = x.denominator
    if big == nil, let d = Int(exactly: denominator) {
      var a = small
      var b = d
      while b != 0 { (a, b) = (b, a % b) }
      let (product, overflow) = (small / a).multipliedReportingOverflow(by: d)
      if !overflow {
        small = product
        continue
      }
    }
    big = leastCommonMultiple(big ?? BigInt(small), denominator)
  }
  return big ?? BigInt(small)
}

extension Rational {
  /// `self * d` as an integer, for a `d` that is a multiple of the denominator.
  func scaledNumerator(by d: BigInt) -> BigInt {
    if isInteger { return numerator * d }
    if let small = Int(exactly: d), let denominator = Int(exactly: denominator) {
      return numerator * BigInt(small / denominator)
    }
    return numerator * exactQuotient(d, denominator)
  }

  /// Exact `n / d` with `d` non-zero by construction.
  static func quotient(_ n: BigInt, _ d: BigInt) -> Rational {
    // swiftlint:disable:next force_try
    try! Rational(numerator: n, denominator: d)
  }
}

extension RationalMatrix {
  /// `(D, B)` with `B = D * A` an integer matrix (row-major) and `D` the least common
  /// denominator of all entries. Keeps symmetry, which LDL^T needs.
  func integerScaled() -> (denominator: BigInt, entries: [BigInt]) {
    let d = commonDenominator(storage)
    return (d, storage.map { $0.scaledNumerator(by: d) })
  }

  /// Each row multiplied by the least common denominator of that row: an integer matrix
  /// with the same row space and the same solutions. Cheaper than one global scale when
  /// rows have unrelated denominators.
  func rowScaled() -> (factors: [BigInt], entries: [BigInt]) {
    var factors: [BigInt] = []
    var entries: [BigInt] = []
    entries.reserveCapacity(storage.count)
    for i in 0..<rowCount {
      let row = storage[(i * columnCount)..<((i + 1) * columnCount)]
      let d = commonDenominator(row)
      factors.append(d)
      for x in row { entries.append(x.scaledNumerator(by: d)) }
    }
    return (factors, entries)
  }
}
