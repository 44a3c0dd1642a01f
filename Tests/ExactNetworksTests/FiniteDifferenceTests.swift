import ExactArithmetic
import ExactNetworks
import PropertyTesting
import SparseNetworks
import Testing

/// The dense gradient of the twin against exact finite differences.
///
/// Why exact: fix the activation pattern `P` (which hidden pre-activations are `> 0`) at the
/// state `w`. The network with every hidden unit's slope frozen to its value under `P` is a
/// polynomial map of the parameters; perturbing `q` layers along a direction `d`, its output
/// is a polynomial of degree `<= q` in `eps` and its squared loss `Q(eps)` one of degree
/// `<= 2q`. At any point `w + eps d` whose pattern is also `P`, the real network computes
/// exactly `Q(eps)`. The symmetric quotient `D(eps) = (Q(eps) - Q(-eps)) / (2 eps)` keeps
/// only odd coefficients, so it is a polynomial in `s = eps^2` of degree `<= q - 1`, with
/// `D(0) = Q'(0) = <grad L(w), d>` (the dense backward uses the derivatives of pattern `P`).
/// Interpolating `D` at `q` values of `s` and evaluating at `s = 0` therefore gives the
/// directional derivative *exactly*; for `q = 1` it is the plain symmetric quotient.
@Suite struct FiniteDifferenceTests {
  /// The activation pattern of a state on a batch.
  static func pattern(_ net: ExactMLP, _ batch: ExactBatch) throws -> [[Bool]] {
    let tape = try net.forward(batch.inputs)
    return tape.preActivations.dropLast().map { $0.storage.map { $0.signum > 0 } }
  }

  /// `<grad, d>` and its exact finite-difference extrapolation, or `nil` when no step
  /// `eps <= 1/4 * 2^-12` keeps the pattern at every evaluation point (a kink at `w`).
  static func check(_ net: ExactMLP, _ batch: ExactBatch, direction d: [Rational], layersPerturbed q: Int) throws -> (Rational, Rational)? {
    let tape = try net.forward(batch.inputs)
    let gradient = try net.backward(tape, targets: batch.targets, options: ExactBackwardOptions(mode: .dense)).flattened
    let directional = zip(gradient, d).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
    let center = try pattern(net, batch)
    let w = net.flattenedParameters
    func at(_ eps: Rational) throws -> ExactMLP { try net.withParameters(zip(w, d).map { $0 + eps * $1 }) }

    var eps0 = Rational(1, 4)
    for _ in 0...12 {
      let steps = (0..<q).map { eps0 * Rational(1, 1 << $0) }
      var quotients = [Rational]()
      var samePattern = true
      for eps in steps {
        let plus = try at(eps), minus = try at(-eps)
        guard try pattern(plus, batch) == center, try pattern(minus, batch) == center else {
          samePattern = false
          break
        }
        let lp = try plus.evaluateLoss(batch.inputs, targets: batch.targets)
        let lm = try minus.evaluateLoss(batch.inputs, targets: batch.targets)
        quotients.append((lp - lm) / (eps * 2))
      }
      if samePattern {
        // Lagrange interpolation in s = eps^2, evaluated at s = 0.
        let s = steps.map { $0 * $0 }
        var extrapolated = Rational.zero
        for i in 0..<q {
          var weight = Rational.one
          for j in 0..<q where j != i { weight *= (-s[j]) / (s[i] - s[j]) }
          extrapolated += quotients[i] * weight
        }
        return (directional, extrapolated)
      }
      eps0 = eps0 / 2
    }
    return nil
  }

  /// Random scenarios, random integer directions, either one layer or all layers perturbed.
  @Test func denseGradientIsTheExactDirectionalDerivative() throws {
    let gen = scenarioGen(modes: ["dense"]).flatMap { scenario -> Gen<(TwinScenario, Int, [Int])> in
      let layerCount = scenario.sizes.count - 1
      let parameters = zip(scenario.sizes, scenario.sizes.dropFirst()).reduce(0) { $0 + $1.1 * ($1.0 + 1) }
      return Gen.zip(Gen.constant(scenario), Gen.int(in: -1...(layerCount - 1)), Gen.int(in: -3...3).array(count: parameters))
        .map { ($0.0, $0.1, $0.2) }
    }
    try forAll("dense gradient equals exact finite differences", gen, cover: ["all layers": 0.2]) { value, ctx in
      let (scenario, layer, ints) = value
      let net = try scenario.exactNetwork()
      let batch = try scenario.exactBatches()[0]
      // Keep only the chosen layer's block of the direction (or all of it for layer -1).
      var d = ints.map { Rational($0) }
      var q = net.layers.count
      if layer >= 0 {
        q = 1
        var offset = 0
        for (l, lay) in net.layers.enumerated() {
          let count = lay.outputSize * (lay.inputSize + 1)
          if l != layer { for i in offset..<(offset + count) { d[i] = .zero } }
          offset += count
        }
      }
      ctx.classify("all layers", layer < 0)
      guard let (directional, extrapolated) = try Self.check(net, batch, direction: d, layersPerturbed: q) else {
        try ctx.assume(false, "a kink at the state")
        return true
      }
      ctx.note("directional \(directional), finite differences \(extrapolated)")
      return directional == extrapolated
    }
  }

  /// The reference 4-6-5-3 network (leaky ReLU 1/8), all three layers perturbed at once:
  /// three quotients, extrapolated exactly; a single quotient is *not* exact there.
  @Test func referenceNetworkAllLayers() throws {
    // The first seed from 17 whose state has no hidden pre-activation exactly 0 (dyadic
    // data lands on kinks often; at a kink the gradient is one-sided and no check is exact).
    var found: (ExactMLP, ExactBatch)? = nil
    for seed in UInt64(17)..<UInt64(60) where found == nil {
      let scenario = seededScenario(sizes: [4, 6, 5, 3], slopeEighths: 1, examples: 3, batchSize: 3, epochs: 1, mode: .dense, seed: seed)
      let net = try scenario.exactNetwork()
      let batch = try scenario.exactBatches()[0]
      let hidden = try net.forward(batch.inputs).preActivations.dropLast()
      if hidden.allSatisfy({ $0.storage.allSatisfy { !$0.isZero } }) { found = (net, batch) }
    }
    let (net, batch) = try #require(found)
    var rng = SeededGenerator(seed: 4)
    let d = (0..<net.parameterCount).map { _ in Rational(rng.nextInt(below: 7) - 3) }
    let result = try #require(try Self.check(net, batch, direction: d, layersPerturbed: 3))
    #expect(result.0 == result.1)
    #expect(!result.0.isZero)
    let single = try #require(try Self.check(net, batch, direction: d, layersPerturbed: 1))
    #expect(single.1 != single.0, "one symmetric quotient has an O(eps^2) error when several layers move")
  }
}
