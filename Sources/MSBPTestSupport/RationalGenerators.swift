// Generators of exact rationals.

import ExactArithmetic
import PropertyTesting

/// A planned rational: the numerator's plan and the limbs of `denominator - 1` (the
/// choice layout stores `denominator - 1`, so that its simplest value, 0, means an
/// integer).
struct RationalPlan {
  var numerator: BigIntPlan
  var denominatorMinusOne: [UInt64]

  static let zero = RationalPlan(numerator: .zero, denominatorMinusOne: [0])

  /// The plan of `numerator / denominator` (`denominator >= 1`).
  static func fraction(_ numerator: Int, _ denominator: Int) -> RationalPlan {
    RationalPlan(
      numerator: BigIntPlan(negative: numerator < 0, limbs: [numerator.magnitude.asUInt64]),
      denominatorMinusOne: [UInt64(denominator - 1)])
  }

  /// The plan of an exact value (its reduced numerator and denominator).
  init(_ value: Rational) {
    numerator = BigIntPlan(negative: value.signum < 0, limbs: Limbs.of(value.numerator))
    denominatorMinusOne = Limbs.subtractingOne(Limbs.of(value.denominator))
  }

  init(numerator: BigIntPlan, denominatorMinusOne: [UInt64]) {
    self.numerator = numerator
    self.denominatorMinusOne = denominatorMinusOne
  }

  /// This plan, or the plan of 1 if this one is zero.
  var nonzero: RationalPlan {
    numerator.limbs.allSatisfy { $0 == 0 } ? .fraction(1, 1) : self
  }

  /// This value negated.
  var negated: RationalPlan {
    var copy = self
    copy.numerator.negative.toggle()
    return copy
  }

  /// A random plan favouring 0, ±1, ±1/2, ±2, ±1/3, small fractions, integers, wide
  /// fractions (bit lengths log-uniform up to `bitCap`), and extremes such as
  /// `2^k / 1`, `1 / 2^k` and `(2^k + 1) / 2^k`.
  static func random(bitCap: Int, using rng: inout Xoshiro256StarStar) -> RationalPlan {
    switch Int.random(in: 0..<12, using: &rng) {
    case 0..<2:
      let specials = [(0, 1), (1, 1), (-1, 1), (1, 2), (-1, 2), (2, 1), (-2, 1), (1, 3), (-1, 3)]
      let (n, d) = specials.randomElement(using: &rng)!
      return .fraction(n, d)
    case 2..<5:
      return .fraction(Int.random(in: -100...100, using: &rng), Int.random(in: 1...100, using: &rng))
    case 5..<7:
      return RationalPlan(numerator: BigIntPlan.random(bitCap: bitCap, using: &rng), denominatorMinusOne: [0])
    case 7..<11:
      let denominator = Limbs.random(bits: Int.random(in: 1...bitCap, using: &rng), using: &rng)
      return RationalPlan(
        numerator: BigIntPlan.random(bitCap: bitCap, using: &rng),
        denominatorMinusOne: Limbs.subtractingOne(denominator))
    default:
      let k = Int.random(in: 1...bitCap - 1, using: &rng)
      let power = Limbs.powerOfTwo(k, plus: 0)
      let negative = Bool.random(using: &rng)
      switch Int.random(in: 0..<3, using: &rng) {
      case 0:
        return RationalPlan(numerator: BigIntPlan(negative: negative, limbs: power), denominatorMinusOne: [0])
      case 1:
        return RationalPlan(
          numerator: BigIntPlan(negative: negative, limbs: [1]),
          denominatorMinusOne: Limbs.subtractingOne(power))
      default:
        return RationalPlan(
          numerator: BigIntPlan(negative: negative, limbs: Limbs.powerOfTwo(k, plus: 1)),
          denominatorMinusOne: Limbs.subtractingOne(power))
      }
    }
  }
}

extension UInt {
  fileprivate var asUInt64: UInt64 { UInt64(self) }
}

extension ChoiceSource {
  /// Draws a rational. Layout: the numerator as a big integer (sign, limbs), then the
  /// limbs of `denominator - 1`. Shrinks towards small integers: the denominator towards 1
  /// and the numerator towards 0.
  func drawRational(maxBits: Int, plan: RationalPlan?) throws -> Rational {
    let numerator = try drawBigInt(maxBits: maxBits, plan: plan?.numerator)
    let denominatorMinusOne = try drawLimbs(
      maxLimbs: max(1, (maxBits + 63) / 64), plan: plan?.denominatorMinusOne)
    let denominator = Limbs.bigInt(denominatorMinusOne, negative: false) + BigInt(1)
    return try Rational(numerator: numerator, denominator: denominator)
  }

  /// Draws a rational with a random plan when generating.
  func drawRational(maxBits: Int) throws -> Rational {
    let plan = steer { rng in
      RationalPlan.random(bitCap: BigIntPlan.bitCap(maxBits: maxBits, size: size), using: &rng)
    }
    return try drawRational(maxBits: maxBits, plan: plan)
  }
}

extension Gen where Value == Rational {
  /// Rationals whose numerator and denominator have up to `maxBits` bits each (rounded up
  /// to a multiple of 64): 0, ±1, ±1/2, ±2, ±1/3, small fractions, integers, wide
  /// fractions and extremes (`2^k`, `2^-k`, `1 + 2^-k`) are all drawn often; bit lengths grow
  /// with the size parameter. Shrinks towards small integers.
  public static func rational(maxBits: Int = 2048) -> Gen<Rational> {
    Gen { source in
      guard maxBits >= 2 else { throw GeneratorError("Gen.rational(maxBits:): maxBits \(maxBits) < 2") }
      return try source.drawRational(maxBits: maxBits)
    }
  }

  /// Cheap rationals `n / d` with `n` in `numerators` and `d` in `denominators` (not
  /// reduced before construction; `Rational` reduces). Use them where exact arithmetic on
  /// wide numbers would make a property slow (e.g. matrix entries). Shrinks towards
  /// `n` nearest 0 and the smallest `d`.
  public static func smallRational(
    numerators: ClosedRange<Int> = -10...10, denominators: ClosedRange<Int> = 1...10
  ) -> Gen<Rational> {
    Gen { source in
      guard denominators.lowerBound >= 1 else {
        throw GeneratorError("Gen.smallRational: denominators \(denominators) must be >= 1")
      }
      let n = try source.drawInt(in: numerators)
      let d = try source.drawInt(in: denominators)
      return Rational(n, d)
    }
  }
}
