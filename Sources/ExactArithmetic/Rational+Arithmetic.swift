import CGMP

extension Rational {
  @inlinable
  public static func + (a: Rational, b: Rational) -> Rational {
    make { r in a.withMPQ { x in b.withMPQ { y in __gmpq_add(r, x, y) } } }
  }

  @inlinable
  public static func - (a: Rational, b: Rational) -> Rational {
    make { r in a.withMPQ { x in b.withMPQ { y in __gmpq_sub(r, x, y) } } }
  }

  @inlinable
  public static func * (a: Rational, b: Rational) -> Rational {
    make { r in a.withMPQ { x in b.withMPQ { y in __gmpq_mul(r, x, y) } } }
  }

  /// Exact quotient. Precondition: `b != 0` (use `dividing(by:)` for a thrown error).
  @inlinable
  public static func / (a: Rational, b: Rational) -> Rational {
    precondition(!b.isZero, "Rational division by zero")
    return make { r in a.withMPQ { x in b.withMPQ { y in __gmpq_div(r, x, y) } } }
  }

  /// Exact quotient; throws `ExactArithmeticError.divisionByZero` when `divisor` is zero.
  public func dividing(by divisor: Rational) throws -> Rational {
    guard !divisor.isZero else { throw ExactArithmeticError.divisionByZero }
    return self / divisor
  }

  @inlinable
  public static prefix func - (a: Rational) -> Rational {
    make { r in a.withMPQ { __gmpq_neg(r, $0) } }
  }

  /// In place when `a` is the sole owner of its storage (unobservable), else a fresh value.
  @inlinable
  public static func += (a: inout Rational, b: Rational) {
    if isKnownUniquelyReferenced(&a.storage) {
      let r = a.storage.pointer
      b.withMPQ { y in __gmpq_add(r, r, y) }
    } else {
      a = a + b
    }
  }

  @inlinable
  public static func -= (a: inout Rational, b: Rational) {
    if isKnownUniquelyReferenced(&a.storage) {
      let r = a.storage.pointer
      b.withMPQ { y in __gmpq_sub(r, r, y) }
    } else {
      a = a - b
    }
  }

  @inlinable
  public static func *= (a: inout Rational, b: Rational) {
    if isKnownUniquelyReferenced(&a.storage) {
      let r = a.storage.pointer
      b.withMPQ { y in __gmpq_mul(r, r, y) }
    } else {
      a = a * b
    }
  }

  /// Precondition: `b != 0`.
  @inlinable
  public static func /= (a: inout Rational, b: Rational) {
    precondition(!b.isZero, "Rational division by zero")
    if isKnownUniquelyReferenced(&a.storage) {
      let r = a.storage.pointer
      b.withMPQ { y in __gmpq_div(r, r, y) }
    } else {
      a = a / b
    }
  }

  /// The reciprocal 1/self. Precondition: `self != 0`.
  public var reciprocal: Rational {
    precondition(!isZero, "reciprocal of zero")
    return Rational.make { r in withMPQ { __gmpq_inv(r, $0) } }
  }

  /// `self` raised to the integer power `exponent`; negative exponents are allowed for
  /// nonzero values (`0^0 == 1`). Precondition: not (self == 0 and exponent < 0).
  public func power(_ exponent: Int) -> Rational {
    if exponent < 0 {
      precondition(!isZero, "Rational.power: zero to the negative power \(exponent)")
      return reciprocal.power(-exponent)
    }
    // Powers of coprime numbers stay coprime: the result is canonical without a gcd.
    return Rational.make { r in
      withMPQ { q in
        __gmpz_pow_ui(cgmp_mpq_numref(r), cgmp_mpq_numref_const(q), UInt(exponent))
        __gmpz_pow_ui(cgmp_mpq_denref(r), cgmp_mpq_denref_const(q), UInt(exponent))
      }
    }
  }

  /// The largest integer <= self.
  public func floor() -> BigInt {
    BigInt.make { r in
      withMPQ { q in __gmpz_fdiv_q(r, cgmp_mpq_numref_const(q), cgmp_mpq_denref_const(q)) }
    }
  }

  /// The smallest integer >= self.
  public func ceil() -> BigInt {
    BigInt.make { r in
      withMPQ { q in __gmpz_cdiv_q(r, cgmp_mpq_numref_const(q), cgmp_mpq_denref_const(q)) }
    }
  }

  /// The integer nearest to `self`, ties to even.
  public func roundedHalfEven() -> BigInt {
    let down = floor()
    let twiceFraction = (self - Rational(down)) * 2
    if twiceFraction > Rational.one || (twiceFraction == Rational.one && down.isOdd) {
      return down + 1
    }
    return down
  }
}
