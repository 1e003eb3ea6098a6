#include <stdio.h>
#include <stdlib.h>
static int work_calc(int x) { return x * 3 + 1; }
int main(int argc, char **argv) { int v = argc > 1 ? atoi(argv[1]) : 7; printf("%d\n", work_calc(v)); return 0; }
