#ifndef CGMP_BASELINE_H
#define CGMP_BASELINE_H
/// Placeholder: the C baselines of the exact-arithmetic benchmark.
int cgmp_baseline_placeholder(void);
#endif
