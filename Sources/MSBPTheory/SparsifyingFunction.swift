import ExactArithmetic

/// A function of the form of Definition 3: `S_{I_k}(v) = I_k(v) ⊙ v`, where
/// the mask `I_k(v)` has exactly k ones chosen from v.
///
/// Conforming types only choose the index set; masking, and the exact check of
/// Definition 3's defining bound, are shared (see `checkDefinition3`). A type
/// conforming to this protocol is *of the form* of Definition 3; whether it is
/// a *sparsifying function* (the bound holds for every v) is a claim to check.
public protocol SparsifyingFunction: Sendable {
  /// A short name for reports ("top_k", "random_k", …).
  var name: String { get }
  /// The k indices (ascending, distinct, in 0..<v.count) that `I_k(v)` keeps.
  /// - Throws: `outOfRange` unless 0 <= k <= v.count.
  func selectedIndices(of v: [Rational], k: Int) throws -> [Int]
}

extension SparsifyingFunction {
  /// The binary mask `I_k(v)`.
  public func mask(of v: [Rational], k: Int) throws -> [Bool] {
    var m = [Bool](repeating: false, count: v.count)
    for i in try selectedIndices(of: v, k: k) { m[i] = true }
    return m
  }

  /// `S_{I_k}(v) = I_k(v) ⊙ v`.
  public func apply(to v: [Rational], k: Int) throws -> [Rational] {
    let m = try mask(of: v, k: k)
    return v.indices.map { m[$0] ? v[$0] : Rational(0) }
  }
}

/// Throws `outOfRange` unless `0 <= k <= n`.
func requireSparsity(_ k: Int, _ n: Int) throws {
  if k < 0 || k > n {
    throw TheoryError.outOfRange(what: "k", value: "\(k)", allowed: "[0, \(n)]")
  }
}
