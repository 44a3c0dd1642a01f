import CGMP

/// An exact rational number on GMP's `mpq_t`, always kept in canonical form (numerator and
/// denominator coprime, denominator > 0), so equal values have equal representations.
///
/// A value type: every operation produces a new value in fresh storage, so a copy can never
/// be changed through another copy. (The compound assignments reuse storage only when the
/// value is its sole owner, which no other value can observe.)
public struct Rational: @unchecked Sendable {  // see GMPStorage.swift for why this is honest
  @usableFromInline
  var storage: MPQStorage

  @inlinable
  init(storage: MPQStorage) { self.storage = storage }

  /// Runs `body` with a read-only pointer to the GMP value (kept alive for the call).
  @inlinable
  func withMPQ<R>(_ body: (UnsafePointer<__mpq_struct>) throws -> R) rethrows -> R {
    try withExtendedLifetime(storage) { try body(storage.pointer) }
  }

  /// A fresh rational whose canonical value `body` writes into an initialised `mpq_t`.
  @inlinable
  static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
    let result = MPQStorage.make()
    body(result.pointer)
    return Rational(storage: result)
  }

  /// The integer `value`.
  @inlinable
  public init(_ value: Int) {
    storage = MPQStorage.make()
    __gmpz_set_si(&storage.pointer.pointee._mp_num, value)
  }

  /// The integer `value`.
  public init(_ value: BigInt) {
    storage = MPQStorage.make()
    let q = storage.pointer
    value.withMPZ { __gmpq_set_z(q, $0) }
  }

  /// The fraction `numerator / denominator`, reduced. Precondition: `denominator != 0`
  /// (use `init(numerator:denominator:)` for a thrown error instead).
  @inlinable
  public init(_ numerator: Int, _ denominator: Int) {
    precondition(denominator != 0, "Rational(\(numerator), 0): zero denominator")
    storage = MPQStorage.make()
    let q = storage.pointer
    // Set both parts as signed integers (so Int.min works), then move the sign up.
    __gmpz_set_si(&q.pointee._mp_num, numerator)
    __gmpz_set_si(&q.pointee._mp_den, denominator)
    if denominator < 0 {
      __gmpz_neg(&q.pointee._mp_num, &q.pointee._mp_num)
      __gmpz_neg(&q.pointee._mp_den, &q.pointee._mp_den)
    }
    if denominator != 1 { __gmpq_canonicalize(q) }
  }

  /// The fraction `numerator / denominator`, reduced. Throws
  /// `ExactArithmeticError.divisionByZero` when the denominator is zero.
  public init(numerator: BigInt, denominator: BigInt) throws {
    guard !denominator.isZero else { throw ExactArithmeticError.divisionByZero }
    storage = MPQStorage.make()
    let q = storage.pointer
    numerator.withMPZ { __gmpz_set(&q.pointee._mp_num, $0) }
    denominator.withMPZ { __gmpz_set(&q.pointee._mp_den, $0) }
    __gmpq_canonicalize(q)
  }

  /// 0.
  public static let zero = Rational(0)
  /// 1.
  public static let one = Rational(1)

  /// The numerator of the canonical form (carries the sign).
  public var numerator: BigInt {
    BigInt.make { r in withMPQ { __gmpz_set(r, cgmp_mpq_numref_const($0)) } }
  }

  /// The denominator of the canonical form, always > 0.
  public var denominator: BigInt {
    BigInt.make { r in withMPQ { __gmpz_set(r, cgmp_mpq_denref_const($0)) } }
  }

  /// The sign: -1, 0 or 1.
  @inlinable
  public var signum: Int {
    let size = storage.pointer.pointee._mp_num._mp_size
    return size > 0 ? 1 : (size < 0 ? -1 : 0)
  }

  /// Whether the value is zero.
  @inlinable
  public var isZero: Bool { storage.pointer.pointee._mp_num._mp_size == 0 }

  /// Whether the value is an integer (denominator 1).
  public var isInteger: Bool { withMPQ { __gmpz_cmp_ui(cgmp_mpq_denref_const($0), 1) == 0 } }

  /// The absolute value.
  public var magnitude: Rational {
    if signum >= 0 { return self }
    return -self
  }
}

extension Rational: ExpressibleByIntegerLiteral {
  /// Creates a rational from an integer literal that fits in an `Int`.
  @inlinable
  public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: Equatable, Comparable, Hashable {
  @inlinable
  public static func == (a: Rational, b: Rational) -> Bool {
    a.withMPQ { x in b.withMPQ { y in __gmpq_equal(x, y) != 0 } }
  }

  @inlinable
  public static func < (a: Rational, b: Rational) -> Bool {
    a.withMPQ { x in b.withMPQ { y in __gmpq_cmp(x, y) < 0 } }
  }

  /// Hashes the canonical numerator and denominator, so equal values hash equal.
  public func hash(into hasher: inout Hasher) {
    withMPQ {
      hashMPZ(cgmp_mpq_numref_const($0), into: &hasher)
      hashMPZ(cgmp_mpq_denref_const($0), into: &hasher)
    }
  }
}

extension Rational: CustomStringConvertible {
  /// The canonical form `p/q`, or just `p` when the denominator is 1.
  public var description: String {
    withMPQ { q in
      let p = decimalString(cgmp_mpq_numref_const(q))
      if __gmpz_cmp_ui(cgmp_mpq_denref_const(q), 1) == 0 { return p }
      return p + "/" + decimalString(cgmp_mpq_denref_const(q))
    }
  }
}
