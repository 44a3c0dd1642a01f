#include "CGMPBaseline.h"
#include <gmp.h>

static uint64_t digest(const mpq_t q) {
  unsigned long n = mpz_fdiv_ui(mpq_numref(q), CGMP_BASELINE_DIGEST_PRIME);
  unsigned long d = mpz_fdiv_ui(mpq_denref(q), CGMP_BASELINE_DIGEST_PRIME);
  return ((uint64_t)n << 32) | (uint64_t)d;
}

uint64_t cgmp_baseline_harmonic(unsigned long n) {
  mpq_t sum, term;
  mpq_init(sum);
  mpq_init(term);
  for (unsigned long i = 1; i <= n; i++) {
    mpq_set_ui(term, 1, i);  /* 1/i is already canonical */
    mpq_add(sum, sum, term);
  }
  uint64_t result = digest(sum);
  mpq_clear(term);
  mpq_clear(sum);
  return result;
}

static uint64_t splitmix64_next(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t cgmp_baseline_random_sum(unsigned long count, uint64_t seed) {
  uint64_t state = seed;
  mpq_t sum, term;
  mpq_init(sum);
  mpq_init(term);
  for (unsigned long i = 0; i < count; i++) {
    long p = (long)(splitmix64_next(&state) % 2001) - 1000;
    unsigned long q = splitmix64_next(&state) % 1000 + 1;
    mpq_set_si(term, p, q);
    mpq_canonicalize(term);
    mpq_add(sum, sum, term);
  }
  uint64_t result = digest(sum);
  mpq_clear(term);
  mpq_clear(sum);
  return result;
}
