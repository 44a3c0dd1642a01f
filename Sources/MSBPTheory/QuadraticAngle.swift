import ExactArithmetic

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An angle in [0, π] known exactly through its cosine, an element of a
/// multi-quadratic field (`SurdSum`).
///
/// Every angle the paper's checks meet is of this kind: the angle between two
/// rational vectors (cosine `(u·v)/√(‖u‖²‖v‖²)`), the convex-smooth angle
/// `arccos √(μ/L)`, the sparsifying bound `arccos √(k/n)`, a rational `θ`
/// given by its cosine or sine, and the sum of two of these (Theorem 1's
/// smallest admissible θ). Angles are compared through their cosines, since
/// cosine is strictly decreasing on [0, π].
public struct QuadraticAngle: Sendable, CustomStringConvertible {
  /// The exact cosine, in [-1, 1].
  public let cosine: SurdSum

  /// The angle whose cosine is `cosine`.
  /// - Throws: `TheoryError.outOfRange` unless -1 <= cosine <= 1.
  public init(cosine: SurdSum) throws {
    if cosine > SurdSum.one || cosine < -SurdSum.one {
      throw TheoryError.outOfRange(what: "cosine", value: cosine.description, allowed: "[-1, 1]")
    }
    self.cosine = cosine
  }

  init(uncheckedCosine: SurdSum) { cosine = uncheckedCosine }

  /// The angle ⟨u, v⟩ between two non-zero rational vectors.
  /// - Throws: `dimensionMismatch` or `zeroVector` (naming `uName`/`vName`).
  public static func between(
    _ u: [Rational], _ v: [Rational], uName: String = "u", vName: String = "v"
  ) throws -> QuadraticAngle {
    guard u.count == v.count else {
      throw TheoryError.dimensionMismatch(what: "⟨\(uName), \(vName)⟩", expected: u.count, actual: v.count)
    }
    let uu = VectorMath.squaredNorm(u)
    let vv = VectorMath.squaredNorm(v)
    if uu.isZeroValue { throw TheoryError.zeroVector(uName) }
    if vv.isZeroValue { throw TheoryError.zeroVector(vName) }
    let dot = VectorMath.dot(u, v)
    // cos = dot / √(uu·vv) = (dot / (uu·vv)) · √(uu·vv)
    let product = uu * vv
    let root = try SurdSum.squareRoot(of: product)
    return QuadraticAngle(uncheckedCosine: root * (dot / product))
  }

  /// `arccos(c)` for a rational c in [-1, 1].
  public static func arccos(_ c: Rational) throws -> QuadraticAngle {
    try QuadraticAngle(cosine: SurdSum(c))
  }

  /// `arccos(√q)` for a rational q in [0, 1] (e.g. φ = arccos √(μ/L), arccos √(k/n)).
  public static func arccos(squareRootOf q: Rational) throws -> QuadraticAngle {
    if q.signValue < 0 || q > Rational(1) {
      throw TheoryError.outOfRange(what: "q in arccos(√q)", value: "\(q)", allowed: "[0, 1]")
    }
    return QuadraticAngle(uncheckedCosine: try SurdSum.squareRoot(of: q))
  }

  /// `arcsin(s)` in [0, π/2] for a rational s in [0, 1]: cosine √(1 − s²).
  public static func arcsin(_ s: Rational) throws -> QuadraticAngle {
    if s.signValue < 0 || s > Rational(1) {
      throw TheoryError.outOfRange(what: "s in arcsin(s)", value: "\(s)", allowed: "[0, 1]")
    }
    return QuadraticAngle(uncheckedCosine: try SurdSum.squareRoot(of: Rational(1) - s * s))
  }

  /// The right angle π/2.
  public static var rightAngle: QuadraticAngle { QuadraticAngle(uncheckedCosine: .zero) }

  /// cos² of the angle.
  public var cosineSquared: SurdSum { cosine * cosine }
  /// sin² of the angle (= 1 − cos²).
  public var sineSquared: SurdSum { SurdSum.one - cosineSquared }

  /// The sine, when sin² is visibly rational (then sin = √(sin²) is exact).
  public var sine: SurdSum? {
    guard let s2 = sineSquared.rationalValue else { return nil }
    return try? SurdSum.squareRoot(of: s2)
  }

  /// Exact comparison of two angles: -1 if a < b, 0 if equal, 1 if a > b.
  public static func compare(_ a: QuadraticAngle, _ b: QuadraticAngle) -> Int {
    // cos is decreasing on [0, π]
    SurdSum.compare(b.cosine, a.cosine)
  }

  /// Exact comparison of `a + b` (which may exceed π) with `c`:
  /// -1 if a + b < c, 0 if equal, 1 if a + b > c.
  ///
  /// `a + b <= π` iff `cos a >= −cos b`. When the sum exceeds π it exceeds c.
  /// Otherwise compare `cos(a + b) = cos a cos b − √((1 − cos²a)(1 − cos²b))`
  /// with `cos c`: the sign of `M − √P`, `M = cos a cos b − cos c`, is that of
  /// `M` when `M <= 0` or `P = 0`, and that of `M² − P` otherwise.
  public static func compare(sum a: QuadraticAngle, _ b: QuadraticAngle, with c: QuadraticAngle) -> Int {
    if (a.cosine + b.cosine).sign < 0 { return 1 }  // a + b > π >= c
    let m = a.cosine * b.cosine - c.cosine
    let p = a.sineSquared * b.sineSquared
    // sign(cos(a+b) - cos c) = sign(M - √P); the angle order is the opposite.
    let cosineOrder: Int
    if p.sign == 0 {
      cosineOrder = m.sign
    } else if m.sign <= 0 {
      cosineOrder = -1
    } else {
      cosineOrder = (m * m - p).sign
    }
    return -cosineOrder
  }

  /// The angle `a + b` when it is at most π and its cosine stays in the
  /// field, i.e. when sin a · sin b is visibly √(rational). Used for
  /// Theorem 1's smallest admissible θ = δ + φ.
  /// - Throws: `outOfRange` when a + b > π, `unsupported` when the cosine would
  ///   need a nested radical.
  public static func sum(_ a: QuadraticAngle, _ b: QuadraticAngle) throws -> QuadraticAngle {
    if (a.cosine + b.cosine).sign < 0 {
      throw TheoryError.outOfRange(what: "sum of angles", value: "> π", allowed: "[0, π]")
    }
    guard let p = (a.sineSquared * b.sineSquared).rationalValue else {
      throw TheoryError.unsupported("cos(a + b) would need a nested radical")
    }
    return QuadraticAngle(uncheckedCosine: a.cosine * b.cosine - (try SurdSum.squareRoot(of: p)))
  }

  /// The angle in radians, approximately (display only; never used in a decision).
  public var approximateRadians: Double {
    let c = max(-1.0, min(1.0, cosine.approximateValue))
    return acosApproximation(c)
  }

  /// The angle in degrees, approximately (display only).
  public var approximateDegrees: Double { approximateRadians * 180 / Double.pi }

  /// `arccos(<exact cosine>)`.
  public var description: String { "arccos(\(cosine))" }
}

/// arccos on doubles from the C library (display only).
func acosApproximation(_ c: Double) -> Double { acos(c) }
