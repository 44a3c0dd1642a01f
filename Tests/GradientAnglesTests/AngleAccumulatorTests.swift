import Foundation
import GradientAngles
import PropertyTesting
import SparseNetworks
import Testing

@Suite struct AngleAccumulatorTests {
  func angle(_ a: [Float], _ b: [Float]) throws -> Double? {
    var acc = AngleAccumulator()
    try acc.add(a, b)
    return acc.degrees
  }

  @Test func knownAngles() throws {
    #expect(abs(try #require(try angle([1, 0], [1, 1])) - 45) < 1e-9)
    #expect(abs(try #require(try angle([1, 0, 0], [0, 2, 0])) - 90) < 1e-9)
    #expect(abs(try #require(try angle([1, 2, 3], [-2, -4, -6])) - 180) < 1e-6)
    #expect(try #require(try angle([3, 4], [6, 8])) < 1e-5)
    // cos = 1/2 exactly: 60 degrees.
    #expect(abs(try #require(try angle([1, 0], [1, Float(3).squareRoot()])) - 60) < 1e-5)
  }

  @Test func zeroVectorHasNoAngle() throws {
    #expect(try angle([0, 0], [1, 2]) == nil)
    #expect(try angle([1, 2], [0, 0]) == nil)
    #expect(try angle([], []) == nil)
  }

  @Test func mismatchedPiecesThrow() {
    var acc = AngleAccumulator()
    #expect(throws: ShapeError.self) { try acc.add([1, 2], [1]) }
  }

  /// Accumulating pieces gives the angle of the concatenation, computed directly.
  @Test func piecesEqualConcatenation() throws {
    let piece = Gen.int(in: -20...20).array(count: 0...6)
    try forAll("angle of pieces = angle of concatenation",
               Gen.zip(piece.array(count: 1...4), piece.array(count: 1...4))) { xs, ys in
      let n = min(xs.count, ys.count)
      var acc = AngleAccumulator()
      var fa = [Double](), fb = [Double]()
      for i in 0..<n {
        let m = min(xs[i].count, ys[i].count)
        let a = xs[i].prefix(m).map(Float.init), b = ys[i].prefix(m).map(Float.init)
        try acc.add(a, b)
        fa += a.map(Double.init)
        fb += b.map(Double.init)
      }
      guard let d = acc.degrees else {
        return fa.allSatisfy { $0 == 0 } || fb.allSatisfy { $0 == 0 }
      }
      return abs(d - flatAngle(fa, fb)) < 1e-6
    }
  }

  /// Positive scaling of either vector leaves the angle unchanged; negating one gives the supplement.
  @Test func scaleInvariance() throws {
    let vec = Gen.int(in: -50...50).array(count: 3)
    try forAll("angle is scale invariant", Gen.zip(vec, vec, Gen.int(in: 1...1000))) { a, b, s in
      let fa = a.map(Float.init), fb = b.map(Float.init)
      guard let base = try angle(fa, fb) else { return true }
      let scaled = try #require(try angle(fa.map { $0 * Float(s) }, fb))
      let negated = try #require(try angle(fa.map { -$0 }, fb))
      return abs(scaled - base) < 1e-3 && abs(negated - (180 - base)) < 1e-3
    }
  }
}

@Suite struct SummaryTests {
  @Test func knownValues() {
    let s = Summary([1, 2, 3, 4])
    #expect(s.count == 4)
    #expect(s.mean == 2.5)
    #expect(abs(s.standardDeviation - (5.0 / 3).squareRoot()) < 1e-12)
    #expect(abs(s.populationStandardDeviation - 1.25.squareRoot()) < 1e-12)
    #expect(s.minimum == 1 && s.maximum == 4)
    #expect(Summary().mean.isNaN)
    #expect(Summary([7]).standardDeviation == 0)
  }

  @Test func skippedValuesAreCounted() {
    var s = Summary()
    s.record(nil)
    s.record(2)
    #expect(s.count == 1 && s.skipped == 1 && s.mean == 2)
  }

  /// Welford's running values agree with the two-pass formulas.
  @Test func agreesWithTwoPass() throws {
    try forAll("Welford = two-pass", Gen.int(in: -1000...1000).array(count: 1...40)) { xs in
      let v = xs.map { Double($0) / 7 }
      let s = Summary(v)
      let mean = v.reduce(0, +) / Double(v.count)
      let ss = v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
      let sd = v.count > 1 ? (ss / Double(v.count - 1)).squareRoot() : 0
      return abs(s.mean - mean) < 1e-9 && abs(s.standardDeviation - sd) < 1e-9
        && s.minimum == v.min() && s.maximum == v.max()
    }
  }

  @Test func codableRoundTrip() throws {
    let s = Summary([1, 5, 2, 8])
    let back = try JSONDecoder().decode(Summary.self, from: JSONEncoder().encode(s))
    #expect(back.count == s.count && back.mean == s.mean)
    #expect(abs(back.standardDeviation - s.standardDeviation) < 1e-12)
  }
}
