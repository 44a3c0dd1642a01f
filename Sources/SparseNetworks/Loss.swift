import Foundation

/// A training loss, averaged over the batch.
public enum Loss: String, Sendable, Equatable, Codable, CaseIterable {
  /// `L = (1/B) sum_b sum_c t_bc (logsumexp(o_b) - o_bc)`, the cross-entropy of
  /// `softmax(o_b)` against the target distribution `t_b` (one-hot for labels).
  /// Gradient `(softmax(o) - t) / B` (for targets summing to 1).
  case softmaxCrossEntropy = "softmax-cross-entropy"
  /// `L = (1/B) sum_b (1/2) ||o_b - t_b||^2`. Gradient `(o - t) / B`.
  case squaredError = "squared-error"

  /// The loss of `outputs` against `targets` (both `[B, c]`) and its gradient with respect
  /// to `outputs`.
  public func valueAndGradient(outputs o: Matrix, targets t: Matrix) throws(ShapeError) -> (
    value: Float, gradient: Matrix
  ) {
    guard o.rows == t.rows, o.columns == t.columns, o.rows > 0 else {
      throw ShapeError(
        "Loss: outputs are [\(o.rows), \(o.columns)], targets [\(t.rows), \(t.columns)]")
    }
    let batch = o.rows
    let c = o.columns
    let scale = 1 / Float(batch)
    var grad = Matrix(rows: batch, columns: c)
    var total: Double = 0
    switch self {
    case .softmaxCrossEntropy:
      for b in 0..<batch {
        var maxValue = -Float.infinity
        for j in 0..<c { maxValue = max(maxValue, o[b, j]) }
        var sum: Float = 0
        for j in 0..<c { sum += Foundation.exp(o[b, j] - maxValue) }
        let lse = maxValue + Foundation.log(sum)
        for j in 0..<c {
          let p = Foundation.exp(o[b, j] - lse)
          total += Double(t[b, j] * (lse - o[b, j]))
          grad[b, j] = (p - t[b, j]) * scale
        }
      }
    case .squaredError:
      for b in 0..<batch {
        for j in 0..<c {
          let d = o[b, j] - t[b, j]
          total += Double(0.5 * d * d)
          grad[b, j] = d * scale
        }
      }
    }
    return (Float(total / Double(batch)), grad)
  }

  /// One-hot targets `[B, classes]` for integer labels; throws on a label out of range.
  public static func oneHot(_ labels: [Int], classes: Int) throws(ShapeError) -> Matrix {
    var t = Matrix(rows: labels.count, columns: classes)
    for (b, y) in labels.enumerated() {
      guard y >= 0, y < classes else {
        throw ShapeError("label \(y) at position \(b) is outside 0..<\(classes)")
      }
      t[b, y] = 1
    }
    return t
  }
}
