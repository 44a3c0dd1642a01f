import Testing
@testable import ExactArithmetic

@Suite struct AngleTests {
  func vector(_ x: Int, _ y: Int) -> [Rational] { [Rational(x), Rational(y)] }
  func angle(_ a: [Rational], _ b: [Rational]) -> Angle { try! Angle(between: a, and: b) }
  /// Sign of the cross product: > 0 when v is counter-clockwise of u (a second method).
  func cross(_ u: [Rational], _ v: [Rational]) -> Int { (u[0] * v[1] - u[1] * v[0]).signum }

  @Test func badInputIsAnError() {
    #expect(throws: ExactArithmeticError.zeroVector) { try Angle(between: [0, 0], and: [1, 2]) }
    #expect(throws: ExactArithmeticError.zeroVector) { try Angle(between: [], and: []) }
    #expect(throws: ExactArithmeticError.dimensionMismatch(2, 3)) {
      try Angle(between: [1, 0], and: [1, 0, 0])
    }
    #expect(throws: ExactArithmeticError.self) { try Angle.arccos(Rational(3, 2)) }
    #expect(throws: ExactArithmeticError.self) { try Angle.arccos(sqrtOf: Rational(-1, 2)) }
    #expect(throws: ExactArithmeticError.self) { try Angle.arcsin(Rational(-1, 2)) }
  }

  @Test func knownAngles() throws {
    let sixty = try Angle.arccos(Rational(1, 2))
    let thirty = try Angle.arcsin(Rational(1, 2))
    let fortyFive = try Angle.arccos(sqrtOf: Rational(1, 2))
    #expect(angle(vector(1, 0), vector(1, 1)) == fortyFive)
    #expect(angle(vector(1, 0), vector(0, 3)) == .rightAngle)
    #expect(angle(vector(2, 0), vector(-5, 0)) == .straight)
    #expect(angle(vector(1, 1), vector(2, 2)) == .zero)
    #expect(Angle.zero < thirty && thirty < fortyFive && fortyFive < sixty && sixty < .rightAngle)
    #expect(Angle.compare(sum: [thirty, sixty], with: .rightAngle) == 0)
    #expect(Angle.compare(sum: [fortyFive, fortyFive], with: .rightAngle) == 0)
    #expect(Angle.compare(sum: [sixty, sixty, sixty], with: .straight) == 0)
    #expect(Angle.compare(sum: [thirty, sixty, .rightAngle], with: .straight) == 0)
    let oneTwenty = try Angle.arccos(Rational(-1, 2))
    #expect(Angle.compare(sum: [oneTwenty, oneTwenty, oneTwenty], with: .straight) == 1)  // 2 pi
    #expect(Angle.compare(sum: [sixty, oneTwenty], with: .straight) == 0)
    #expect(Angle.compare(sum: [thirty, thirty], with: sixty) == 0)
    #expect(Angle.cosineOfSum([thirty, fortyFive]).decimal(digits: 12) == "0.258819045103")  // cos 75°
    #expect(fortyFive.cosineDecimal(digits: 10) == "0.7071067812")
    #expect(sixty.cosineDecimal(digits: 3) == "0.500")
  }

  /// For vectors u, v, w, z in counter-clockwise order spanning at most pi, the angles add:
  /// (u,v) + (v,w) = (u,w) and (u,v) + (v,w) + (w,z) = (u,z); rotating the target slightly
  /// changes the answer in the direction the cross product says.
  @Test func anglesBetweenOrderedVectorsAdd() {
    var rng = SplitMix64(seed: 60)
    var checked = 0
    while checked < 150 {
      var vs: [[Rational]] = []
      for _ in 0..<4 {
        vs.append(vector(Int.random(in: -50...50, using: &rng), Int.random(in: 1...50, using: &rng)))
      }
      // Sort by polar angle (upper half-plane: by cross product), keep distinct directions.
      vs.sort { cross($0, $1) > 0 }
      guard cross(vs[0], vs[1]) > 0, cross(vs[1], vs[2]) > 0, cross(vs[2], vs[3]) > 0 else { continue }
      let (u, v, w, z) = (vs[0], vs[1], vs[2], vs[3])
      #expect(Angle.compare(sum: [angle(u, v), angle(v, w)], with: angle(u, w)) == 0)
      #expect(Angle.compare(sum: [angle(u, v), angle(v, w), angle(w, z)], with: angle(u, z)) == 0)
      #expect(Angle.compare(sum: [angle(u, v)], with: angle(u, w)) == -1)
      // Compare with (u, w') where w' is w turned a little (either way).
      let nudged = [w[0] * Rational(1_000_001, 1_000_000), w[1]]
      let expected = -cross(w, nudged)  // w' counter-clockwise of w: the target grew
      #expect(Angle.compare(sum: [angle(u, v), angle(v, w)], with: angle(u, nudged)) == expected)
      #expect(Angle.compare(sum: [angle(u, v), angle(v, w), angle(w, z)], with: angle(u, [z[0] + Rational(1, 1000), z[1]])) == -cross(z, [z[0] + Rational(1, 1000), z[1]]))
      checked += 1
    }
  }

  /// Sums above pi: turning by (u,v) + (v,w) past the negative x-axis exceeds every angle.
  @Test func sumsBeyondPi() {
    let u = vector(1, 0), v = vector(-1, 5), w = vector(-3, -1)  // (u,v) ~ 101°, (v,w) ~ 97°
    #expect(Angle.compare(sum: [angle(u, v), angle(v, w)], with: .straight) == 1)
    #expect(Angle.compare(sum: [angle(u, v), angle(v, w), .zero], with: .straight) == 1)
    #expect(Angle.compare(sum: [.straight, .straight], with: .straight) == 1)
    #expect(Angle.compare(sum: [.rightAngle, .rightAngle, .zero], with: .straight) == 0)
  }

  /// Random angles: decisions agree with Double radians whenever the margin is large.
  @Test func agreesWithFloatingPointWhenClear() {
    var rng = SplitMix64(seed: 61)
    func randomAngle() -> Angle {
      let a = (0..<3).map { _ in Rational(Int.random(in: -9...9, using: &rng)) }
      var b = (0..<3).map { _ in Rational(Int.random(in: -9...9, using: &rng)) }
      if a.allSatisfy(\.isZero) { return .rightAngle }
      if b.allSatisfy(\.isZero) { b[0] = 1 }
      return (try? Angle(between: a, and: b)) ?? .rightAngle
    }
    for _ in 0..<300 {
      let k = Int.random(in: 1...3, using: &rng)
      let parts = (0..<k).map { _ in randomAngle() }
      let target = randomAngle()
      let total = parts.map(\.approximateRadians).reduce(0, +)
      let margin = total - target.approximateRadians
      guard abs(margin) > 1e-9 else { continue }
      #expect(Angle.compare(sum: parts, with: target) == (margin > 0 ? 1 : -1))
    }
  }

  @Test func orderAndHashing() {
    let a = angle(vector(1, 2), vector(3, 1))
    let b = angle(vector(2, 4), vector(6, 2))  // same angle, scaled vectors
    #expect(a == b && a.hashValue == b.hashValue)
    #expect(a.supplement.supplement == a)
    #expect(Angle.zero < .rightAngle && .rightAngle < .straight)
    #expect(a.cosineSquared + a.sineSquared == .one)
  }
}
