#include <stdio.h>
#include "util.h"
int main(void) {
  struct point p = make_point(1, 2);
  int total = add(p.x, p.y);
  printf("%d %f %zu\n", total, scale(total, 1.5), count_words("a b c"));
  return 0;
}
