// GMP's function-like macros do not import into Swift; the ones the
// ExactArithmetic module needs are re-exposed here as static inline functions.
#ifndef CGMP_SHIM_H
#define CGMP_SHIM_H
#include <gmp.h>

static inline int cgmp_mpz_sgn(const mpz_t z) { return mpz_sgn(z); }
static inline int cgmp_mpq_sgn(const mpq_t q) { return mpq_sgn(q); }
static inline mpz_ptr cgmp_mpq_numref(mpq_t q) { return mpq_numref(q); }
static inline mpz_ptr cgmp_mpq_denref(mpq_t q) { return mpq_denref(q); }
static inline mpz_srcptr cgmp_mpq_numref_const(const mpq_t q) { return mpq_numref(q); }
static inline mpz_srcptr cgmp_mpq_denref_const(const mpq_t q) { return mpq_denref(q); }
static inline int cgmp_mpz_odd_p(const mpz_t z) { return mpz_odd_p(z); }
static inline int cgmp_mpz_even_p(const mpz_t z) { return mpz_even_p(z); }
static inline int cgmp_mpz_cmp_si(const mpz_t z, long v) { return mpz_cmp_si(z, v); }
static inline int cgmp_mpq_cmp_si(const mpq_t q, long n, unsigned long d) { return mpq_cmp_si(q, n, d); }

#endif
