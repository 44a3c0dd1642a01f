import ExactArithmetic
import ExactLinearAlgebra

/// The checks of a quadratic that need exact linear algebra: positive
/// definiteness (with a certificate a user can verify by hand) and the
/// minimizer w* = A^-1 b.
enum QuadraticValidation {
  /// Throws `.notPositiveDefinite` with the certificate of
  /// `ExactLinearAlgebra` (a leading principal minor <= 0 and a vector v with
  /// v^T A v <= 0) when A, already known to be symmetric, is not positive definite.
  static func checkPositiveDefinite(_ rows: [[Rational]], at location: InputLocation) throws(InputError) {
    let answer: PositiveDefiniteness
    do {
      answer = try RationalMatrix(rows: rows).positiveDefiniteness()
    } catch {
      // Shapes and symmetry were checked before; this is a defect, reported, not trapped.
      throw InputError(.notPositiveDefinite, "A could not be checked for positive definiteness: \(error)", at: location)
    }
    if case .notPositiveDefinite(let certificate) = answer {
      let v = certificate.vector.entries.map { $0.description }.joined(separator: ", ")
      throw InputError(
        .notPositiveDefinite,
        """
        A is not positive definite, so the loss is not strongly convex. Certificate (check it by hand): \
        the leading principal minor of order \(certificate.order) is \(certificate.leadingPrincipalMinor) <= 0, \
        and v^T A v = \(certificate.quadraticFormValue) <= 0 for v = [\(v)]
        """,
        at: location)
    }
  }

  /// w* = A^-1 b for a positive definite A.
  static func minimizer(_ rows: [[Rational]], b: [Rational], at location: InputLocation) throws(InputError) -> [Rational] {
    do {
      return try RationalMatrix(rows: rows).solve(RationalVector(b)).entries
    } catch {
      throw InputError(.notPositiveDefinite, "A^-1 b could not be computed: \(error)", at: location)
    }
  }
}
