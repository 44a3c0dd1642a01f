import ExactArithmetic

/// A column vector of exact rationals.
///
/// A value type; operations that need equal dimensions throw
/// `LinearAlgebraError.dimensionMismatch` instead of trapping.
public struct RationalVector: Sendable, Hashable, CustomStringConvertible {
  /// The entries, first to last.
  public var entries: [Rational]

  /// A vector with the given entries (any length, including 0).
  public init(_ entries: [Rational]) { self.entries = entries }

  /// The vector of `count` zeros.
  public static func zero(_ count: Int) -> RationalVector {
    RationalVector([Rational](repeating: .zero, count: max(count, 0)))
  }

  /// The `index`-th standard basis vector of dimension `count` (requires `0 <= index < count`).
  public static func basis(_ index: Int, count: Int) throws -> RationalVector {
    guard index >= 0 && index < count else {
      throw LinearAlgebraError.indexOutOfRange(name: "basis index", index: index, bound: count)
    }
    var v = zero(count)
    v.entries[index] = .one
    return v
  }

  /// The dimension.
  public var count: Int { entries.count }

  /// The entry at `index`, checked: throws `.indexOutOfRange` instead of trapping.
  public func entry(_ index: Int) throws -> Rational {
    guard index >= 0 && index < count else {
      throw LinearAlgebraError.indexOutOfRange(name: "index", index: index, bound: count)
    }
    return entries[index]
  }

  /// The entry at `index` (`0..<count`, like `Array`; see `entry(_:)` for a checked read).
  public subscript(index: Int) -> Rational {
    get { entries[index] }
    set { entries[index] = newValue }
  }

  private func checkSameDimension(_ other: RationalVector, _ operation: String) throws {
    guard count == other.count else {
      throw LinearAlgebraError.dimensionMismatch(
        operation: operation, left: "vector of \(count)", right: "vector of \(other.count)")
    }
  }

  /// The dot product `self^T other`.
  public func dot(_ other: RationalVector) throws -> Rational {
    try checkSameDimension(other, "dot product")
    var sum = Rational.zero
    for i in 0..<count { sum += entries[i] * other.entries[i] }
    return sum
  }

  /// `||self||^2 = self^T self`, exact (the norm itself is usually irrational).
  public var squaredNorm: Rational {
    var sum = Rational.zero
    for x in entries { sum += x * x }
    return sum
  }

  /// The entrywise sum; throws on different dimensions.
  public func adding(_ other: RationalVector) throws -> RationalVector {
    try checkSameDimension(other, "vector addition")
    return RationalVector((0..<count).map { entries[$0] + other.entries[$0] })
  }

  /// The entrywise difference; throws on different dimensions.
  public func subtracting(_ other: RationalVector) throws -> RationalVector {
    try checkSameDimension(other, "vector subtraction")
    return RationalVector((0..<count).map { entries[$0] - other.entries[$0] })
  }

  /// `factor * self`.
  public func scaled(by factor: Rational) -> RationalVector {
    RationalVector(entries.map { factor * $0 })
  }

  /// The entrywise sum; throws on different dimensions.
  public static func + (a: RationalVector, b: RationalVector) throws -> RationalVector { try a.adding(b) }
  /// The entrywise difference; throws on different dimensions.
  public static func - (a: RationalVector, b: RationalVector) throws -> RationalVector { try a.subtracting(b) }
  /// The negated vector.
  public static prefix func - (a: RationalVector) -> RationalVector { RationalVector(a.entries.map { -$0 }) }
  /// Scaling by a rational.
  public static func * (factor: Rational, v: RationalVector) -> RationalVector { v.scaled(by: factor) }

  public var description: String { "[" + entries.map { "\($0)" }.joined(separator: ", ") + "]" }
}
