#include <stdio.h>
#include <stdlib.h>
static int work_sorter(int x) { return x * 3 + 1; }
int main(int argc, char **argv) { int v = argc > 1 ? atoi(argv[1]) : 7; printf("%d\n", work_sorter(v)); return 0; }
