import ExactArithmetic

/// Choosing the rational step EGD actually takes.
///
/// The proof's step eta = cos(theta) ||w_t - w*|| / ||g_t|| is irrational in
/// general, so the iterate is advanced with a rational inside a certified
/// enclosure [lo, hi] of eta. Which rational matters for speed: the midpoint
/// of the enclosure carries the size of the enclosure's endpoints, which grows
/// with the iterate, so the iterate's size would roughly double at every step
/// (exponential growth). The simplest rational in [lo, hi] (fewest digits,
/// found by continued fractions) has about half the enclosure's precision in
/// bits of numerator and denominator, so iterates only grow linearly.
enum StepRounding {
  /// The rational with the smallest denominator in [lo, hi], for 0 < lo <= hi.
  ///
  /// Continued fractions: if an integer lies in [lo, hi] take the smallest
  /// one; otherwise both ends share the integer part f, and the answer is
  /// f + 1 / simplest(1 / (hi - f), 1 / (lo - f)). Iterative, so the depth
  /// (about the number of partial quotients) cannot overflow the stack.
  static func simplest(in lo: Rational, _ hi: Rational) -> Rational {
    precondition(Rational(0) < lo && lo <= hi, "simplest(in:) needs 0 < lo <= hi")
    // The answer is a0 + 1/(a1 + 1/(a2 + ...)); collect the partial quotients.
    var quotients: [Rational] = []
    var low = lo
    var high = hi
    var last: Rational
    while true {
      let f = Rational(low.floor())
      if f == low {
        last = f
        break
      }
      if f + Rational(1) <= high {
        last = f + Rational(1)
        break
      }
      quotients.append(f)
      let nextLow = Rational(1) / (high - f)
      let nextHigh = Rational(1) / (low - f)
      low = nextLow
      high = nextHigh
    }
    var value = last
    for q in quotients.reversed() {
      value = q + Rational(1) / value
    }
    return value
  }

  /// The simplest rational in [lo - s, hi + s] with s = lo 2^-bits, for an enclosure
  /// 0 < lo <= eta <= hi of some eta.
  ///
  /// The widened interval still contains eta, so the answer is within relative
  /// 2^(1-bits) of it plus the enclosure's own width. Widening is what keeps the
  /// answer short: square-root bounds are computed at the radicand's full width, so
  /// an enclosure asked for at 64 bits can be far narrower, and the simplest
  /// rational of a narrow interval is as long as its endpoints. With the slack its
  /// denominator stays near 2^(bits/2) whatever the size of lo and hi.
  static func simplest(inEnclosure bounds: (lower: Rational, upper: Rational), relativeSlackBits bits: Int) -> Rational {
    let slack = bounds.lower / Rational(BigInt(1) << bits)
    return simplest(in: bounds.lower - slack, bounds.upper + slack)
  }

  /// A short rational in [x (1 - 2^-bits), x] for x > 0.
  static func shortBelow(_ x: Rational, bits: Int) -> Rational {
    let width = x / Rational(BigInt(1) << bits)
    return simplest(in: x - width, x)
  }
}
