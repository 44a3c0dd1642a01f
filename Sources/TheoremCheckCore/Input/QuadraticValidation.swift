import ExactArithmetic

// Temporary: the exact linear algebra module has not landed yet. These report
// an explicit error instead of accepting an unchecked matrix.
enum QuadraticValidation {
  static func checkPositiveDefinite(_ rows: [[Rational]], at location: InputLocation) throws(InputError) {
    throw InputError(.usage, "positive definiteness cannot be checked yet in this build", at: location)
  }

  static func minimizer(_ rows: [[Rational]], b: [Rational], at location: InputLocation) throws(InputError) -> [Rational] {
    throw InputError(.usage, "A^-1 b cannot be computed yet in this build", at: location)
  }
}
