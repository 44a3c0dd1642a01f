import CGMP

/// An arbitrary-precision integer on GMP's `mpz_t`.
///
/// A value type: every operation produces a new value in fresh storage, so a copy can never
/// be changed through another copy. (The compound assignments reuse storage only when the
/// value is its sole owner, which no other value can observe.)
public struct BigInt: @unchecked Sendable {  // see GMPStorage.swift for why this is honest
  @usableFromInline
  var storage: MPZStorage

  @inlinable
  init(storage: MPZStorage) { self.storage = storage }

  /// Creates the integer `value`.
  @inlinable
  public init(_ value: Int) {
    storage = MPZStorage.make()
    __gmpz_set_si(storage.pointer, value)
  }

  /// Runs `body` with a read-only pointer to the GMP value (kept alive for the call).
  @inlinable
  func withMPZ<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
    try withExtendedLifetime(storage) { try body(storage.pointer) }
  }

  /// A fresh integer whose value `body` writes into an initialised `mpz_t`.
  @inlinable
  static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
    let result = MPZStorage.make()
    body(result.pointer)
    return BigInt(storage: result)
  }

  /// The sign: -1, 0 or 1.
  @inlinable
  public var signum: Int {
    let size = storage.pointer.pointee._mp_size
    return size > 0 ? 1 : (size < 0 ? -1 : 0)
  }

  /// Whether the value is zero.
  @inlinable
  public var isZero: Bool { storage.pointer.pointee._mp_size == 0 }

  /// The absolute value, |self|.
  public var magnitude: BigInt {
    if signum >= 0 { return self }
    return BigInt.make { r in withMPZ { __gmpz_abs(r, $0) } }
  }

  /// The number of bits of |self| (0 for zero), i.e. floor(log2|self|) + 1.
  public var bitWidth: Int {
    isZero ? 0 : withMPZ { Int(__gmpz_sizeinbase($0, 2)) }
  }

  /// Whether the value is odd.
  public var isOdd: Bool { withMPZ { cgmp_mpz_odd_p($0) != 0 } }

  /// The value as a `Double`, truncated toward zero by GMP (not correctly rounded; use
  /// `Rational(self).doubleValue` for the correctly rounded conversion).
  public var approximateDoubleValue: Double { withMPZ { __gmpz_get_d($0) } }
}

extension Int {
  /// The value of `value` if it fits in an `Int`, else `nil`.
  public init?(exactly value: BigInt) {
    guard value.withMPZ({ __gmpz_fits_slong_p($0) }) != 0 else { return nil }
    self = value.withMPZ { __gmpz_get_si($0) }
  }
}

extension BigInt: ExpressibleByIntegerLiteral {
  /// Creates an integer from a literal that fits in an `Int`.
  @inlinable
  public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInt: Equatable, Comparable, Hashable {
  @inlinable
  public static func == (a: BigInt, b: BigInt) -> Bool {
    a.withMPZ { x in b.withMPZ { y in __gmpz_cmp(x, y) == 0 } }
  }

  @inlinable
  public static func < (a: BigInt, b: BigInt) -> Bool {
    a.withMPZ { x in b.withMPZ { y in __gmpz_cmp(x, y) < 0 } }
  }

  /// Hashes sign and limbs, so equal integers hash equal.
  public func hash(into hasher: inout Hasher) {
    withMPZ { hashMPZ($0, into: &hasher) }
  }
}

extension BigInt: CustomStringConvertible {
  /// The decimal digits, with a leading `-` for negative values.
  public var description: String { withMPZ { decimalString($0) } }
}
