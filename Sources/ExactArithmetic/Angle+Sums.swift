extension Angle {
  /// The exact cosine of `angles[0] + ... + angles[n-1]` (any number of angles; an empty sum
  /// is 0), built with cos(x + y) = cos x cos y - sin x sin y. For one to three angles it has
  /// at most four terms; print it with `description` or `decimal(digits:)`.
  public static func cosineOfSum(_ angles: [Angle]) -> RadicalSum {
    sumCosineAndSine(angles).cosine
  }

  /// The exact sine of the sum of `angles` (sin(x + y) = sin x cos y + cos x sin y).
  public static func sineOfSum(_ angles: [Angle]) -> RadicalSum {
    sumCosineAndSine(angles).sine
  }

  static func sumCosineAndSine(_ angles: [Angle]) -> (cosine: RadicalSum, sine: RadicalSum) {
    var cosine = RadicalSum(1)
    var sine = RadicalSum()
    for angle in angles {
      let (c, s) = (angle.cosine, angle.sine)
      (cosine, sine) = (cosine * c - sine * s, sine * c + cosine * s)
    }
    return (cosine, sine)
  }

  /// Exact comparison of a sum of 1...3 angles (sums may exceed pi) with another angle:
  /// -1, 0, 1 as the sum is smaller than, equal to, or larger than `other`. (An empty sum is
  /// the zero angle.) Precondition: at most three angles.
  ///
  /// Method, with every step exact:
  /// - a + b versus pi: a + b <= pi iff a <= pi - b (compare with the supplement).
  /// - a + b versus g (a + b <= pi): both lie in [0, pi], where cos is decreasing, so the
  ///   answer is -sign(cos(a + b) - cos g), a three-term `RadicalSum`.
  /// - a + b + c versus g: if g < c the sum is larger; otherwise compare a + b with g - c,
  ///   an angle in [0, pi], via -sign(cos(a + b) - cos(g - c)) where
  ///   cos(g - c) = cos g cos c + sin g sin c: four terms, within the exact fallback.
  public static func compare(sum: [Angle], with other: Angle) -> Int {
    precondition(sum.count <= 3, "Angle.compare(sum:with:) takes at most three angles")
    switch sum.count {
    case 0:
      return compareAngles(.zero, other)
    case 1:
      return compareAngles(sum[0], other)
    case 2:
      return compareSumOfTwo(sum[0], sum[1], withCosine: other.cosine, whenAbovePi: 1)
    default:
      let (a, b, c) = (sum[0], sum[1], sum[2])
      if other < c { return 1 }
      // cos(g - c) for the angle g - c in [0, pi].
      let cosineOfDifference = other.cosine * c.cosine + other.sine * c.sine
      return compareSumOfTwo(a, b, withCosine: cosineOfDifference, whenAbovePi: 1)
    }
  }

  /// Compares a + b (a, b in [0, pi]) with an angle in [0, pi] given by its exact cosine.
  private static func compareSumOfTwo(
    _ a: Angle, _ b: Angle, withCosine cosine: RadicalSum, whenAbovePi: Int
  ) -> Int {
    if a > b.supplement { return whenAbovePi }  // a + b > pi >= the other angle
    let difference = (a.cosine * b.cosine - a.sine * b.sine) - cosine
    // At most four terms: inside the exact fallback's limit, so this cannot throw.
    let sign = try! difference.sign()
    return -sign
  }

  private static func compareAngles(_ a: Angle, _ b: Angle) -> Int {
    a < b ? -1 : (a == b ? 0 : 1)
  }
}
