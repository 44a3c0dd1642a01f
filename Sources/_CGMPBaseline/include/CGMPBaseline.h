#ifndef CGMP_BASELINE_H
#define CGMP_BASELINE_H
#include <stdint.h>

/// The exact-arithmetic benchmark loops written directly against GMP: the baseline the
/// Swift wrapper is measured against (same loops, same process).
///
/// Each function returns a digest of its exact result, (numerator mod p) * 2^32 +
/// (denominator mod p) with p = 4294967291 (numerator reduced to [0, p)), so the caller can
/// check that Swift and C computed the same number without timing a conversion.

/// H_n = 1/1 + 1/2 + ... + 1/n.
uint64_t cgmp_baseline_harmonic(unsigned long n);

/// The sum of `count` rationals p/q with p in [-1000, 1000] and q in [1, 1000], drawn from
/// SplitMix64 with the given seed as p = next() % 2001 - 1000, q = next() % 1000 + 1.
uint64_t cgmp_baseline_random_sum(unsigned long count, uint64_t seed);

/// The digest's modulus, the largest prime below 2^32.
#define CGMP_BASELINE_DIGEST_PRIME 4294967291UL

#endif
