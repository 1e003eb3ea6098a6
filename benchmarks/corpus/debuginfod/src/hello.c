#include <stdio.h>
#include <stdlib.h>
static int work_hello(int x) { return x * 3 + 1; }
int main(int argc, char **argv) { int v = argc > 1 ? atoi(argv[1]) : 7; printf("%d\n", work_hello(v)); return 0; }
