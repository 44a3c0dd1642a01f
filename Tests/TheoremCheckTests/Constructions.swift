import ExactArithmetic
import Foundation

/// The fixtures' matrices rebuilt from their constructions (Fixtures/quadratics/generate.py):
/// A = Q diag(lambda) Q^T with the Householder reflection Q = I - 2 v v^T / (v^T v),
/// so the spectrum is known exactly, independently of the code under test.
struct Construction {
  var householder: [Rational]?
  var eigenvalues: [Rational]

  /// The matrix, by the closed form Q D Q^T = D - (2/s)(v (Dv)^T + (Dv) v^T) + (4/s^2)(v^T D v) v v^T, s = v^T v.
  var matrix: [[Rational]] {
    let n = eigenvalues.count
    guard let v = householder else {
      return (0..<n).map { i in (0..<n).map { j in i == j ? eigenvalues[i] : Rational(0) } }
    }
    var s = Rational(0)
    for x in v { s += x * x }
    let dv = zip(eigenvalues, v).map { $0 * $1 }
    var vdv = Rational(0)
    for (a, b) in zip(v, dv) { vdv += a * b }
    let two = Rational(2) / s
    let four = Rational(4) * vdv / (s * s)
    return (0..<n).map { i in
      (0..<n).map { j in
        (i == j ? eigenvalues[i] : Rational(0)) - two * (v[i] * dv[j] + dv[i] * v[j]) + four * v[i] * v[j]
      }
    }
  }

  var lambdaMin: Rational { eigenvalues.min()! }
  var lambdaMax: Rational { eigenvalues.max()! }

  static func ints(_ values: [Int]) -> [Rational] { values.map { Rational($0) } }

  /// The constructed fixtures by file name.
  static let fixtures: [String: Construction] = [
    "ill-conditioned.json": Construction(householder: ints([1, 2, 2]), eigenvalues: ints([1, 1000, 1_000_000])),
    "sixty-four.json": Construction(
      householder: ints(Array(1...64)), eigenvalues: (0..<64).map { Rational(1) + Rational($0, 63) }),
    "hypothesis-fails-sometimes.json": Construction(householder: ints([2, 1, 2]), eigenvalues: [3, Rational(7, 2), 4]),
    "linear-term-b.json": Construction(householder: ints([1, 1, 1]), eigenvalues: ints([1, 2, 5])),
    "estimator-exact.json": Construction(householder: ints([1, 2]), eigenvalues: ints([1, 4])),
    "estimator-randomk.json": Construction(householder: ints([1, 1, 1, 1]), eigenvalues: [1, 1, Rational(3, 2), 2]),
  ]
}

/// A plain floating-point re-implementation of the run (EGD with the proof's
/// step), used as an independent oracle where decisions have a clear margin.
struct DoubleReference {
  struct Step {
    var cosDelta: Double
    var theta: Double
    var hypothesisMargin: Double  // theta - (delta + phi), and theta < pi/2
    var hypothesisHolds: Bool
    var eta: Double?
    var ratio: Double?
    var sinThetaSquared: Double
  }

  enum Theta { case cos(Double), sin(Double), auto }
  enum Estimator { case exact, topK(Int), given([[Double]]) }

  static func run(a: [[Double]], minimizer: [Double], start: [Double], lambdaMin: Double, lambdaMax: Double,
                  estimator: Estimator, theta: Theta, steps: Int) -> [Step] {
    let n = minimizer.count
    func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).map { $0 * $1 }.reduce(0, +) }
    let phi = acos((lambdaMin / lambdaMax).squareRoot())
    var w = start
    var result: [Step] = []
    for t in 0..<steps {
      let e = (0..<n).map { w[$0] - minimizer[$0] }
      let grad = (0..<n).map { i in dot(a[i], e) }
      var g = grad
      switch estimator {
      case .exact: break
      case .topK(let k):
        let order = (0..<n).sorted { abs(grad[$0]) != abs(grad[$1]) ? abs(grad[$0]) > abs(grad[$1]) : $0 < $1 }
        let kept = Set(order.prefix(k))
        g = (0..<n).map { kept.contains($0) ? grad[$0] : 0 }
      case .given(let vectors): g = vectors[t]
      }
      let cosDelta = dot(g, grad) / (dot(g, g).squareRoot() * dot(grad, grad).squareRoot())
      let delta = acos(min(1, max(-1, cosDelta)))
      let th: Double
      switch theta {
      case .cos(let c): th = acos(c)
      case .sin(let s): th = asin(s)
      case .auto: th = delta + phi
      }
      let holds = delta + phi <= th + 1e-12 && th < Double.pi / 2
      var eta: Double?
      var ratio: Double?
      var step: Double
      if th < Double.pi / 2 {
        eta = cos(th) * dot(e, e).squareRoot() / dot(g, g).squareRoot()
        step = eta!
      } else {
        step = max(0, dot(g, e) / dot(g, g))
      }
      let next = (0..<n).map { w[$0] - step * g[$0] }
      let nextError = (0..<n).map { next[$0] - minimizer[$0] }
      if eta != nil { ratio = dot(nextError, nextError) / dot(e, e) }
      result.append(Step(
        cosDelta: cosDelta, theta: th, hypothesisMargin: min(th - delta - phi, Double.pi / 2 - th),
        hypothesisHolds: holds, eta: eta, ratio: ratio, sinThetaSquared: sin(th) * sin(th)))
      w = next
    }
    return result
  }
}
