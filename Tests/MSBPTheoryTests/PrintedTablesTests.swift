import ExactArithmetic
import Testing
@testable import MSBPTheory

/// Tables 2 and 3: the printed deltas and speed-ups against the printed values.
@Suite struct PrintedTablesTests {
  /// (label, value, baseline, printed delta), transcribed from Tables 2 and 3.
  static let deltas: [(String, String, String, String)] = [
    ("MNIST h=500 SBP", "97.84", "97.86", "-0.02"), ("MNIST h=500 MSBP", "98.23", "97.86", "0.37"),
    ("Parsing SBP", "88.59", "88.38", "0.21"), ("Parsing MSBP", "89.03", "88.38", "0.65"),
    ("MNIST h=5000 SBP", "96.22", "98.10", "-1.90"), ("MNIST h=5000 MSBP", "98.16", "98.10", "0.06"),
    ("POS SBP", "97.34", "97.27", "0.07"), ("POS MSBP", "97.50", "97.27", "0.23"),
    ("CIFAR Adam SBP", "92.94", "93.69", "-0.75"), ("CIFAR Adam MSBP", "93.95", "93.69", "0.26"),
    ("CIFAR SGD SBP", "93.88", "94.47", "-0.59"), ("CIFAR SGD MSBP", "94.92", "94.47", "0.45"),
    ("Subjectivity SBP", "93.77", "93.66", "0.11"), ("Subjectivity MSBP", "93.80", "93.66", "0.14"),
    ("Polarity SBP", "81.12", "80.89", "0.23"), ("Polarity MSBP", "81.48", "80.89", "0.58"),
    // Sec. 5.2 text: "MSBP achieves 0.44% absolute improvement over traditional SBP" (Parsing).
    ("Parsing MSBP − SBP (text)", "89.03", "88.59", "0.44"),
  ]

  /// (label, baseline time, time, printed speed-up).
  static let speedups: [(String, String, String, String)] = [
    ("MNIST h=500 SBP", "67.2", "6.6", "10.18"), ("MNIST h=500 MSBP", "67.2", "6.9", "9.74"),
    ("Parsing SBP", "6447", "682", "9.46"), ("Parsing MSBP", "6447", "684", "9.43"),
    ("MNIST h=5000 SBP", "3667.5", "102.1", "35.92"), ("MNIST h=5000 MSBP", "3667.5", "104.7", "35.03"),
    ("POS SBP", "11965", "1763", "6.79"), ("POS MSBP", "11965", "1842", "6.50"),
  ]

  @Test func onlyTheExtremeSparsityDeltaIsInconsistent() throws {
    var inconsistent: [String] = []
    for (label, a, b, d) in Self.deltas {
      let ok = PrintedArithmetic.differenceIsConsistent(try PrintedNumber(a), minus: try PrintedNumber(b), printed: try PrintedNumber(d))
      if !ok { inconsistent.append(label) }
    }
    // 96.22 − 98.10 = −1.88; with rounding the true delta lies in [−1.89, −1.87], never −1.90 ± 0.005.
    #expect(inconsistent == ["MNIST h=5000 SBP"])
    #expect(try PrintedNumber("96.22").value - PrintedNumber("98.10").value == Rational(-188, 100))
  }

  @Test func speedupsAreConsistent() throws {
    for (label, base, time, r) in Self.speedups {
      #expect(PrintedArithmetic.ratioIsConsistent(try PrintedNumber(base), over: try PrintedNumber(time), printed: try PrintedNumber(r)), "\(label)")
    }
    // A wrong speed-up is caught: 67.2/6.6 ≈ 10.18, not 10.30.
    #expect(!PrintedArithmetic.ratioIsConsistent(try PrintedNumber("67.2"), over: try PrintedNumber("6.6"), printed: try PrintedNumber("10.30")))
  }

  @Test func printedNumbersKnowTheirPrecision() throws {
    let x = try PrintedNumber("97.86")
    #expect(x.interval == RationalInterval(Rational(97855, 1000), Rational(97865, 1000)))
    #expect(try PrintedNumber("6447").halfUnit == Rational(1, 2))
    #expect(throws: TheoryError.self) { try PrintedNumber("1/2") }
  }
}
