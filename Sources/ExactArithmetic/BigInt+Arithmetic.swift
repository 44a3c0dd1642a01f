import CGMP

extension BigInt {
  @inlinable
  public static func + (a: BigInt, b: BigInt) -> BigInt {
    make { r in a.withMPZ { x in b.withMPZ { y in __gmpz_add(r, x, y) } } }
  }

  @inlinable
  public static func - (a: BigInt, b: BigInt) -> BigInt {
    make { r in a.withMPZ { x in b.withMPZ { y in __gmpz_sub(r, x, y) } } }
  }

  @inlinable
  public static func * (a: BigInt, b: BigInt) -> BigInt {
    make { r in a.withMPZ { x in b.withMPZ { y in __gmpz_mul(r, x, y) } } }
  }

  @inlinable
  public static prefix func - (a: BigInt) -> BigInt {
    make { r in a.withMPZ { __gmpz_neg(r, $0) } }
  }

  /// In place when `a` is the sole owner of its storage (unobservable), else a fresh value.
  @inlinable
  public static func += (a: inout BigInt, b: BigInt) {
    if isKnownUniquelyReferenced(&a.storage) {
      let r = a.storage.pointer
      b.withMPZ { y in __gmpz_add(r, r, y) }
    } else {
      a = a + b
    }
  }

  @inlinable
  public static func -= (a: inout BigInt, b: BigInt) {
    if isKnownUniquelyReferenced(&a.storage) {
      let r = a.storage.pointer
      b.withMPZ { y in __gmpz_sub(r, r, y) }
    } else {
      a = a - b
    }
  }

  @inlinable
  public static func *= (a: inout BigInt, b: BigInt) {
    if isKnownUniquelyReferenced(&a.storage) {
      let r = a.storage.pointer
      b.withMPZ { y in __gmpz_mul(r, r, y) }
    } else {
      a = a * b
    }
  }

  /// Quotient and remainder of the division by `divisor`, **truncated toward zero** like
  /// Swift's `Int`: `self == q * divisor + r` with `|r| < |divisor|` and `r` having the sign
  /// of `self` (or being zero). Throws `ExactArithmeticError.divisionByZero`.
  public func quotientAndRemainder(dividingBy divisor: BigInt) throws
    -> (quotient: BigInt, remainder: BigInt)
  {
    guard !divisor.isZero else { throw ExactArithmeticError.divisionByZero }
    let q = MPZStorage.make()
    let r = MPZStorage.make()
    withMPZ { x in divisor.withMPZ { d in __gmpz_tdiv_qr(q.pointer, r.pointer, x, d) } }
    return (BigInt(storage: q), BigInt(storage: r))
  }

  /// Floor division: the largest integer `q` with `q * divisor <= self` for positive divisors
  /// (rounds toward negative infinity). Throws `ExactArithmeticError.divisionByZero`.
  public func flooredQuotient(dividingBy divisor: BigInt) throws -> BigInt {
    guard !divisor.isZero else { throw ExactArithmeticError.divisionByZero }
    return BigInt.make { q in withMPZ { x in divisor.withMPZ { d in __gmpz_fdiv_q(q, x, d) } } }
  }

  /// `self` raised to the non-negative power `exponent` (0^0 == 1).
  public func power(_ exponent: Int) -> BigInt {
    precondition(exponent >= 0, "BigInt.power: negative exponent \(exponent)")
    return BigInt.make { r in withMPZ { __gmpz_pow_ui(r, $0, UInt(exponent)) } }
  }

  /// floor(sqrt(self)) for `self >= 0`. Precondition: `self` is not negative.
  public func squareRootFloor() -> BigInt {
    precondition(signum >= 0, "BigInt.squareRootFloor of the negative number \(self)")
    return BigInt.make { r in withMPZ { __gmpz_sqrt(r, $0) } }
  }

  /// Whether `self` is the square of an integer (negative numbers are not).
  public var isPerfectSquare: Bool { withMPZ { __gmpz_perfect_square_p($0) != 0 } }

  /// The greatest common divisor, always >= 0 (`gcd(0, 0) == 0`).
  public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
    make { r in a.withMPZ { x in b.withMPZ { y in __gmpz_gcd(r, x, y) } } }
  }

  /// `self * 2^shift` for `shift >= 0`, `floor(self / 2^-shift)` for negative shifts.
  public static func << (a: BigInt, shift: Int) -> BigInt {
    if shift >= 0 {
      return make { r in a.withMPZ { __gmpz_mul_2exp(r, $0, mp_bitcnt_t(shift)) } }
    }
    return make { r in a.withMPZ { __gmpz_fdiv_q_2exp(r, $0, mp_bitcnt_t(-shift)) } }
  }

  /// `floor(self / 2^shift)` (rounds toward negative infinity); `a >> -k == a << k`.
  public static func >> (a: BigInt, shift: Int) -> BigInt { a << -shift }
}

/// The greatest common divisor of two integers, always >= 0.
public func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { BigInt.gcd(a, b) }
