import GradientAngles
import SparseNetworks
import Testing

@Suite struct ParameterAnglesTests {
  func gradient(_ w: [[Float]], _ b: [Float]) throws -> LinearGradient {
    let m = try Matrix(w)
    return LinearGradient(weight: m, bias: b, input: nil, estimate: Matrix(rows: 0, columns: 0), selected: nil, memory: nil)
  }

  @Test func perLayerAndWhole() throws {
    let truth = [try gradient([[1, 0], [0, 0]], [0, 0]), try gradient([[0, 0]], [3])]
    let estimate = [try gradient([[1, 1], [0, 0]], [0, 0]), try gradient([[0, 0]], [3])]
    let a = try ParameterAngles(estimate: estimate, truth: truth)
    #expect(abs(try #require(a[.layer(1)]) - 45) < 1e-9)
    #expect(try #require(a[.layer(2)]) < 1e-9)
    // Whole vector: (1,1,0,0,0,0,0,3) vs (1,0,0,0,0,0,0,3), computed directly.
    let direct = flatAngle([1, 1, 0, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0, 0, 3])
    #expect(abs(try #require(a.whole) - direct) < 1e-9)
    #expect(a.parts == [.layer(1), .layer(2), .whole])
    #expect(a[.layer(3)] == nil)
  }

  @Test func zeroEstimateIsUndefined() throws {
    let truth = [try gradient([[1, 0]], [1])]
    let zero = [try gradient([[0, 0]], [0])]
    let a = try ParameterAngles(estimate: zero, truth: truth)
    #expect(a[.layer(1)] == nil && a.whole == nil)
  }

  @Test func mismatchedLayersThrow() throws {
    let one = [try gradient([[1, 0]], [1])]
    #expect(throws: ShapeError.self) { try ParameterAngles(estimate: one, truth: one + one) }
    #expect(throws: ShapeError.self) { try ParameterAngles(estimate: [], truth: []) }
  }

  @Test func partNamesRoundTrip() {
    for p in [ParameterPart.layer(1), .layer(12), .whole] { #expect(ParameterPart(p.description) == p) }
    #expect(ParameterPart("layer0") == nil)
    #expect(ParameterPart("bias") == nil)
  }
}
