import ExactArithmetic

extension RationalMatrix {
  /// Certified enclosures of every eigenvalue of a symmetric matrix, ascending and repeated
  /// according to multiplicity: the `k`-th eigenvalue lies in `[lower, upper]`, and
  /// `upper - lower <= 2^-precisionBits` (an absolute width; a point interval means the
  /// eigenvalue is known exactly).
  ///
  /// Exact characteristic polynomial, then Sturm-sequence bisection (see
  /// `RationalPolynomial.realRootEnclosures`). Symmetry guarantees that all `n` roots are
  /// real. Throws `.notSquare`/`.notSymmetric`, or `.invalidArgument` for a negative
  /// precision.
  public func eigenvalueEnclosures(precisionBits: Int) throws -> [(lower: Rational, upper: Rational)] {
    try requireSymmetric()
    guard precisionBits >= 0 else {
      throw LinearAlgebraError.invalidArgument(name: "precisionBits", reason: "must be non-negative, got \(precisionBits)")
    }
    let p = try characteristicPolynomial()
    return try p.realRootEnclosures(radius: gershgorinRadius(), precisionBits: precisionBits)
  }
}

extension RationalPolynomial {
  /// Certified enclosures of all real roots, ascending and repeated according to
  /// multiplicity, each of width at most `2^-precisionBits`. Throws `.invalidArgument` for
  /// the zero polynomial or a negative precision.
  public func realRootEnclosures(precisionBits: Int) throws -> [(lower: Rational, upper: Rational)] {
    guard !isZero else { throw LinearAlgebraError.invalidArgument(name: "p", reason: "the zero polynomial") }
    guard precisionBits >= 0 else {
      throw LinearAlgebraError.invalidArgument(name: "precisionBits", reason: "must be non-negative, got \(precisionBits)")
    }
    // Cauchy's bound: every root has |x| < 1 + max |c_k / c_n|.
    var bound = Rational.zero
    for c in coefficients.dropLast() { bound = max(bound, (c / leadingCoefficient).magnitude) }
    return try realRootEnclosures(radius: bound.ceil() + BigInt(2), precisionBits: precisionBits)
  }
}
