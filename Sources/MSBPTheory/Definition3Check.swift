import ExactArithmetic

/// The outcome of checking Definition 3's bound `⟨S(v), v⟩ <= arccos √(k/n)`
/// for one vector v.
public struct Definition3Report: Sendable {
  /// How the degenerate inputs were settled.
  public enum Case: String, Sendable {
    /// v ≠ 0 and S(v) ≠ 0: the angle is defined and compared exactly.
    case regular
    /// v = 0: every angle with v is undefined; the bound holds vacuously.
    case zeroInput
    /// v ≠ 0 but S(v) = 0 (k = 0, or only zero entries kept): the angle is
    /// undefined; we use the energy form ‖S(v)‖² >= (k/n)‖v‖², which holds
    /// iff k = 0 (then the bound is arccos 0 = π/2 and nothing is promised).
    case zeroOutput
  }

  /// The function checked.
  public let functionName: String
  /// n.
  public let n: Int
  /// k.
  public let k: Int
  /// The kept indices (exactly k of them, or the report says otherwise).
  public let selected: [Int]
  /// Whether the function returned exactly k distinct valid indices.
  public let hasDefinitionForm: Bool
  /// How the degenerate cases were settled.
  public let settledCase: Case
  /// ⟨S(v), v⟩ when defined.
  public let angle: QuadraticAngle?
  /// arccos √(k/n).
  public let bound: QuadraticAngle
  /// ‖S(v)‖² / ‖v‖² (the kept share of the energy; 1 when v = 0).
  public let keptEnergyShare: Rational
  /// The bound holds on this v (and the output has Definition 3's form).
  public let holds: Bool
}

/// Decides Definition 3's bound exactly for the function `s` on the vector
/// `v` with k kept entries.
///
/// For a mask, `S(v)·v = ‖S(v)‖²`, so when the angle is defined
/// `cos⟨S(v), v⟩ = ‖S(v)‖/‖v‖` and the bound is equivalent to the rational
/// inequality `‖S(v)‖² >= (k/n)‖v‖²`; `holds` is decided by that rational
/// form, and in the regular case also by the angle comparison (the two must
/// agree; the tests check that they do).
/// - Throws: `outOfRange` for n = 0 or k outside [0, n].
public func checkDefinition3(_ s: some SparsifyingFunction, on v: [Rational], k: Int) throws -> Definition3Report {
  let n = v.count
  if n == 0 { throw TheoryError.outOfRange(what: "n (length of v)", value: "0", allowed: "[1, ∞)") }
  try requireSparsity(k, n)
  let selected = try s.selectedIndices(of: v, k: k)
  let form = selected.count == k && Set(selected).count == k && selected.allSatisfy { (0..<n).contains($0) }
  var kept = [Rational](repeating: Rational(0), count: n)
  for i in selected where (0..<n).contains(i) { kept[i] = v[i] }
  let ratio = Rational(k, n)
  let bound = try QuadraticAngle.arccos(squareRootOf: ratio)
  let vv = VectorMath.squaredNorm(v)
  let ss = VectorMath.squaredNorm(kept)
  if vv.isZeroValue {
    return Definition3Report(
      functionName: s.name, n: n, k: k, selected: selected, hasDefinitionForm: form,
      settledCase: .zeroInput, angle: nil, bound: bound, keptEnergyShare: Rational(1), holds: form)
  }
  let share = ss / vv
  let energyHolds = share >= ratio
  if ss.isZeroValue {
    return Definition3Report(
      functionName: s.name, n: n, k: k, selected: selected, hasDefinitionForm: form,
      settledCase: .zeroOutput, angle: nil, bound: bound, keptEnergyShare: share, holds: form && energyHolds)
  }
  let angle = try QuadraticAngle.between(kept, v, uName: "S(v)", vName: "v")
  return Definition3Report(
    functionName: s.name, n: n, k: k, selected: selected, hasDefinitionForm: form,
    settledCase: .regular, angle: angle, bound: bound, keptEnergyShare: share, holds: form && energyHolds)
}

/// Definition 3 for `top_k` on `v` (the CLI's `topk-bound`).
public func checkTopKBound(_ v: [Rational], k: Int) throws -> Definition3Report {
  try checkDefinition3(TopK(), on: v, k: k)
}
