#include "util.h"
#include <ctype.h>
int add(int a, int b) { return a + b; }
double scale(double v, double f) { return v * f; }
size_t count_words(const char *s) {
  size_t n = 0; int in = 0;
  for (; *s; ++s) { if (isspace((unsigned char)*s)) in = 0; else if (!in) { in = 1; ++n; } }
  return n;
}
struct point make_point(int x, int y) { struct point p = {x, y}; return p; }
