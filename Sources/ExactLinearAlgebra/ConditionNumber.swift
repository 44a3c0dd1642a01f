import ExactArithmetic

/// Certified bounds on `rho = cond(W)^2 = lambda_max(W W^T) / lambda_min(W W^T)`, the
/// quantity of the paper's Lemma D.2 (and of the well-posedness assumption (27)).
public struct ConditionNumberSquaredBounds: Sendable, Hashable, CustomStringConvertible {
  /// A proven lower bound of `cond(W)^2`.
  public var lower: Rational
  /// A proven upper bound of `cond(W)^2`: any `rho >= upper` satisfies Lemma D.2's premise.
  public var upper: Rational
  /// The certified extreme eigenvalues of `W W^T` the bounds come from.
  public var spectrum: CertifiedSpectrumBounds

  public var description: String { "\(lower) <= cond(W)^2 <= \(upper)" }
}

/// Certified bounds on `cond(W)^2 = lambda_max(W W^T) / lambda_min(W W^T)`.
///
/// `upper = L / mu` and `lower = lambdaMaxLowerBound / lambdaMinUpperBound` from the
/// certified extreme eigenvalues of `W W^T` (each within `relativeGap`). Throws
/// `.rankDeficient` when the rows of `W` are dependent (`W W^T` singular: the condition
/// number is infinite), decided exactly by the rank.
public func conditionNumberSquaredBounds(_ w: RationalMatrix, relativeGap: Rational = defaultRelativeGap) throws
  -> ConditionNumberSquaredBounds
{
  let gram = try w.multiplied(by: w.transposed())
  let spectrum = try gram.certifiedExtremeEigenvalues(relativeGap: relativeGap)
  guard spectrum.mu.signum > 0 else {
    // mu has the sign of lambda_min when lambda_min != 0 (relative gap), so this is rank loss;
    // report it from the exact rank.
    throw LinearAlgebraError.rankDeficient(rank: w.rank(), rows: w.rowCount)
  }
  return ConditionNumberSquaredBounds(
    lower: spectrum.lambdaMaxLowerBound / spectrum.lambdaMinUpperBound,
    upper: spectrum.L / spectrum.mu, spectrum: spectrum)
}
