import Foundation
import SparseNetworks

/// The angle `<a, b>` in `[0, pi]` between two float vectors given as pieces (e.g. the weight
/// and bias gradients of several layers), accumulated in `Double` so that the angle of a
/// concatenation is computed without building it.
///
/// A zero vector has no direction, so its angle is undefined: ``radians`` is then `nil`
/// rather than NaN, and the statistics count it as skipped (an all-zero estimate happens,
/// e.g. when every selected unit of a ReLU layer is inactive).
public struct AngleAccumulator: Sendable, Equatable {
  /// `sum a_i b_i`.
  public private(set) var dot: Double = 0
  /// `sum a_i^2`.
  public private(set) var normSquaredA: Double = 0
  /// `sum b_i^2`.
  public private(set) var normSquaredB: Double = 0

  /// An empty accumulator (both vectors of length 0 so far).
  public init() {}

  /// Appends the pieces `a` and `b` (same length) to the two vectors.
  public mutating func add(_ a: [Float], _ b: [Float]) throws(ShapeError) {
    guard a.count == b.count else {
      throw ShapeError("AngleAccumulator: pieces of lengths \(a.count) and \(b.count)")
    }
    var d = 0.0, na = 0.0, nb = 0.0
    for i in a.indices {
      let x = Double(a[i]), y = Double(b[i])
      d += x * y
      na += x * x
      nb += y * y
    }
    dot += d
    normSquaredA += na
    normSquaredB += nb
  }

  /// Appends the contents of another accumulator (the concatenation of both vector pairs).
  public mutating func add(_ other: AngleAccumulator) {
    dot += other.dot
    normSquaredA += other.normSquaredA
    normSquaredB += other.normSquaredB
  }

  /// The cosine of the angle, clamped to `[-1, 1]` against rounding; `nil` if a vector is zero.
  public var cosine: Double? {
    guard normSquaredA > 0, normSquaredB > 0 else { return nil }
    return min(1, max(-1, dot / (normSquaredA.squareRoot() * normSquaredB.squareRoot())))
  }

  /// The angle in radians, in `[0, pi]`; `nil` if a vector is zero.
  public var radians: Double? { cosine.map { Foundation.acos($0) } }

  /// The angle in degrees, in `[0, 180]`; `nil` if a vector is zero.
  public var degrees: Double? { radians.map { $0 * 180 / Double.pi } }
}
