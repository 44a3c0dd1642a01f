import ExactArithmetic
import ExactLinearAlgebra
import MSBPTheory

/// The sparsifiers of MSBPTheory, with their errors turned into `InputError`.
enum Sparsifiers {
  /// top_k of `v` (Definition 4; ties broken towards the smaller index).
  static func topK(_ v: [Rational], k: Int) throws(InputError) -> [Rational] {
    do {
      return try TopK().apply(to: v, k: k)
    } catch {
      throw InputError(.kOutOfRange, "top_k: \(error)", at: InputLocation(field: "estimator.k"))
    }
  }

  /// random_k of `v` at step t: a fresh seeded draw per step, seeded with
  /// `seed &+ t` (so the whole run is a pure function of the seed).
  static func randomK(_ v: [Rational], k: Int, seed: UInt64, step: Int) throws(InputError) -> [Rational] {
    do {
      return try RandomK(seed: seed &+ UInt64(step)).apply(to: v, k: k)
    } catch {
      throw InputError(.kOutOfRange, "random_k: \(error)", at: InputLocation(field: "estimator.k"))
    }
  }
}

/// Certified extreme eigenvalues from ExactLinearAlgebra.
enum SpectrumCertification {
  /// The relative gap 2^-bits as a rational.
  static func relativeGap(bits: Int) -> Rational {
    Rational(1) / Rational(BigInt(1) << bits)
  }

  /// mu <= lambda_min(A) and L >= lambda_max(A) within a relative gap of
  /// 2^-precisionBits, with the method that proved each.
  static func certify(_ rows: [[Rational]], precisionBits: Int) throws(InputError) -> SpectrumBounds {
    do {
      let bounds = try RationalMatrix(rows: rows).certifiedExtremeEigenvalues(relativeGap: relativeGap(bits: precisionBits))
      guard bounds.mu > Rational(0) else {
        throw InputError(
          .notPositiveDefinite, "the certified lower bound mu = \(bounds.mu) of lambda_min(A) is not positive",
          at: InputLocation(field: "A"))
      }
      return SpectrumBounds(
        mu: bounds.mu, L: bounds.L, lambdaMinUpperBound: bounds.lambdaMinUpperBound,
        lambdaMaxLowerBound: bounds.lambdaMaxLowerBound,
        method: "mu by \(bounds.muMethod), L by \(bounds.lMethod); relative gap 2^-\(precisionBits)")
    } catch let error as InputError {
      throw error
    } catch {
      throw InputError(.notPositiveDefinite, "the spectrum of A could not be certified: \(error)", at: InputLocation(field: "A"))
    }
  }
}
