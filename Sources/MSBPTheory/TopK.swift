import ExactArithmetic

/// Definition 4: `top_k` keeps the k entries of largest magnitude.
///
/// Tie-breaking (the paper leaves the permutation π unspecified when
/// magnitudes tie): indices are ordered by decreasing |v_i| and, among equal
/// magnitudes, by increasing index; the first k are kept. The choice is
/// deterministic and does not affect Definition 3's bound (Appendix D.3:
/// any choice of k largest magnitudes keeps at least a k/n share of ‖v‖²).
public struct TopK: SparsifyingFunction {
  /// Creates the top_k selector.
  public init() {}

  /// "top_k".
  public var name: String { "top_k" }

  /// The k indices of largest magnitude (ties: smaller index first), ascending.
  public func selectedIndices(of v: [Rational], k: Int) throws -> [Int] {
    try requireSparsity(k, v.count)
    let magnitudes = v.map { $0.magnitude }
    let order = v.indices.sorted { i, j in
      if magnitudes[i] != magnitudes[j] { return magnitudes[i] > magnitudes[j] }
      return i < j
    }
    return order.prefix(k).sorted()
  }
}

/// `top_k(v)` with the tie-breaking rule of `TopK`.
public func topK(_ v: [Rational], k: Int) throws -> [Rational] {
  try TopK().apply(to: v, k: k)
}
