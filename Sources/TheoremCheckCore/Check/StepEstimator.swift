import ExactArithmetic
import MSBPTheory

/// Forms the estimate g_t of the true gradient at each step, by the
/// estimator the user chose; the sparsifiers are MSBPTheory's.
struct StepEstimator {
  let spec: EstimatorSpec

  init(_ spec: EstimatorSpec) {
    self.spec = spec
  }

  mutating func estimate(_ gradient: [Rational], step t: Int) throws(InputError) -> [Rational] {
    switch spec {
    case .exact:
      return gradient
    case .topK(let k):
      return try Sparsifiers.topK(gradient, k: k)
    case .randomK(let k, let seed):
      return try Sparsifiers.randomK(gradient, k: k, seed: seed, step: t)
    case .given(let vectors):
      return vectors[t]
    }
  }
}
