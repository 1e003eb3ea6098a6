#include "util.h"
int extra(void) { return add(1, 2) + missing_fn(); }
