import ExactArithmetic

extension SurdSum {
  /// The exact sign (-1, 0 or 1) of the number.
  ///
  /// Algorithm (a tower of quadratic extensions): write the number as
  /// `A + B·√d` with `d` the last generator and `A`, `B` free of it. Decide
  /// the signs of `A` and `B` recursively. When they agree (or one is 0) that
  /// is the answer; otherwise `|A|` and `|B|√d` are compared through the sign
  /// of `A² − B²·d`, which again is free of `√d`. This only uses `√d ≥ 0`, so
  /// it is correct whether or not the generators are independent, and it
  /// detects exact zeros. Cost is about 3^k sign evaluations for k generators.
  public var sign: Int {
    SurdSum.sign(terms, generators: radicands.count, radicands: radicands)
  }

  static func sign(_ t: [Int: Rational], generators k: Int, radicands d: [Rational]) -> Int {
    if t.isEmpty { return 0 }
    if k == 0 { return (t[0] ?? Rational(0)).signValue }
    let bit = 1 << (k - 1)
    var a: [Int: Rational] = [:]
    var b: [Int: Rational] = [:]
    for (m, c) in t {
      if m & bit != 0 { b[m ^ bit] = c } else { a[m] = c }
    }
    if b.isEmpty { return sign(a, generators: k - 1, radicands: d) }
    let sa = sign(a, generators: k - 1, radicands: d)
    let sb = sign(b, generators: k - 1, radicands: d)
    if sb == 0 { return sa }
    if sa == 0 || sa == sb { return sb }
    // Opposite signs: compare A² with B²·d.
    var difference = multiply(a, a, d)
    let bSquared = multiply(b, b, d)
    for (m, c) in bSquared {
      difference[m] = (difference[m] ?? Rational(0)) - c * d[k - 1]
    }
    difference = difference.filter { !$0.value.isZeroValue }
    let s = sign(difference, generators: k - 1, radicands: d)
    return s == 0 ? 0 : (s > 0 ? sa : sb)
  }

  /// Exact three-way comparison: -1 if `a < b`, 0 if equal, 1 if `a > b`.
  public static func compare(_ a: SurdSum, _ b: SurdSum) -> Int { (a - b).sign }

  /// `a < b`, decided exactly.
  public static func < (a: SurdSum, b: SurdSum) -> Bool { compare(a, b) < 0 }
  /// `a <= b`, decided exactly.
  public static func <= (a: SurdSum, b: SurdSum) -> Bool { compare(a, b) <= 0 }
  /// `a > b`, decided exactly.
  public static func > (a: SurdSum, b: SurdSum) -> Bool { compare(a, b) > 0 }
  /// `a >= b`, decided exactly.
  public static func >= (a: SurdSum, b: SurdSum) -> Bool { compare(a, b) >= 0 }

  /// Certified rational bounds `lower <= self <= upper`, from enclosures of
  /// each square root to `precisionBits` relative bits. The width shrinks
  /// as the precision grows; the bounds are never approximate.
  public func bounds(precisionBits: Int = 64) -> (lower: Rational, upper: Rational) {
    var rootBounds: [(Rational, Rational)] = []
    for d in radicands { rootBounds.append(d.squareRootEnclosure(bits: precisionBits)) }
    var lower = Rational(0)
    var upper = Rational(0)
    for (mask, c) in terms {
      var lo = Rational(1)
      var hi = Rational(1)
      for i in radicands.indices where mask & (1 << i) != 0 {
        lo = lo * rootBounds[i].0
        hi = hi * rootBounds[i].1
      }
      if c.signValue >= 0 {
        lower = lower + c * lo
        upper = upper + c * hi
      } else {
        lower = lower + c * hi
        upper = upper + c * lo
      }
    }
    return (lower, upper)
  }

  /// A decimal rendering with `digits` digits after the point: the midpoint of a
  /// certified enclosure of width below 10^-digits / 2 (the precision is raised until it
  /// is), rounded; so the printed value is within 10^-digits of the exact one.
  public func decimal(digits: Int = 12) -> String {
    var tenth = Rational(1)
    for _ in 0..<max(digits, 0) { tenth = tenth / Rational(10) }
    var bits = Int(Double(max(digits, 0)) * 3.33) + 16
    var (lo, hi) = bounds(precisionBits: bits)
    while (hi - lo) * Rational(2) >= tenth && bits < 1 << 16 {
      bits *= 2
      (lo, hi) = bounds(precisionBits: bits)
    }
    return ((lo + hi) * Rational(1, 2)).decimalString(digits: max(digits, 0))
  }

  /// A double approximation, for display and plotting only (never for decisions).
  public var approximateValue: Double {
    let (lo, hi) = bounds(precisionBits: 80)
    return ((lo + hi) * Rational(1, 2)).approximateDouble
  }
}
