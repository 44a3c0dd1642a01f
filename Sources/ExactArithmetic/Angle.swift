#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An angle in [0, pi], represented exactly by the sign of its cosine and its squared cosine.
///
/// Nearly every angle of the paper has a cosine of the form ±sqrt(q) with rational q in
/// [0, 1]: the angle between rational vectors a and b has
/// cos = sign(a.b) * sqrt((a.b)^2 / (|a|^2 |b|^2)); arccos(sqrt(mu/L)); angles given by a
/// rational cosine or sine. On [0, pi] the sine is >= 0, so (sign of cos, cos^2) determines
/// the angle, and comparisons reduce to comparisons of rationals. The cosine of a *sum* of
/// angles is a `RadicalSum`, whose sign is decided exactly.
public struct Angle: Sendable, Hashable, CustomStringConvertible {
  /// The sign of the cosine: 1 on [0, pi/2), 0 at pi/2, -1 on (pi/2, pi].
  public let cosineSign: Int
  /// cos^2 of the angle, in [0, 1].
  public let cosineSquared: Rational

  /// The angle with cosine `cosineSign * sqrt(cosineSquared)`; the inputs are assumed
  /// valid (sign in -1...1, square in [0, 1], sign 0 exactly when the square is 0).
  init(cosineSign: Int, cosineSquared: Rational) {
    self.cosineSign = cosineSquared.isZero ? 0 : cosineSign
    self.cosineSquared = cosineSquared
  }

  /// The angle between two nonzero rational vectors of the same dimension. Throws
  /// `ExactArithmeticError.zeroVector` or `.dimensionMismatch` instead of producing NaN.
  public init(between a: [Rational], and b: [Rational]) throws {
    guard a.count == b.count else {
      throw ExactArithmeticError.dimensionMismatch(a.count, b.count)
    }
    var dot = Rational.zero
    var normA = Rational.zero
    var normB = Rational.zero
    for i in a.indices {
      dot += a[i] * b[i]
      normA += a[i] * a[i]
      normB += b[i] * b[i]
    }
    guard !normA.isZero, !normB.isZero else { throw ExactArithmeticError.zeroVector }
    self.init(cosineSign: dot.signum, cosineSquared: dot * dot / (normA * normB))
  }

  /// arccos(sqrt(q)) for rational q in [0, 1]: an angle in [0, pi/2].
  public static func arccos(sqrtOf q: Rational) throws -> Angle {
    guard q.signum >= 0, q <= .one else {
      throw ExactArithmeticError.outOfDomain(function: "arccos(sqrt(q)), q in [0, 1]", value: "\(q)")
    }
    return Angle(cosineSign: 1, cosineSquared: q)
  }

  /// arccos(c) for a rational cosine c in [-1, 1].
  public static func arccos(_ c: Rational) throws -> Angle {
    guard c.magnitude <= .one else {
      throw ExactArithmeticError.outOfDomain(function: "arccos, argument in [-1, 1]", value: "\(c)")
    }
    return Angle(cosineSign: c.signum, cosineSquared: c * c)
  }

  /// arcsin(s) for a rational sine s in [0, 1]: an angle in [0, pi/2].
  public static func arcsin(_ s: Rational) throws -> Angle {
    guard s.signum >= 0, s <= .one else {
      throw ExactArithmeticError.outOfDomain(function: "arcsin, argument in [0, 1]", value: "\(s)")
    }
    return Angle(cosineSign: 1, cosineSquared: .one - s * s)
  }

  /// 0.
  public static let zero = Angle(cosineSign: 1, cosineSquared: .one)
  /// pi/2.
  public static let rightAngle = Angle(cosineSign: 0, cosineSquared: .zero)
  /// pi.
  public static let straight = Angle(cosineSign: -1, cosineSquared: .one)

  /// sin^2 = 1 - cos^2.
  public var sineSquared: Rational { .one - cosineSquared }

  /// The exact cosine, `cosineSign * sqrt(cosineSquared)`.
  public var cosine: RadicalSum {
    try! RadicalSum.term(Rational(cosineSign), sqrtOf: cosineSquared)  // radicand >= 0
  }

  /// The exact sine, `sqrt(1 - cos^2)` (>= 0 on [0, pi]).
  public var sine: RadicalSum { try! RadicalSum.squareRoot(of: sineSquared) }  // radicand >= 0

  /// pi - self.
  public var supplement: Angle { Angle(cosineSign: -cosineSign, cosineSquared: cosineSquared) }

  /// The cosine rounded to `digits` decimals, correctly (ties to even).
  public func cosineDecimal(digits: Int) -> String { cosine.decimal(digits: digits) }

  /// The angle in radians as a `Double` (approximate; for display, never for decisions).
  public var approximateRadians: Double {
    let c = Double(cosineSign) * cosineSquared.doubleValue.squareRoot()
    return acos(c)
  }

  public var description: String {
    switch cosineSign {
    case 0: return "pi/2"
    case 1: return "arccos(sqrt(\(cosineSquared)))"
    default: return "arccos(-sqrt(\(cosineSquared)))"
    }
  }
}

extension Angle: Comparable {
  /// Angles compare opposite to their cosines (cos decreases on [0, pi]); decided on the
  /// rational cos^2 and the sign, exactly.
  public static func < (a: Angle, b: Angle) -> Bool {
    compareCosines(a, b) > 0
  }

  /// sign(cos a - cos b), exactly.
  static func compareCosines(_ a: Angle, _ b: Angle) -> Int {
    if a.cosineSign != b.cosineSign { return a.cosineSign < b.cosineSign ? -1 : 1 }
    let bySquare = a.cosineSquared < b.cosineSquared ? -1 : (a.cosineSquared == b.cosineSquared ? 0 : 1)
    return a.cosineSign * bySquare
  }
}

