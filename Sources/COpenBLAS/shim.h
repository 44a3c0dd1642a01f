// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), for the dense GEMM
// kernels of the float networks.
#ifndef COPENBLAS_SHIM_H
#define COPENBLAS_SHIM_H
#include <cblas.h>
#endif
