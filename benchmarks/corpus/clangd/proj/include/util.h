#ifndef UTIL_H
#define UTIL_H
#include <stddef.h>
struct point { int x; int y; };
int add(int a, int b);
double scale(double v, double f);
size_t count_words(const char *s);
struct point make_point(int x, int y);
#endif
