import ExactArithmetic

/// The memory mechanism of MSBP (Section 4, Eqs. 6–7) on exact rationals, for one layer:
/// `g_t = S(∂ℓ/∂h_t + m_{t−1})`, `m_t = γ (∂ℓ/∂h_t + m_{t−1} − g_t)`, `m_0 = 0`.
///
/// Used to check the section's exact claims: γ = 0 is plain SBP, and with γ = 1 nothing
/// is lost (Σ g_t + m_T = Σ ∂ℓ/∂h_t); in general
/// `Σ_{t<=T} g_t + m_T/γ + (1/γ − 1) Σ_{t<T} m_t = Σ_{t<=T} ∂ℓ/∂h_t` for γ > 0.
public struct MemorizedSparsifier<S: SparsifyingFunction>: Sendable {
  /// The sparsifying function S.
  public let sparsifier: S
  /// Entries kept per step.
  public let k: Int
  /// The memory ratio γ ∈ [0, 1].
  public let gamma: Rational
  /// The memory m (starts at 0).
  public private(set) var memory: [Rational]

  /// - Throws: `outOfRange` unless 0 <= γ <= 1 and 0 <= k <= width.
  public init(sparsifier: S, k: Int, gamma: Rational, width: Int) throws {
    if gamma.signValue < 0 || gamma > Rational(1) {
      throw TheoryError.outOfRange(what: "memory ratio γ", value: "\(gamma)", allowed: "[0, 1]")
    }
    try requireSparsity(k, width)
    self.sparsifier = sparsifier
    self.k = k
    self.gamma = gamma
    self.memory = [Rational](repeating: Rational(0), count: width)
  }

  /// One backward step: returns the propagated (sparse) gradient and updates the memory.
  public mutating func step(_ gradient: [Rational]) throws -> [Rational] {
    try VectorMath.requireCount(gradient, memory.count, "∂ℓ/∂h")
    let accumulated = VectorMath.add(gradient, memory)
    let propagated = try sparsifier.apply(to: accumulated, k: k)
    memory = VectorMath.scale(VectorMath.subtract(accumulated, propagated), by: gamma)
    return propagated
  }
}
