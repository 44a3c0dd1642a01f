#include "CGMPBaseline.h"
#include <gmp.h>
int cgmp_baseline_placeholder(void) { return 0; }
