import ExactArithmetic
import SparseNetworks

/// Top-k selection over exact values, by the float code's own generic
/// ``SparseNetworks/TopK/select(count:k:key:)``: the same ranking (larger magnitude first,
/// equal magnitudes: lower index first) and ascending output, with exact keys.
public enum ExactTopK {
  /// Per-example top-k: for each row of `values` (`[B, m]`), the `k` indices of largest
  /// `|v|`, ascending.
  public static func perExample(_ values: ExactMatrix, k: Int) -> [[Int]] {
    (0..<values.rows).map { b in
      TopK.select(count: values.columns, k: k) { values.storage[b * values.columns + $0].magnitude }
    }
  }

  /// meProp's unified top-k: the `k` columns of largest `s_j = sum_b |v_bj|`, ascending.
  public static func unified(_ values: ExactMatrix, k: Int) -> [Int] {
    let scores = unifiedScores(values)
    return TopK.select(count: values.columns, k: k) { scores[$0] }
  }

  /// The exact column sums `s_j = sum_b |v_bj|`.
  public static func unifiedScores(_ values: ExactMatrix) -> [Rational] {
    var scores = [Rational](repeating: .zero, count: values.columns)
    for b in 0..<values.rows {
      for j in 0..<values.columns { scores[j] += values.storage[b * values.columns + j].magnitude }
    }
    return scores
  }
}
