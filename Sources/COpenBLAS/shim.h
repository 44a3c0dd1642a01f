// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), for the dense GEMM
// kernels of the float networks, and the one piece of floating-point
// environment the trainer sets.
#ifndef COPENBLAS_SHIM_H
#define COPENBLAS_SHIM_H
#include <cblas.h>

// Flush-to-zero and denormals-are-zero for the calling thread: subnormal
// results become 0 and subnormal inputs are read as 0. Adam's moments of
// parameters whose gradient is almost always zero (MNIST's border pixels)
// decay geometrically into the subnormal range, where every operation costs
// a microcode assist on x86. Returns whether the mode was on before, so a
// caller can restore it. On architectures not listed it does nothing and
// returns -1.
#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
static inline int msbp_set_flush_subnormals(int on) {
  const unsigned int bits = 0x8040u;  // FTZ (bit 15) | DAZ (bit 6)
  unsigned int csr = _mm_getcsr();
  int was = (csr & bits) == bits;
  _mm_setcsr(on ? (csr | bits) : (csr & ~bits));
  return was;
}
#elif defined(__aarch64__)
static inline int msbp_set_flush_subnormals(int on) {
  unsigned long fpcr;
  __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
  int was = (int)((fpcr >> 24) & 1u);  // FZ
  fpcr = on ? (fpcr | (1ul << 24)) : (fpcr & ~(1ul << 24));
  __asm__ volatile("msr fpcr, %0" : : "r"(fpcr));
  return was;
}
#else
static inline int msbp_set_flush_subnormals(int on) {
  (void)on;
  return -1;
}
#endif
#endif
