import CGMP

// Storage for the GMP-backed value types.
//
// Each `BigInt` / `Rational` holds one of these final classes. The GMP value lives in the
// tail allocation of a `ManagedBuffer`, so a value costs one heap object (plus GMP's limbs)
// and the address handed to GMP is stable and free of Swift's exclusivity checks (which
// matters for `x + x`, where both operands are the same storage).
//
// `ManagedBuffer` is explicitly not Sendable, so the value types `BigInt` and `Rational`
// carry the `@unchecked Sendable` instead. Why that is honest: every operation writes its result into *fresh*
// storage, and a storage object is never mutated after the operation that produced it has
// returned — with one exception, the compound assignments (`+=`, ...), which mutate in place
// only when `isKnownUniquelyReferenced` proves that the mutating value is the sole owner.
// A storage object that is shared (between values, and therefore possibly between threads)
// is thus immutable, and immutable GMP values may be read concurrently.

/// The storage of a `BigInt`: one `mpz_t`, initialised on creation and cleared in `deinit`.
@usableFromInline
final class MPZStorage: ManagedBuffer<Void, __mpz_struct> {
  /// A fresh storage holding 0 (GMP >= 6.2 allocates no limbs for it yet).
  @inlinable
  static func make() -> MPZStorage {
    let buffer = unsafeDowncast(
      MPZStorage.create(minimumCapacity: 1) { _ in () }, to: MPZStorage.self)
    buffer.withUnsafeMutablePointerToElements { __gmpz_init($0) }
    return buffer
  }

  /// A fresh storage with room for `bits` bits, so that the operation writing into it
  /// does not have to reallocate.
  @inlinable
  static func make(bits: Int) -> MPZStorage {
    let buffer = unsafeDowncast(
      MPZStorage.create(minimumCapacity: 1) { _ in () }, to: MPZStorage.self)
    buffer.withUnsafeMutablePointerToElements { __gmpz_init2($0, mp_bitcnt_t(max(bits, 64))) }
    return buffer
  }

  @inlinable
  var pointer: UnsafeMutablePointer<__mpz_struct> {
    // The element lives as long as `self`; callers keep `self` alive (they hold the value).
    withUnsafeMutablePointerToElements { $0 }
  }

  deinit {
    withUnsafeMutablePointerToElements { __gmpz_clear($0) }
  }
}

/// The storage of a `Rational`: one canonical `mpq_t`, cleared in `deinit`.
@usableFromInline
final class MPQStorage: ManagedBuffer<Void, __mpq_struct> {
  /// A fresh storage holding 0/1.
  @inlinable
  static func make() -> MPQStorage {
    let buffer = unsafeDowncast(
      MPQStorage.create(minimumCapacity: 1) { _ in () }, to: MPQStorage.self)
    buffer.withUnsafeMutablePointerToElements { __gmpq_init($0) }
    return buffer
  }

  @inlinable
  var pointer: UnsafeMutablePointer<__mpq_struct> {
    withUnsafeMutablePointerToElements { $0 }
  }

  deinit {
    withUnsafeMutablePointerToElements { __gmpq_clear($0) }
  }
}

/// Feeds the canonical representation of an integer (sign and limbs) to a hasher, so equal
/// integers hash equal whatever the history of their storage (allocation size is ignored).
@inlinable
func hashMPZ(_ z: UnsafePointer<__mpz_struct>, into hasher: inout Hasher) {
  let size = Int(z.pointee._mp_size)
  hasher.combine(size)
  let count = size.magnitude
  if count > 0 {
    hasher.combine(
      bytes: UnsafeRawBufferPointer(
        start: z.pointee._mp_d, count: Int(count) * MemoryLayout<mp_limb_t>.stride))
  }
}

/// Decimal text of a GMP integer, written into a Swift-owned buffer (so nothing has to be
/// freed with GMP's allocator).
@usableFromInline
func decimalString(_ z: UnsafePointer<__mpz_struct>) -> String {
  let capacity = __gmpz_sizeinbase(z, 10) + 2
  return String(unsafeUninitializedCapacity: capacity) { buffer in
    let base = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
    __gmpz_get_str(base, 10, z)
    var length = 0
    while buffer[length] != 0 { length += 1 }
    return length
  }
}
